import { can } from "../../platform/auth/policy.js";
import type { WaitingItem } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { moderationQueue } from "./moderation.js";
import { canModerate } from "./opportunities.policy.js";

/** The centre's queue of new and changed jobs to approve. */
export async function waitingInOpportunities(ctx: ServiceContext): Promise<WaitingItem[]> {
  if (!can(ctx.actor, canModerate, { tenantId: ctx.tenant.id })) return [];
  const { rows } = await moderationQueue(ctx);
  return [{ group: "centre", label: "start.jobsToApprove", count: rows.length, href: "/opportunities/moderation", toDo: true }];
}
