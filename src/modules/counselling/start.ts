import { can } from "../../platform/auth/policy.js";
import type { WaitingItem } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { canKeepCounselling } from "./counselling.policy.js";
import * as repo from "./counselling.repository.js";

/** On staff's start page: requests for a start-up conversation nobody has answered yet. */
export async function waitingInCounselling(ctx: ServiceContext): Promise<WaitingItem[]> {
  if (!can(ctx.actor, canKeepCounselling, { tenantId: ctx.tenant.id })) return [];
  const count = await repo.countUnansweredRequests(ctx.db, ctx.tenant.id);
  return [{ group: "centre", label: "counselling.start.waiting", count, href: "/counselling?topic=startup&status=open", toDo: true }];
}
