import type { ModuleDefinition } from "../../platform/modules.js";
import { tellBookerJobs } from "./bookings/tell-booker.js";
import { personalData } from "./personal-data.js";
import { registerPremisesApi } from "./premises.api.js";
import { canBookForSomeAssociation, canDecideBookings, canManagePremises, canSeeRounds, mayInTenant } from "./premises.policy.js";
import { premisesRoutes } from "./premises.routes.js";
import type {} from "./premises.table.js"; // its tables join the database interface
import { waitingInPremises } from "./start.js";

export { personalData } from "./personal-data.js";

export const premisesModule: ModuleDefinition = {
  name: "premises",
  waiting: waitingInPremises,
  mounts: [{ path: "/premises", routes: premisesRoutes }],
  api: registerPremisesApi,
  personalData,
  jobs: tellBookerJobs,
  notices: { booked: "notice.booked", requested: "notice.requested", requestsDecided: "notice.requestsDecided" },
  nav: [
    { href: "/premises", label: "nav.premises", group: "public", visible: () => true },
    { href: "/premises/bookings", label: "nav.myBookings", group: "association", visible: (a) => mayInTenant(a, canBookForSomeAssociation) },
    { href: "/premises/rounds", label: "nav.rounds", group: "premises", visible: (a) => mayInTenant(a, canSeeRounds) },
    { href: "/premises/requests", label: "nav.bookingRequests", group: "premises", visible: (a) => mayInTenant(a, canDecideBookings) },
    { href: "/premises/usage", label: "nav.premisesUsage", group: "premises", visible: (a) => mayInTenant(a, canDecideBookings) },
    { href: "/premises/manage", label: "nav.managePremises", group: "premises", visible: (a) => mayInTenant(a, canManagePremises) },
  ],
};
