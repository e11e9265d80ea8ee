import { can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { canReferOthers, canWorkCases } from "./bridge.policy.js";
import { bridgeRoutes } from "./bridge.routes.js";
import type {} from "./bridge.table.js"; // its tables join the database interface
import { bridgeJobs } from "./bridge-jobs.js";
import { notAPerson, personalData, sealedFields } from "./personal-data.js";
import { waitingInBridge } from "./start.js";

export const bridgeModule: ModuleDefinition = {
  name: "bridge",
  mounts: [{ path: "/bridge", routes: bridgeRoutes }],
  // The cases: the purge job, the person's data, the sealed columns, the start page and the menu.
  jobs: bridgeJobs,
  personalData,
  notAPerson,
  sealedFields,
  waiting: waitingInBridge,
  notices: {
    bridgeConsentRecorded: "bridge.notice.consentRecorded",
    bridgeIntakeSaved: "bridge.notice.intakeSaved",
    bridgeNoteAdded: "bridge.notice.noteAdded",
    bridgeCaseTaken: "bridge.notice.caseTaken",
    bridgeCaseShared: "bridge.notice.caseShared",
    bridgeCaseDeleted: "bridge.notice.caseDeleted",
  },
  nav: [
    { href: "/bridge", label: "nav.bridge", group: "centre", visible: (a) => can(a, canWorkCases, { tenantId: a.tenantId }) },
    { href: "/bridge/refer", label: "nav.bridgeRefer", group: "centre", visible: (a) => can(a, canReferOthers, { tenantId: a.tenantId }) },
  ],
};
