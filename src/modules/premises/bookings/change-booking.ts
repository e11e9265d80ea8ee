import { isOverlapViolation } from "../../../db/portable.js";
import { audit } from "../../../platform/audit/audit.js";
import { authorize, can } from "../../../platform/auth/policy.js";
import { isoNow } from "../../../platform/clock.js";
import { invalid, invalidField, notFound } from "../../../platform/http/errors.js";
import { inTransaction, type ServiceContext } from "../../../platform/service-context.js";
import { expand } from "../../../platform/time/recurrence.js";
import * as bookings from "../bookings.repository.js";
import type { PremiseTree } from "../premise-tree.js";
import { type Booking, isOpen, type Premise, repeatOf, seriesOf } from "../premises.model.js";
import { canDecideBookings, canManageBooking } from "../premises.policy.js";
import * as premisesRepo from "../premises.repository.js";
import type { BookingInput } from "../premises.schema.js";
import { premiseTree } from "../premises.service.js";
import { alternatives } from "./alternatives.js";
import { beforeDeadline, checkRules } from "./booking-rules.js";
import { hold, release, SlotTaken } from "./hold.js";
import { tellBooker } from "./tell-booker.js";

/** The booking and its premise, or 404. */
async function bookingAndPremise(ctx: ServiceContext, b: Booking | undefined): Promise<{ b: Booking; tree: PremiseTree; premise: Premise }> {
  if (!b) throw notFound();
  const tree = await premiseTree(ctx);
  const premise = tree.byId.get(b.premiseId);
  if (!premise) throw notFound();
  return { b, tree, premise };
}

/** The new times checked under the same rules as a new request; throws 422 with what is wrong. */
async function checked(ctx: ServiceContext, tree: PremiseTree, premise: Premise, input: BookingInput, zone: string) {
  const occurrences = expand(seriesOf(input, zone));
  const lineage = tree.lineage(premise.id).map((p) => p.id);
  const [hours, closures] = await Promise.all([
    premisesRepo.hoursOf(ctx.db, ctx.tenant.id, lineage),
    premisesRepo.closuresOf(ctx.db, ctx.tenant.id, lineage, input.date, occurrences.at(-1)?.localDate ?? input.date),
  ]);
  const result = checkRules(tree, premise, hours, closures, input, occurrences, ctx.clock.now(), zone);
  if (Object.keys(result.errors).length > 0) throw invalid(result.errors);
  return result.dates;
}

/**
 * Moves one date of a booking to another day or time, under the same rules as a new request and no
 * later than the premise's deadline before the old date. Throws SlotTaken (409, with what is free
 * instead) when the new time is held.
 */
export async function moveDate(ctx: ServiceContext, bookingId: string, change: { date: string; newDate: string; start: string; end: string }) {
  const found = await bookings.findBooking(ctx.db, ctx.tenant.id, bookingId);
  if (!found || !can(ctx.actor, canManageBooking, found) || !isOpen(found)) throw notFound();
  const { b, tree, premise } = await bookingAndPremise(ctx, found);
  const date = (await bookings.datesOf(ctx.db, ctx.tenant.id, [bookingId])).find((o) => o.localDate === change.date && o.status === "active");
  if (!date) throw invalidField("date", "booking.cancel.noSuchDate");
  if (!beforeDeadline(date, premise.cancelHours, ctx.clock.now()))
    throw invalidField("date", { key: "booking.cancel.tooLate", values: { hours: premise.cancelHours } });
  const input: BookingInput = {
    associationId: b.associationId ?? "",
    purpose: b.purpose,
    participants: b.participants,
    date: change.newDate,
    start: change.start,
    end: change.end,
    repeat: "none",
    until: "",
  };
  const dates = await checked(ctx, tree, premise, input, b.zone);
  try {
    await inTransaction(ctx, async (tx) => {
      await hold(tx.db, ctx.tenant.id, tree, premise, bookingId, dates, date.id);
      await bookings.updateBooking(tx.db, ctx.tenant.id, bookingId, {}, isoNow(ctx.clock));
      await audit(tx, "booking.date_moved", { type: "booking", id: bookingId }, { from: change.date, to: `${change.newDate} ${change.start}-${change.end}` });
    });
  } catch (error) {
    if (error instanceof SlotTaken || isOverlapViolation(error))
      throw new SlotTaken("newDate", await alternatives(ctx, tree, premise, seriesOf(input, b.zone), input.participants));
    throw error;
  }
}

/**
 * Instead of yes or no, a caseworker offers another time (for a series: another first date and
 * time on the same rhythm). The new times are held and the old ones freed until the booker answers.
 */
export async function proposeTime(ctx: ServiceContext, bookingId: string, change: { date: string; start: string; end: string; note: string }) {
  authorize(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id });
  const actorId = ctx.actor.userId;
  const found = await bookings.findBooking(ctx.db, ctx.tenant.id, bookingId);
  const { b, tree, premise } = await bookingAndPremise(ctx, found?.status === "pending" ? found : undefined);
  const repeat = repeatOf(b.everyWeeks);
  const input: BookingInput = {
    associationId: b.associationId ?? "",
    purpose: b.purpose,
    participants: b.participants,
    date: change.date,
    start: change.start,
    end: change.end,
    repeat,
    until: b.untilDate ?? "",
  };
  if (repeat !== "none" && input.until <= input.date) throw invalidField("date", "booking.until.required");
  const dates = await checked(ctx, tree, premise, input, b.zone);
  const now = isoNow(ctx.clock);
  try {
    await inTransaction(ctx, async (tx) => {
      await release(tx.db, tx, bookingId, null);
      await hold(tx.db, ctx.tenant.id, tree, premise, bookingId, dates);
      await bookings.updateBooking(
        tx.db,
        ctx.tenant.id,
        bookingId,
        {
          status: "proposed",
          startDate: input.date,
          startTime: input.start,
          endTime: input.end,
          decisionNote: change.note || null,
          decidedBy: actorId,
          decidedAt: now,
        },
        now,
      );
      await audit(tx, "booking.time_proposed", { type: "booking", id: bookingId });
      await tellBooker(tx, bookingId, "proposed");
    });
  } catch (error) {
    // A caseworker's proposal offers no alternatives: the form says the time is taken (422), like any other rule.
    if (error instanceof SlotTaken || isOverlapViolation(error)) throw invalidField("date", "booking.taken");
    throw error;
  }
}

/** The booker takes the proposed time (it is booked) or says no (its times are freed). */
export async function answerProposal(ctx: ServiceContext, bookingId: string, accept: boolean) {
  const b = await bookings.findBooking(ctx.db, ctx.tenant.id, bookingId);
  if (b?.status !== "proposed" || !can(ctx.actor, canManageBooking, b)) throw notFound();
  await inTransaction(ctx, async (tx) => {
    if (accept) {
      await bookings.updateBooking(tx.db, ctx.tenant.id, bookingId, { status: "approved" }, isoNow(ctx.clock));
      await tellBooker(tx, bookingId, "approved");
    } else await release(tx.db, tx, bookingId, null);
    await audit(tx, accept ? "booking.proposal_accepted" : "booking.proposal_declined", { type: "booking", id: bookingId });
  });
}
