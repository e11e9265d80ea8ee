import { can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { registerAgreementsApi } from "./agreements.api.js";
import { canManageAgreements, canSeeOwnAgreements } from "./agreements.policy.js";
import { agreementsRoutes } from "./agreements.routes.js";
import type {} from "./agreements.table.js"; // its tables join the database interface
import { personalData } from "./personal-data.js";
import { agreementJobs, waitingInAgreements } from "./reminders.js";

export const agreementsModule: ModuleDefinition = {
  name: "agreements",
  mounts: [{ path: "/agreements", routes: agreementsRoutes }],
  api: registerAgreementsApi,
  personalData,
  // The reminder 60 days before an agreement's end (once), to its caseworker and contact person.
  jobs: agreementJobs,
  waiting: waitingInAgreements,
  notices: {
    agreementCreated: "agreements.notice.created",
    agreementSaved: "agreements.notice.saved",
    agreementRenewed: "agreements.notice.renewed",
    agreementEnded: "agreements.notice.ended",
    agreementDocumentAdded: "agreements.notice.documentAdded",
    agreementDocumentRemoved: "agreements.notice.documentRemoved",
  },
  nav: [
    { href: "/agreements/mine", label: "nav.agreementsMine", group: "association", visible: (a) => can(a, canSeeOwnAgreements, { tenantId: a.tenantId }) },
    { href: "/agreements/manage", label: "nav.agreements", group: "centre", visible: (a) => can(a, canManageAgreements, { tenantId: a.tenantId }) },
  ],
};
