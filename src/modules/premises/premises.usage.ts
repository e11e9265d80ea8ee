import { audit } from "../../platform/audit/audit.js";
import { authorize } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { invalidField } from "../../platform/http/errors.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import * as bookings from "./bookings.repository.js";
import { canDecideBookings } from "./premises.policy.js";
import * as premisesRepo from "./premises.repository.js";
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
  const [hours, closures, dates] = await Promise.all([
    premisesRepo.hoursOf(ctx.db, ctx.tenant.id, ids),
    premisesRepo.closuresOf(ctx.db, ctx.tenant.id, ids, from, to),
    bookings.usedDates(ctx.db, ctx.tenant.id, from, to),
  ]);
  return usage(tree, hours, closures, dates, from, to);
}

/** Staff report that a group did not come on a date that has passed. */
export async function reportNoShow(ctx: ServiceContext, bookingId: string, date: string) {
  authorize(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id });
  const found = (await bookings.datesOf(ctx.db, ctx.tenant.id, [bookingId])).find((o) => o.localDate === date && o.status === "active");
  if (!found || new Date(found.startsAt).getTime() > ctx.clock.now().getTime()) throw invalidField("date", "usage.noShow.notYet");
  await inTransaction(ctx, async (tx) => {
    await bookings.markNoShow(tx.db, ctx.tenant.id, found.id, isoNow(ctx.clock));
    await audit(tx, "booking.no_show", { type: "booking", id: bookingId }, { date });
  });
}
