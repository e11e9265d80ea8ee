import { can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { registerAgreementsApi } from "./agreements.api.js";
import type { LinkKind } from "./agreements.model.js";
import { canManageAgreements, canSeeOwnAgreements } from "./agreements.policy.js";
import { agreementsRoutes } from "./agreements.routes.js";
import { agreementsLinkedTo } from "./agreements.service.js";
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
    agreementLevelAdded: "agreements.levels.notice.added",
    agreementLevelSaved: "agreements.levels.notice.saved",
    agreementLevelMoved: "agreements.levels.notice.moved",
    agreementLevelRemoved: "agreements.levels.notice.removed",
    agreementDocumentAdded: "agreements.notice.documentAdded",
    agreementDocumentRemoved: "agreements.notice.documentRemoved",
  },
  nav: [
    { href: "/agreements/mine", label: "nav.agreementsMine", group: "association", visible: (a) => can(a, canSeeOwnAgreements, { tenantId: a.tenantId }) },
    { href: "/agreements/manage", label: "nav.agreements", group: "centre", visible: (a) => can(a, canManageAgreements, { tenantId: a.tenantId }) },
  ],
};

// Grant schemes and premises name the agreements they are part of. Those modules import this index (and
// offer their records for the agreement form through `offerLinkTargets`); agreements import neither of
// them, so the modules' imports form no cycle.
export { type LinkTargets, offerLinkTargets } from "./link-targets.js";
export { PartOfAgreements } from "./views/part-of.js";

/** The running agreements a grant scheme or a premise is part of, with a link each, as this person may see them. */
export async function agreementsPartOf(ctx: ServiceContext, kind: LinkKind, refId: string): Promise<{ id: string; title: string; href: string }[]> {
  return agreementsLinkedTo(ctx, kind, refId);
}
