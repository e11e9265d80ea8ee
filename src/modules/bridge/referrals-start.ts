import { can, isPerson } from "../../platform/auth/policy.js";
import type { WaitingItem } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { canSeeReferrals } from "./bridge.policy.js";
import { unanswered } from "./referrals.js";

/** For an association's admins: the people referred to them who wait for an answer. */
export async function waitingReferrals(ctx: ServiceContext): Promise<WaitingItem[]> {
  if (!isPerson(ctx.actor) || !can(ctx.actor, canSeeReferrals, { tenantId: ctx.tenant.id })) return [];
  const count = await unanswered(ctx);
  return count > 0 ? [{ group: "association", label: "start.bridgeReferrals", count, href: "/bridge/referrals", toDo: true }] : [];
}
