import { can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { canModerateOffers } from "./directory.policy.js";
import { directoryRoutes } from "./directory.routes.js";
import type {} from "./directory.table.js"; // its tables join the database interface
import { stalePageJobs } from "./stale-pages.js";
import { waitingInDirectory } from "./start.js";

export type { Offer } from "./directory.model.js";
export { publicOffers } from "./directory.service.js";

export const directoryModule: ModuleDefinition = {
  name: "directory",
  waiting: waitingInDirectory,
  mounts: [{ path: "/directory", routes: directoryRoutes }],
  jobs: stalePageJobs,
  notices: { offerApproved: "notice.offerApproved" },
  nav: [{ href: "/directory/moderation", label: "nav.offerModeration", group: "centre", visible: (a) => can(a, canModerateOffers, { tenantId: a.tenantId }) }],
  notAPerson: {
    "offers.contact_email": "the contact the association gives for an offer",
    "offers.contact_phone": "the contact the association gives for an offer",
  },
};
