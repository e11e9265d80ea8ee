import { isPerson } from "../../platform/auth/policy.js";
import type { WaitingItem } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { countAccompanied } from "./companions.repository.js";
import { countDue } from "./follow-ups.js";

/**
 * For the start page: a bridge-builder's follow-ups due today or overdue, and for a companion the way to
 * their own page with the people they come along with (their only way in; there is no menu entry).
 */
export async function waitingInFollowUps(ctx: ServiceContext): Promise<WaitingItem[]> {
  if (!isPerson(ctx.actor)) return [];
  const [due, accompanied] = await Promise.all([countDue(ctx), countAccompanied(ctx.db, ctx.tenant.id, ctx.actor.userId)]);
  const items: WaitingItem[] = [];
  if (due > 0) items.push({ group: "centre", label: "bridge.start.followUpsDue", count: due, href: "/bridge/follow-ups", toDo: true });
  if (accompanied > 0) items.push({ group: "mine", label: "bridge.start.companion", count: accompanied, href: "/bridge/companion" });
  return items;
}
