import type { Database } from "../../../db/database.js";
import { takeTurns } from "../../../db/portable.js";
import { type Clock, isoNow } from "../../../platform/clock.js";
import { AppError } from "../../../platform/http/errors.js";
import { newId } from "../../../platform/ids.js";
import type { ServiceContext } from "../../../platform/service-context.js";
import type { Tenant } from "../../../platform/tenants/tenants.js";
import { minuteOf, type Occurrence, type Series } from "../../../platform/time/recurrence.js";
import * as bookings from "../bookings.repository.js";
import type { PremiseTree } from "../premise-tree.js";
import type { Alternative, Premise } from "../premises.model.js";

/**
 * The time asked for is held already (409). It carries what would work instead, so the form that
 * asked can offer it; the field names where the taken time was typed.
 */
export class SlotTaken extends AppError {
  constructor(
    field = "start",
    readonly alternatives: Alternative[] = [],
  ) {
    super(409, "conflict", "booking.taken", { [field]: "booking.taken" });
  }
}

/** Writes a booking and holds its dates; throws SlotTaken (or the constraint's error) when any is taken. */
export async function writeBooking(
  db: Database,
  ctx: { tenant: Pick<Tenant, "id">; clock: Clock },
  tree: PremiseTree,
  premise: Premise,
  b: { id: string; associationId: string | null; userId: string | null; purpose: string; participants: number; status: "pending" | "approved"; series: Series },
  dates: Occurrence[],
) {
  const now = isoNow(ctx.clock);
  await bookings.insertBooking(
    db,
    {
      id: b.id,
      tenantId: ctx.tenant.id,
      premiseId: premise.id,
      associationId: b.associationId,
      userId: b.userId,
      purpose: b.purpose,
      participants: b.participants,
      status: b.status,
      zone: b.series.zone,
      startDate: b.series.startDate,
      startTime: b.series.startTime,
      endTime: b.series.endTime,
      everyWeeks: b.series.everyWeeks,
      untilDate: b.series.untilDate,
      decisionNote: null,
      decidedBy: null,
      decidedAt: b.status === "approved" ? now : null,
      createdAt: now,
    },
    now,
  );
  await hold(db, ctx.tenant.id, tree, premise, b.id, dates);
}

/**
 * Takes the times for a booking's dates, or moves one of its dates when `moving` names it. Throws
 * SlotTaken when any of them is held already.
 */
export async function hold(db: Database, tenantId: string, tree: PremiseTree, premise: Premise, bookingId: string, dates: Occurrence[], moving?: string) {
  const parts = tree.withParts(premise.id);
  // Requests for the same building take turns, so each sees the one before it; the constraint stays the guarantee.
  await takeTurns(db, `premises:${tree.building(premise.id)?.id ?? premise.id}`);
  if (moving) await bookings.freeTimes(db, tenantId, [moving]);
  for (const o of dates) {
    const start = minuteOf(o.startsAt);
    const end = minuteOf(o.endsAt) + premise.bufferMinutes;
    // On SQLite this check is the guarantee (one writer at a time); on PostgreSQL the exclusion constraint is.
    if (await bookings.isTaken(db, tenantId, parts, start, end)) throw new SlotTaken();
    const when = { localDate: o.localDate, startsAt: o.startsAt.toISOString(), endsAt: o.endsAt.toISOString() };
    const occurrenceId = moving ?? newId();
    if (moving) await bookings.moveDateTo(db, tenantId, moving, when);
    else await bookings.insertDate(db, tenantId, { id: occurrenceId, bookingId, premiseId: premise.id, ...when });
    await bookings.holdTime(db, tenantId, occurrenceId, parts, start, end);
  }
}

/** Frees the times of a booking's dates (some of them, or all); a booking with no date left is cancelled. */
export async function release(db: Database, ctx: Pick<ServiceContext, "tenant" | "clock">, bookingId: string, dates: string[] | null) {
  const tenantId = ctx.tenant.id;
  const all = (await bookings.datesOf(db, tenantId, [bookingId])).filter((o) => o.status === "active");
  const ids = all.filter((o) => !dates || dates.includes(o.localDate)).map((o) => o.id);
  if (ids.length === 0) return;
  await bookings.cancelDates(db, tenantId, ids);
  if (ids.length === all.length) await bookings.updateBooking(db, tenantId, bookingId, { status: "cancelled" }, isoNow(ctx.clock));
}
