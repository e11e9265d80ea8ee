import { type Actor, can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { canManageCompanions, canReferOthers, canSeeBridgeFigures, canSeeReferrals, canWorkCases } from "./bridge.policy.js";
import { bridgeRoutes } from "./bridge.routes.js";
import type {} from "./bridge.table.js"; // its tables join the database interface
import { bridgeJobs } from "./bridge-jobs.js";
import { waitingInFollowUps } from "./follow-ups-start.js";
import { notAPerson, personalData, sealedFields } from "./personal-data.js";
import { waitingReferrals } from "./referrals-start.js";
import { waitingInBridge } from "./start.js";

/** The menu group a person who may refer others finds the referral form in; null for those who may not. */
function refersAs(a: Actor): "centre" | "association" | "mine" | null {
  const here = { tenantId: a.tenantId };
  if (!can(a, canReferOthers, here)) return null;
  if (can(a, canWorkCases, here) || can(a, canSeeBridgeFigures, here)) return "centre";
  return can(a, canSeeReferrals, here) ? "association" : "mine";
}

export const bridgeModule: ModuleDefinition = {
  name: "bridge",
  mounts: [{ path: "/bridge", routes: bridgeRoutes }],
  // The cases: the purge job, the person's data, the sealed columns, the start page and the menu.
  jobs: bridgeJobs,
  personalData,
  notAPerson,
  sealedFields,
  waiting: async (ctx) => [...(await waitingInBridge(ctx)), ...(await waitingInFollowUps(ctx)), ...(await waitingReferrals(ctx))],
  notices: {
    bridgeConsentRecorded: "bridge.notice.consentRecorded",
    bridgeIntakeSaved: "bridge.notice.intakeSaved",
    bridgeNoteAdded: "bridge.notice.noteAdded",
    bridgeCaseTaken: "bridge.notice.caseTaken",
    bridgeCaseShared: "bridge.notice.caseShared",
    bridgeCaseDeleted: "bridge.notice.caseDeleted",
    bridgePicked: "bridge.notice.picked",
    bridgeChosen: "bridge.notice.chosen",
    bridgeReferralSent: "bridge.notice.referralSent",
    bridgeReferralWithdrawn: "bridge.notice.referralWithdrawn",
    bridgeAccepted: "bridge.notice.accepted",
    bridgeDeclined: "bridge.notice.declined",
    bridgeMeeting: "bridge.notice.meeting",
    bridgeWelcome: "bridge.notice.welcome",
    bridgeMet: "bridge.notice.met",
  },
  nav: [
    { href: "/bridge/referrals", label: "nav.bridgeReferrals", group: "association", visible: (a) => can(a, canSeeReferrals, { tenantId: a.tenantId }) },
    { href: "/bridge/figures", label: "nav.bridgeFigures", group: "centre", visible: (a) => can(a, canSeeBridgeFigures, { tenantId: a.tenantId }) },
    { href: "/bridge", label: "nav.bridge", group: "centre", visible: (a) => can(a, canWorkCases, { tenantId: a.tenantId }) },
    { href: "/bridge/companions", label: "nav.bridgeCompanion", group: "centre", visible: (a) => can(a, canManageCompanions, { tenantId: a.tenantId }) },
    // Referring sits where the referrer works: the centre's staff, an association's board, or a municipal worker's own menu.
    { href: "/bridge/refer", label: "nav.bridgeRefer", group: "centre", visible: (a) => refersAs(a) === "centre" },
    { href: "/bridge/refer", label: "nav.bridgeRefer", group: "association", visible: (a) => refersAs(a) === "association" },
    { href: "/bridge/refer", label: "nav.bridgeRefer", group: "mine", visible: (a) => refersAs(a) === "mine" },
  ],
};
