import { can } from "../../platform/auth/policy.js";
import type { WaitingItem } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { canModerateOffers } from "./directory.policy.js";
import { moderationQueue } from "./directory.service.js";

/** The centre's queue of new and changed offers and association pages to approve. */
export async function waitingInDirectory(ctx: ServiceContext): Promise<WaitingItem[]> {
  if (!can(ctx.actor, canModerateOffers, { tenantId: ctx.tenant.id })) return [];
  const offers = await moderationQueue(ctx);
  return [{ group: "centre", label: "start.offersToApprove", count: offers.length, href: "/directory/moderation", toDo: true }];
}
