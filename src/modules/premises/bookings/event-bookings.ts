import { audit } from "../../../platform/audit/audit.js";
import { authorize, can, isPerson } from "../../../platform/auth/policy.js";
import { type FieldError, type FieldErrors, fieldMessage, invalid, invalidField, unauthenticated } from "../../../platform/http/errors.js";
import { formats } from "../../../platform/i18n/format.js";
import { translator } from "../../../platform/i18n/i18n.js";
import { newId } from "../../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../../platform/service-context.js";
import { expand, localTime, minuteOf } from "../../../platform/time/recurrence.js";
import { actFor } from "../../associations/index.js";
import * as bookings from "../bookings.repository.js";
import { type BookingStatus, seriesOf } from "../premises.model.js";
import { canBookFor, canDecideBookings } from "../premises.policy.js";
import type { BookingInput } from "../premises.schema.js";
import { checkRules } from "./booking-rules.js";
import { release, writeBooking } from "./hold.js";
import { bookingRules } from "./rules-cache.js";
import { queueTellBooker } from "./tell-booker.js";

/** One time an event needs the room: a session, in the tenant's local date and wall-clock times. */
export interface RoomTime {
  /** The form's field the answer for this time belongs to (the session's row). */
  field: string;
  /** The session's number on the form, to name it in the answer. */
  n: number;
  date: string;
  start: string;
  end: string;
}

/** The room asked for an event: as the association organising it, or (none) as the centre or municipality. */
export interface RoomRequest {
  premiseId: string;
  associationId: string | null;
  purpose: string;
  participants: number;
  times: RoomTime[];
}

/** A booking of the room for one of the event's times, as the event keeps it. */
export interface RoomBooked {
  field: string;
  bookingId: string;
  status: BookingStatus;
  startsAt: string;
  endsAt: string;
}

/**
 * Books the room for each of an event's times, each its own booking under the premise's rules (opening
 * hours, closures, capacity, how far ahead, approval), in the caller's transaction. First frees the
 * bookings the event no longer needs (`replacing`), so a session moved by an hour may keep its room.
 * Every time is checked before anything counts: when any is closed or taken, it throws a 422 that names
 * each session that failed, with why and what it collides with, and the caller's transaction writes
 * nothing. An association books as itself (its admins); with no association, those who run the
 * municipality's premises book for the centre or the municipality, whoever else may book the premise.
 */
export async function bookRoomForEvent(ctx: ServiceContext, request: RoomRequest, replacing: string[]): Promise<RoomBooked[]> {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  if (request.associationId) await actFor(ctx, canBookFor, request.associationId, "organiser");
  else authorize(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id });
  const userId = ctx.actor.userId;
  return inTransaction(ctx, async (tx) => {
    await releaseRoomBookings(tx, replacing);
    if (request.times.length === 0) return [];
    const { rules } = await bookingRules(tx, "fresh");
    const premise = rules.tree.byId.get(request.premiseId);
    if (!premise) throw invalidField("premiseId", "events.room.noPremise");
    const zone = tx.tenant.timeZone;
    const lineage = rules.tree.lineage(premise.id).map((p) => p.id);
    const parts = rules.tree.withParts(premise.id);
    const t = translator(tx.lang);
    const fmt = formats(tx.lang, zone);
    const refused: FieldErrors = {};
    const refuse = (time: RoomTime, reason: FieldError) => {
      refused[time.field] = {
        key: "events.room.refused",
        values: { n: time.n, date: time.date, start: time.start, end: time.end, reason: fieldMessage(t, reason, fmt) },
      };
    };
    const booked: RoomBooked[] = [];
    for (const time of request.times) {
      const input: BookingInput = {
        associationId: request.associationId ?? "",
        purpose: request.purpose,
        participants: request.participants,
        date: time.date,
        start: time.start,
        end: time.end,
        repeat: "none",
        until: "",
      };
      const series = seriesOf(input, zone);
      const checked = checkRules(rules.tree, premise, rules.hoursOf(lineage), rules.closuresOf(lineage), input, expand(series), tx.clock.now(), zone);
      const broken = Object.values(checked.errors)[0];
      if (broken) {
        refuse(time, broken);
        continue;
      }
      const dates = checked.dates;
      // Held already, by someone else or by another of this event's own sessions written a moment ago.
      const clash = await firstClash(tx, parts, dates, premise.bufferMinutes);
      if (clash) {
        refuse(time, clash);
        continue;
      }
      if (Object.keys(refused).length > 0) continue;
      const id = newId();
      const status = premise.approval === "auto" ? ("approved" as const) : ("pending" as const);
      await writeBooking(
        tx.db,
        tx,
        rules.tree,
        premise,
        { id, associationId: request.associationId, userId, purpose: request.purpose, participants: request.participants, status, series },
        dates,
      );
      await audit(tx, "booking.requested", { type: "booking", id }, { for: "event" });
      await queueTellBooker(tx, id, status === "approved" ? "approved" : "received");
      const first = dates[0];
      if (first) booked.push({ field: time.field, bookingId: id, status, startsAt: first.startsAt.toISOString(), endsAt: first.endsAt.toISOString() });
    }
    if (Object.keys(refused).length > 0) throw invalid(refused, "events.room.refusedSummary");
    return booked;
  });
}

