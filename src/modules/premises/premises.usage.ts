import { auditEntry } from "../../platform/audit/audit.js";
import { authorize } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { canDecideBookings } from "./premises.policy.js";
import * as repo from "./premises.repository.js";
import { premiseTree } from "./premises.service.js";
import { usage } from "./usage.js";

/** The season a date falls in: August to June, as associations and schools plan. */
export function seasonOf(date: string) {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 8 ? year : year - 1;
  return { from: `${start}-08-01`, to: `${start + 1}-06-30` };
}

export async function usageReport(ctx: ServiceContext, from: string, to: string) {
  authorize(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id });
  const tree = await premiseTree(ctx);
  const ids = tree.all.map((p) => p.id);
  const [hours, closures, occurrences] = await Promise.all([
    repo.hoursOf(ctx.db, ctx.tenant.id, ids),
    repo.closuresOf(ctx.db, ctx.tenant.id, ids, from, to),
    repo.usedOccurrences(ctx.db, ctx.tenant.id, from, to),
  ]);
  return usage(tree, hours, closures, occurrences, from, to);
}

/** Staff report that a group did not come on a date that has passed. */
export async function reportNoShow(ctx: ServiceContext, bookingId: string, date: string) {
  authorize(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id });
  const actorId = ctx.actor.userId;
  const occurrence = (await repo.occurrencesOf(ctx.db, ctx.tenant.id, [bookingId])).find((o) => o.local_date === date && o.status === "active");
  if (!occurrence || new Date(occurrence.starts_at).getTime() > ctx.clock.now().getTime()) return false;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("booking_occurrences")
      .set({ no_show_at: isoNow(ctx.clock) })
      .where("tenant_id", "=", ctx.tenant.id)
      .where("id", "=", occurrence.id)
      .execute();
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId,
      action: "booking.no_show",
      entityType: "booking",
      entityId: bookingId,
      ip: ctx.ip,
      details: { date },
    });
  });
  return true;
}
