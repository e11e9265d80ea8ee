import { can } from "../../platform/auth/policy.js";
import type { ModuleDefinition } from "../../platform/modules.js";
import { canSeeBridgeFigures, canSeeReferrals } from "./bridge.policy.js";
import { bridgeRoutes } from "./bridge.routes.js";
import type {} from "./bridge.table.js"; // its tables join the database interface
import { waitingReferrals } from "./referrals-start.js";

export const bridgeModule: ModuleDefinition = {
  name: "bridge",
  mounts: [{ path: "/bridge", routes: bridgeRoutes }],
  waiting: waitingReferrals,
  notices: {
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
  ],
};
