import { audit } from "../../../platform/audit/audit.js";
import { can } from "../../../platform/auth/policy.js";
import { invalid, notFound } from "../../../platform/http/errors.js";
import { inTransaction, type ServiceContext } from "../../../platform/service-context.js";
import * as bookings from "../bookings.repository.js";
import { canManageBooking } from "../premises.policy.js";
import * as premisesRepo from "../premises.repository.js";
import { datesToCancel } from "./booking-rules.js";
import { release } from "./hold.js";

/**
 * Cancels one date, a date and the rest of the series, or all of it, no later than the premise's
 * deadline before each date. Dates already past stay as they were.
 */
export async function cancel(ctx: ServiceContext, id: string, scope: "one" | "rest" | "all", date: string) {
  const b = await bookings.findBooking(ctx.db, ctx.tenant.id, id);
  if (!b || !can(ctx.actor, canManageBooking, b)) throw notFound();
  if (b.status === "cancelled" || b.status === "rejected") return;
  const premise = await premisesRepo.findPremise(ctx.db, ctx.tenant.id, b.premiseId);
  const live = (await bookings.datesOf(ctx.db, ctx.tenant.id, [id])).filter((o) => o.status === "active");
  const { error, free } = datesToCancel(live, scope, date, premise?.cancelHours ?? 0, ctx.clock.now());
  if (error) throw invalid(error);
  const dates = free.map((o) => o.localDate);
  await inTransaction(ctx, async (tx) => {
    await release(tx.db, tx, id, dates);
    await audit(tx, `booking.cancelled.${scope}`, { type: "booking", id }, { dates: dates.join(",") });
  });
}
