import { can } from "../../platform/auth/policy.js";
import type { WaitingItem } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { canModerateEvents } from "./events.policy.js";
import { countEventChanges, countPendingEvents } from "./events.repository.js";

/** Associations' events that wait for staff to approve them. */
export async function waitingInEvents(ctx: ServiceContext): Promise<WaitingItem[]> {
  if (!can(ctx.actor, canModerateEvents, { tenantId: ctx.tenant.id })) return [];
  const [fresh, changed] = await Promise.all([countPendingEvents(ctx.db, ctx.tenant.id), countEventChanges(ctx.db, ctx.tenant.id)]);
  const count = fresh + changed;
  return [{ group: "centre", label: "eventForm.start.toApprove", count, href: "/events/moderation", toDo: true }];
}
