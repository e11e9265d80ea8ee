import { can } from "../../platform/auth/policy.js";
import type { WaitingItem } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { canModerateOffers } from "./directory.policy.js";
import { moderationQueue } from "./directory.service.js";
import { stalePages } from "./stale-pages.js";

/** The centre's queue of new and changed offers and association pages to approve, and the pages nobody has confirmed for a year. */
export async function waitingInDirectory(ctx: ServiceContext): Promise<WaitingItem[]> {
  if (!can(ctx.actor, canModerateOffers, { tenantId: ctx.tenant.id })) return [];
  const [offers, stale] = await Promise.all([moderationQueue(ctx), stalePages(ctx)]);
  return [
    { group: "centre", label: "start.offersToApprove", count: offers.length, href: "/directory/moderation", toDo: true },
    {
      group: "centre",
      label: "start.stalePages",
      count: stale.length,
      href: stale[0]?.href ?? "/directory",
      toDo: true,
      examples: stale.slice(0, 3).map((p) => ({ text: p.title, href: p.href })),
    },
  ];
}
