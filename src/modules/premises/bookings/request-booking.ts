import { isDeadlock, isOverlapViolation } from "../../../db/portable.js";
import { audit } from "../../../platform/audit/audit.js";
import { isPerson } from "../../../platform/auth/policy.js";
import { isoNow } from "../../../platform/clock.js";
import { invalid, invalidField, notFound, unauthenticated } from "../../../platform/http/errors.js";
import { newId } from "../../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../../platform/service-context.js";
import { expand, minuteOf } from "../../../platform/time/recurrence.js";
import { actFor } from "../../associations/index.js";
import * as bookings from "../bookings.repository.js";
import { type Booking, seriesOf } from "../premises.model.js";
import { canBookFor } from "../premises.policy.js";
import type { BookingInput } from "../premises.schema.js";
import { alternatives } from "./alternatives.js";
import { checkRules } from "./booking-rules.js";
import { SlotTaken } from "./hold.js";
import { bookingRules } from "./rules-cache.js";
import { queueTellBooker } from "./tell-booker.js";

/** The rules a request was checked against changed before it was written: check it again. */
class RulesChanged extends Error {}

/**
 * A request for a room, once or as a series. It holds its times from the moment it is made, so
 * two people can never get the same slot; approved at once where the premise says so. Throws a
 * 422 for a broken rule and SlotTaken (409, with what is free instead) when the time is held.
 *
 * In the usual case six statements: the association, then one transaction that writes the booking
 * (only while the cached rules are current), its dates, their holds (refused by the database on an
 * overlap, decision 0007), the audit row and the job that tells the booker after commit.
 */
export async function requestBooking(ctx: ServiceContext, premiseId: string, input: BookingInput) {
  if (input.associationId) await actFor(ctx, canBookFor, input.associationId, "associationId");
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const actor = ctx.actor;
  const zone = ctx.tenant.timeZone;
  const series = seriesOf(input, zone);
  const occurrences = expand(series);
  let how: "cached" | "checked" | "fresh" = "cached";
  for (let attempt = 0; ; attempt++) {
    const { rules, current } = await bookingRules(ctx, how);
    // A refusal is never given on rules that may be out of date: they are checked first.
    const refuse = (error: Error) => {
      if (current) throw error;
      how = "checked";
    };
    const tree = rules.tree;
    const premise = tree.byId.get(premiseId);
    if (!premise) {
      refuse(notFound());
      continue;
    }
    if (!input.associationId && premise.whoMayBook !== "everyone") {
      refuse(invalidField("associationId", "booking.associationsOnly"));
      continue;
    }
    const lineage = tree.lineage(premise.id).map((p) => p.id);
    const checked = checkRules(tree, premise, rules.hoursOf(lineage), rules.closuresOf(lineage), input, occurrences, ctx.clock.now(), zone);
    if (Object.keys(checked.errors).length > 0) {
      refuse(invalid(checked.errors));
      continue;
    }

    const id = newId();
    const status = premise.approval === "auto" ? ("approved" as const) : ("pending" as const);
    const now = isoNow(ctx.clock);
    const dates = checked.dates.map((o) => ({
      id: newId(),
      bookingId: id,
      premiseId: premise.id,
      localDate: o.localDate,
      startsAt: o.startsAt.toISOString(),
      endsAt: o.endsAt.toISOString(),
    }));
    const parts = tree.withParts(premise.id);
    // In one order for every request (premise, then time), so two requests waiting on each other's holds cannot deadlock.
    const holds = dates
      .flatMap((d, i) => {
        const o = checked.dates[i] as (typeof checked.dates)[number];
        return parts.map((p) => ({ occurrenceId: d.id, premiseId: p, start: minuteOf(o.startsAt), end: minuteOf(o.endsAt) + premise.bufferMinutes }));
      })
      .sort((a, b) => (a.premiseId < b.premiseId ? -1 : a.premiseId > b.premiseId ? 1 : a.start - b.start));
    try {
      await inTransaction(ctx, async (tx) => {
        const booking = {
          id,
          tenantId: ctx.tenant.id,
          premiseId: premise.id,
          associationId: input.associationId || null,
          userId: actor.userId,
          purpose: input.purpose,
          participants: input.participants,
          status,
          zone: series.zone,
          startDate: series.startDate,
          startTime: series.startTime,
          endTime: series.endTime,
          everyWeeks: series.everyWeeks,
          untilDate: series.untilDate,
          decisionNote: null,
          decidedBy: null,
          decidedAt: status === "approved" ? now : null,
          createdAt: now,
        };
        if (!(await writeBooking(tx, booking, dates, holds, rules.version))) throw new RulesChanged();
      });
    } catch (error) {
      if ((error instanceof RulesChanged || isDeadlock(error)) && attempt < 3) {
        how = "fresh";
        continue;
      }
      if (error instanceof SlotTaken || isOverlapViolation(error))
        throw new SlotTaken("start", await alternatives(ctx, tree, premise, series, input.participants));
      throw error;
    }
    return { id, status };
  }
}

/**
 * What a request that passed its checks writes, in the caller's transaction: the booking (only while the rules are
 * still at `version`; false when they moved), its dates, their holds, the audit row and the job that tells the
 * booker after commit.
 */
export async function writeBooking(
  tx: ServiceContext,
  booking: Booking,
  dates: Parameters<typeof bookings.insertDates>[2],
  holds: Parameters<typeof bookings.insertHolds>[2],
  version: number,
): Promise<boolean> {
  if (!(await bookings.insertBookingCheckedAt(tx.db, booking, booking.createdAt, version))) return false;
  await bookings.insertDates(tx.db, tx.tenant.id, dates);
  await bookings.insertHolds(tx.db, tx.tenant.id, holds);
  await audit(tx, "booking.requested", { type: "booking", id: booking.id });
  await queueTellBooker(tx, booking.id, booking.status === "approved" ? "approved" : "received");
  return true;
}
