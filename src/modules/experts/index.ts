import { can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { canAskForSome, canBeExpert, canMatchExperts } from "./experts.policy.js";
import { expertsRoutes } from "./experts.routes.js";
import type {} from "./experts.table.js"; // its tables join the database interface
import { personalData } from "./personal-data.js";
import { waitingInExperts } from "./start.js";

export { SKILLS, type Skill } from "./experts.model.js";

export const expertsModule: ModuleDefinition = {
  name: "experts",
  mounts: [{ path: "/experts", routes: expertsRoutes }],
  personalData,
  waiting: waitingInExperts,
  notAPerson: { "expert_requests.needed_by": "the day a board would like help by" },
  notices: {
    expertSaved: "experts.notice.saved",
    expertPaused: "experts.notice.paused",
    expertResumed: "experts.notice.resumed",
    expertLeft: "experts.notice.left",
    expertAsked: "experts.notice.asked",
    expertProposed: "experts.notice.proposed",
    expertAccepted: "experts.notice.accepted",
    expertDeclined: "experts.notice.declined",
    expertHoursLogged: "experts.notice.hoursLogged",
    expertRated: "experts.notice.rated",
  },
  nav: [
    { href: "/experts/me", label: "nav.expertsMe", group: "mine", visible: (a) => can(a, canBeExpert, { tenantId: a.tenantId }) },
    { href: "/experts/mine", label: "nav.expertsMine", group: "association", visible: (a) => can(a, canAskForSome, { tenantId: a.tenantId }) },
    { href: "/experts/requests", label: "nav.expertsRequests", group: "centre", visible: (a) => can(a, canMatchExperts, { tenantId: a.tenantId }) },
  ],
};