/** What already holds the room at one of these dates, in words for the answer; null when it is free. */
async function firstClash(ctx: ServiceContext, parts: string[], dates: { startsAt: Date; endsAt: Date }[], buffer: number): Promise<FieldError | null> {
  for (const o of dates) {
    if (!(await bookings.isTaken(ctx.db, ctx.tenant.id, parts, minuteOf(o.startsAt), minuteOf(o.endsAt) + buffer))) continue;
    const around = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000).toISOString();
    const held = (await bookings.bookedTimes(ctx.db, ctx.tenant.id, parts, around(o.startsAt, -buffer), around(o.endsAt, buffer)))[0];
    const zone = ctx.tenant.timeZone;
    const from = localTime(new Date(held?.startsAt ?? o.startsAt), zone);
    const to = localTime(new Date(held?.endsAt ?? o.endsAt), zone);
    // Who holds it is named when it is an association, or to those who decide bookings; a private person's purpose is theirs.
    const who = held?.associationName ?? (can(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id }) ? held?.purpose : null);
    if (!held || !who) return { key: "events.room.takenAt", values: { from, to } };
    return { key: held.status === "approved" ? "events.room.takenBy" : "events.room.askedBy", values: { who, from, to } };
  }
  return null;
}

/**
 * Cancels an event's bookings of its room (when it is cancelled, moved or no longer needs the room):
 * their times are freed at once. Those already decided against or cancelled stay as they are; dates
 * already past stay as they were.
 */
export async function releaseRoomBookings(ctx: ServiceContext, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await inTransaction(ctx, async (tx) => {
    const now = tx.clock.now().getTime();
    const found = await bookings.findBookings(tx.db, tx.tenant.id, ids);
    const live = found.filter((b) => b.status === "pending" || b.status === "approved" || b.status === "proposed");
    const dates = await bookings.datesOf(
      tx.db,
      tx.tenant.id,
      live.map((b) => b.id),
    );
    for (const b of live) {
      const future = dates.filter((d) => d.bookingId === b.id && d.status === "active" && new Date(d.startsAt).getTime() > now).map((d) => d.localDate);
      if (future.length === 0) continue;
      await release(tx.db, tx, b.id, future);
      await audit(tx, "booking.cancelled.all", { type: "booking", id: b.id }, { dates: future.join(","), for: "event" });
    }
  });
}

/** An event's bookings as its organiser follows them: each one's status and the premise's name. */
export async function roomBookings(ctx: Pick<ServiceContext, "db" | "tenant">, ids: string[]) {
  if (ids.length === 0) return [];
  const found = await bookings.findBookings(ctx.db, ctx.tenant.id, ids);
  return found.map((b) => ({ id: b.id, status: b.status, premiseId: b.premiseId, decisionNote: b.decisionNote }));
}
