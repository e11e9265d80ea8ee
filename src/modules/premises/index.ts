import { type Actor, hasRole, isPerson } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { personalData } from "./personal-data.js";
import { registerPremisesApi } from "./premises.api.js";
import { premisesRoutes } from "./premises.routes.js";
import type {} from "./premises.table.js"; // its tables join the database interface

export { personalData } from "./personal-data.js";

const isAssociationAdmin = (a: Actor) => isPerson(a) && [...a.memberships.values()].includes("admin");

export const premisesModule: ModuleDefinition = {
  name: "premises",
  mounts: [{ path: "/premises", routes: premisesRoutes }],
  api: registerPremisesApi,
  personalData,
  notices: { booked: "notice.booked", requested: "notice.requested" },
  nav: [
    { href: "/premises", label: "nav.premises", visible: () => true },
    { href: "/premises/bookings", label: "nav.myBookings", visible: isAssociationAdmin },
    { href: "/premises/rounds", label: "nav.rounds", visible: (a) => hasRole(a, "caseworker", "staff", "tenant_admin") || isAssociationAdmin(a) },
    { href: "/premises/requests", label: "nav.bookingRequests", visible: (a) => hasRole(a, "caseworker", "staff", "tenant_admin") },
    { href: "/premises/usage", label: "nav.premisesUsage", visible: (a) => hasRole(a, "caseworker", "staff", "tenant_admin") },
    { href: "/premises/manage", label: "nav.managePremises", visible: (a) => hasRole(a, "caseworker", "staff", "tenant_admin") },
  ],
};
