import type { ModuleDefinition } from "../../platform/modules.js";
import { personalData } from "./personal-data.js";
import { registerPremisesApi } from "./premises.api.js";
import { canBookForSomeAssociation, canDecideBookings, canManagePremises, canSeeRounds, mayInTenant } from "./premises.policy.js";
import { premisesRoutes } from "./premises.routes.js";
import type {} from "./premises.table.js"; // its tables join the database interface

export { personalData } from "./personal-data.js";

export const premisesModule: ModuleDefinition = {
  name: "premises",
  mounts: [{ path: "/premises", routes: premisesRoutes }],
  api: registerPremisesApi,
  personalData,
  notices: { booked: "notice.booked", requested: "notice.requested", requestsDecided: "notice.requestsDecided" },
  nav: [
    { href: "/premises", label: "nav.premises", visible: () => true },
    { href: "/premises/bookings", label: "nav.myBookings", visible: (a) => mayInTenant(a, canBookForSomeAssociation) },
    { href: "/premises/rounds", label: "nav.rounds", visible: (a) => mayInTenant(a, canSeeRounds) },
    { href: "/premises/requests", label: "nav.bookingRequests", visible: (a) => mayInTenant(a, canDecideBookings) },
    { href: "/premises/usage", label: "nav.premisesUsage", visible: (a) => mayInTenant(a, canDecideBookings) },
    { href: "/premises/manage", label: "nav.managePremises", visible: (a) => mayInTenant(a, canManagePremises) },
  ],
};
