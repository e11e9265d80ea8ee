import { type Actor, can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { canBeMatched, canMatchForOthers } from "./matching.policy.js";
import { matchingRoutes } from "./matching.routes.js";
import { personalData, sealedFields } from "./matching.service.js";
import type {} from "./matching.table.js"; // its tables join the database interface
import { waitingInMatching } from "./start.js";

export type { Match, Reason, VolunteerProfile } from "./matching.model.js";
export { matchesFor, personalData, sealedFields } from "./matching.service.js";
export { ReasonList } from "./views/matching-views.js";

const here = (a: Actor) => ({ tenantId: a.tenantId });

export const matchingModule: ModuleDefinition = {
  name: "matching",
  waiting: waitingInMatching,
  notices: { consentWithdrawn: "notice.consentWithdrawn", profileSaved: "notice.profileSaved" },
  mounts: [{ path: "/matching", routes: matchingRoutes }],
  personalData,
  sealedFields,
  nav: [
    { href: "/matching", label: "nav.forYou", group: "mine", visible: (a) => can(a, canBeMatched, here(a)) },
    { href: "/matching/staff", label: "nav.matchingStaff", group: "centre", visible: (a) => can(a, canMatchForOthers, here(a)) },
  ],
};
