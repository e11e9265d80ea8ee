import { isOverlapViolation } from "../../db/portable.js";
import { isoNow } from "../../platform/clock.js";
import { AppError, conflict } from "../../platform/http/errors.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { localParts } from "../../platform/time/recurrence.js";
import { type BookingStatus, bookRoomForEvent, type RoomTime, releaseRoomBookings, roomBookings } from "../premises/index.js";
import type { CommunityEvent } from "./events.model.js";
import { deleteRoomBookings, type EventRoomBooking, insertRoomBookings, roomBookingsOf } from "./events.repository.js";
import { type EventInput, toInstants } from "./events.schema.js";

/**
 * Books the event's room for its sessions through the premises module, or moves or cancels the bookings
 * it has, in the caller's transaction and before the sessions are written. A session whose premise and
 * times are as they were keeps its booking (and its approval); a moved or new one is requested under the
 * premise's rules; one no longer needed (removed, moved, another place, the box unticked) is cancelled.
 * A session the room cannot have throws the 422 that names it, and the caller writes nothing.
 * Returns the new links, to write with `linkRooms` once the sessions are stored.
 */
export async function keepRoomBooked(
  tx: ServiceContext,
  event: CommunityEvent,
  input: Pick<EventInput, "bookRoom" | "sessions" | "registrationOpens" | "registrationCloses">,
): Promise<EventRoomBooking[]> {
  const kept = await roomBookingsOf(tx.db, tx.tenant.id, [event.id]);
  const premiseId = input.bookRoom && event.place === "premise" && event.status !== "cancelled" ? event.premiseId : null;
  const sameTimes = (link: EventRoomBooking) => event.sessions.some((s) => s.id === link.sessionId && s.startsAt === link.startsAt && s.endsAt === link.endsAt);
  const stays = kept.filter((link) => premiseId !== null && link.premiseId === premiseId && sameTimes(link));
  const gone = kept.filter((link) => !stays.includes(link)).map((link) => link.bookingId);
  const now = tx.clock.now().toISOString();
  // The form's rows in the order of the sessions, to say which one the room cannot have.
  const rows = toInstants(input, tx.tenant.timeZone).sessions.map((s) => s.row);
  const wanted = premiseId
    ? event.sessions.map((s, i) => ({ s, n: rows[i] ?? i + 1 })).filter(({ s }) => s.startsAt > now && !stays.some((link) => link.sessionId === s.id))
    : [];
  if (gone.length > 0) await deleteRoomBookings(tx.db, tx.tenant.id, gone);
  if (!premiseId || wanted.length === 0) {
    await releaseRoomBookings(tx, gone);
    return [];
  }
  const zone = tx.tenant.timeZone;
  const times: (RoomTime & { sessionId: string })[] = wanted.map(({ s, n }) => {
    const start = localParts(s.startsAt, zone);
    return { field: `sessionDate-${n}`, n, sessionId: s.id, date: start.date, start: start.time, end: localParts(s.endsAt, zone).time };
  });
  const booked = await bookRoomForEvent(
    tx,
    { premiseId, associationId: event.associationId, purpose: event.title.slice(0, 200), participants: event.capacity, times },
    gone,
  );
  return booked.map((b) => {
    const session = times.find((x) => x.field === b.field);
    return {
      bookingId: b.bookingId,
      eventId: event.id,
      sessionId: session?.sessionId ?? "",
      premiseId,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
    };
  });
}

/** Writes the links of bookings made by `keepRoomBooked`, once the sessions they name are stored. */
export async function linkRooms(tx: ServiceContext, links: EventRoomBooking[]): Promise<void> {
  await insertRoomBookings(tx.db, tx.tenant.id, links, isoNow(tx.clock));
}

/** The cancelled event's room is freed: every booking made for it is cancelled. */
export async function cancelRoom(tx: ServiceContext, eventId: string): Promise<void> {
  const kept = await roomBookingsOf(tx.db, tx.tenant.id, [eventId]);
  await releaseRoomBookings(
    tx,
    kept.map((k) => k.bookingId),
  );
}

/**
 * Someone took the room between the check and the write (another request at the same moment): the
 * database refused the write and nothing was saved. Said so on the place's field, so the form shows again.
 */
export function roomRace(error: unknown): unknown {
  if (isOverlapViolation(error) || (error instanceof AppError && error.messageKey === "booking.taken"))
    return conflict("clash", "events.room.race", { premiseId: "events.room.race" });
  return error;
}

/** Each session's booking of the room, as its organiser follows it, in the order of the sessions. */
export interface SessionRoom {
  sessionId: string;
  bookingId: string;
  startsAt: string;
  endsAt: string;
  /** The session's local date and times in the tenant's zone, as the page shows them. */
  date: string;
  start: string;
  end: string;
  status: BookingStatus;
  note: string | null;
}

export async function sessionRooms(ctx: Pick<ServiceContext, "db" | "tenant">, eventId: string): Promise<SessionRoom[]> {
  const links = await roomBookingsOf(ctx.db, ctx.tenant.id, [eventId]);
  const found = new Map(
    (
      await roomBookings(
        ctx,
        links.map((l) => l.bookingId),
      )
    ).map((b) => [b.id, b]),
  );
  return links.flatMap((l) => {
    const b = found.get(l.bookingId);
    if (!b) return [];
    const start = localParts(l.startsAt, ctx.tenant.timeZone);
    const when = { date: start.date, start: start.time, end: localParts(l.endsAt, ctx.tenant.timeZone).time };
    return [{ sessionId: l.sessionId, bookingId: l.bookingId, startsAt: l.startsAt, endsAt: l.endsAt, ...when, status: b.status, note: b.decisionNote }];
  });
}
