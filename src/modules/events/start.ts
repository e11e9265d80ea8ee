import { can, isPerson } from "../../platform/auth/policy.js";
import type { WaitingItem } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { canModerateEvents } from "./events.policy.js";
import { countEventChanges, countPendingEvents } from "./events.repository.js";
import { networksOfUser } from "./network.repository.js";

/** Associations' events (and changes to them) that wait for staff to approve them; a member's networks. */
export async function waitingInEvents(ctx: ServiceContext): Promise<WaitingItem[]> {
  const mine = await myNetworksCard(ctx);
  if (!can(ctx.actor, canModerateEvents, { tenantId: ctx.tenant.id })) return mine;
  const [fresh, changed] = await Promise.all([countPendingEvents(ctx.db, ctx.tenant.id), countEventChanges(ctx.db, ctx.tenant.id)]);
  return [{ group: "centre", label: "eventForm.start.toApprove", count: fresh + changed, href: "/events/moderation", toDo: true }, ...mine];
}

/** A member's networks, on her start page: the way to their meetings (networks). */
async function myNetworksCard(ctx: ServiceContext): Promise<WaitingItem[]> {
  if (!isPerson(ctx.actor)) return [];
  const networks = await networksOfUser(ctx.db, ctx.tenant.id, ctx.actor.userId);
  if (!networks.length) return [];
  return [
    {
      group: "mine",
      label: "networks.start.mine",
      count: networks.length,
      href: "/networks",
      examples: networks.slice(0, 3).map((n) => ({ text: n.name, href: `/networks/${n.id}` })),
    },
  ];
}
