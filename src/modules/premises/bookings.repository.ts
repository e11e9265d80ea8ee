import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { BookedTime, Booking, BookingDate, BookingWithNames } from "./premises.model.js";
import type { BookingOccurrencesTable, BookingsTable } from "./premises.table.js";

export const toBooking = (r: Selectable<BookingsTable>): Booking => ({
  id: r.id,
  tenantId: r.tenant_id,
  premiseId: r.premise_id,
  associationId: r.association_id,
  userId: r.user_id,
  purpose: r.purpose,
  participants: r.participants,
  status: r.status,
  zone: r.zone,
  startDate: r.start_date,
  startTime: r.start_time,
  endTime: r.end_time,
  everyWeeks: r.every_weeks,
  untilDate: r.until_date,
  decisionNote: r.decision_note,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  createdAt: r.created_at,
});

export const toBookingDate = (r: Selectable<BookingOccurrencesTable>): BookingDate => ({
  id: r.id,
  bookingId: r.booking_id,
  premiseId: r.premise_id,
  localDate: r.local_date,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  status: r.status,
  noShowAt: r.no_show_at,
});

/** Rows per insert: well under the bound parameters either database takes in one statement. */
const BATCH = 1000;
const inBatches = async <T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
};

const bookingColumns = (b: Booking, now: string) => ({
  id: b.id,
  tenant_id: b.tenantId,
  premise_id: b.premiseId,
  association_id: b.associationId,
  user_id: b.userId,
  purpose: b.purpose,
  participants: b.participants,
  status: b.status,
  zone: b.zone,
  start_date: b.startDate,
  start_time: b.startTime,
  end_time: b.endTime,
  every_weeks: b.everyWeeks,
  until_date: b.untilDate,
  decision_note: b.decisionNote,
  decided_by: b.decidedBy,
  decided_at: b.decidedAt,
  created_at: b.createdAt,
  updated_at: now,
});

/** Writes bookings in a few statements whatever their number (a round's season publishes hundreds). */
export async function insertBookings(db: Database, bookings: readonly Booking[], now: string) {
  await inBatches(bookings, (batch) =>
    db
      .insertInto("bookings")
      .values(batch.map((b) => bookingColumns(b, now)))
      .execute(),
  );
}

export const insertBooking = (db: Database, b: Booking, now: string) => insertBookings(db, [b], now);

/**
 * Writes a booking only while the tenant's premises and rules are still at `version` (see
 * premise_versions): the booking was checked against that version, so if anyone changed them since,
 * nothing is written and the caller checks again. Whether it was written.
 */
export async function insertBookingCheckedAt(db: Database, b: Booking, now: string, version: number): Promise<boolean> {
  const row = bookingColumns(b, now);
  const columns = Object.keys(row) as (keyof typeof row)[];
  const result = await db
    .insertInto("bookings")
    .columns(columns)
    .expression(
      db
        .selectNoFrom((eb) => columns.map((c) => eb.val(row[c]).as(c)))
        .where((eb) => eb(eb.fn.coalesce(eb.selectFrom("premise_versions").select("version").where("tenant_id", "=", b.tenantId), eb.lit(0)), "=", version)),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Changes a booking's state or first date; what is not named stays. */
export async function updateBooking(
  db: Database,
  tenantId: string,
  id: string,
  change: Partial<Pick<Booking, "status" | "decisionNote" | "decidedBy" | "decidedAt" | "startDate" | "startTime" | "endTime">>,
  now: string,
) {
  await db
    .updateTable("bookings")
    .set({
      ...(change.status !== undefined && { status: change.status }),
      ...(change.decisionNote !== undefined && { decision_note: change.decisionNote }),
      ...(change.decidedBy !== undefined && { decided_by: change.decidedBy }),
      ...(change.decidedAt !== undefined && { decided_at: change.decidedAt }),
      ...(change.startDate !== undefined && { start_date: change.startDate }),
      ...(change.startTime !== undefined && { start_time: change.startTime }),
      ...(change.endTime !== undefined && { end_time: change.endTime }),
      updated_at: now,
    })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

export async function findBooking(db: Database, tenantId: string, id: string): Promise<Booking | undefined> {
  const row = await db.selectFrom("bookings").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row && toBooking(row);
}

export async function findBookings(db: Database, tenantId: string, ids: readonly string[]): Promise<Booking[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom("bookings").selectAll().where("tenant_id", "=", tenantId).where("id", "in", ids).execute()).map(toBooking);
}

/** The ids of an association's approved bookings. */
export async function approvedBookingsOf(db: Database, tenantId: string, associationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("bookings")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where("association_id", "=", associationId)
    .where("status", "=", "approved")
    .execute();
  return rows.map((b) => b.id);
}

function bookingList(db: Database, tenantId: string) {
  return db
    .selectFrom("bookings as b")
    .innerJoin("premises as p", (j) => j.onRef("p.id", "=", "b.premise_id").onRef("p.tenant_id", "=", "b.tenant_id"))
    .leftJoin("associations as a", (j) => j.onRef("a.id", "=", "b.association_id").onRef("a.tenant_id", "=", "b.tenant_id"))
    .leftJoin("users as u", (j) => j.onRef("u.id", "=", "b.user_id").onRef("u.tenant_id", "=", "b.tenant_id"))
    .selectAll("b")
    .select(["p.name as premise_name", "p.price_per_hour", "p.currency", "a.name as association_name", "u.name as booker_name", "u.email as booker_email"])
    .where("b.tenant_id", "=", tenantId);
}

const toBookingWithNames = (
  r: Selectable<BookingsTable> & {
    premise_name: string;
    price_per_hour: number;
    currency: string;
    association_name: string | null;
    booker_name: string | null;
    booker_email: string | null;
  },
): BookingWithNames => ({
  ...toBooking(r),
  premiseName: r.premise_name,
  pricePerHour: r.price_per_hour,
  currency: r.currency,
  associationName: r.association_name,
  bookerName: r.booker_name,
  bookerEmail: r.booker_email,
});

export async function pendingBookings(db: Database, tenantId: string): Promise<BookingWithNames[]> {
  return (await bookingList(db, tenantId).where("b.status", "=", "pending").orderBy("b.created_at").execute()).map(toBookingWithNames);
}

/** A person's own bookings and those of the associations they run. */
export async function bookingsOf(db: Database, tenantId: string, userId: string, associationIds: string[]): Promise<BookingWithNames[]> {
  const rows = await bookingList(db, tenantId)
    .where((eb) => eb.or([eb("b.user_id", "=", userId), ...(associationIds.length ? [eb("b.association_id", "in", associationIds)] : [])]))
    .orderBy("b.start_date", "desc")
    .limit(200)
    .execute();
  return rows.map(toBookingWithNames);
}

export async function bookingWithNames(db: Database, tenantId: string, id: string): Promise<BookingWithNames | undefined> {
  const row = await bookingList(db, tenantId).where("b.id", "=", id).executeTakeFirst();
  return row && toBookingWithNames(row);
}

/** The dates of these bookings, earliest first. */
export async function datesOf(db: Database, tenantId: string, bookingIds: readonly string[]): Promise<BookingDate[]> {
  if (bookingIds.length === 0) return [];
  const rows = await db
    .selectFrom("booking_occurrences")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("booking_id", "in", bookingIds)
    .orderBy("starts_at")
    .execute();
  return rows.map(toBookingDate);
}

type When = Pick<BookingDate, "localDate" | "startsAt" | "endsAt">;

type NewDate = Omit<BookingDate, "status" | "noShowAt">;

export async function insertDates(db: Database, tenantId: string, dates: readonly NewDate[]) {
  await inBatches(dates, (batch) =>
    db
      .insertInto("booking_occurrences")
      .values(
        batch.map((date) => ({
          id: date.id,
          tenant_id: tenantId,
          booking_id: date.bookingId,
          premise_id: date.premiseId,
          status: "active" as const,
          local_date: date.localDate,
          starts_at: date.startsAt,
          ends_at: date.endsAt,
        })),
      )
      .execute(),
  );
}

export const insertDate = (db: Database, tenantId: string, date: NewDate) => insertDates(db, tenantId, [date]);

export async function moveDateTo(db: Database, tenantId: string, id: string, when: When) {
  await db
    .updateTable("booking_occurrences")
    .set({ local_date: when.localDate, starts_at: when.startsAt, ends_at: when.endsAt })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

/** Cancels these dates and frees their times. */
export async function cancelDates(db: Database, tenantId: string, ids: string[]) {
  if (ids.length === 0) return;
  await freeTimes(db, tenantId, ids);
  await db.updateTable("booking_occurrences").set({ status: "cancelled" }).where("tenant_id", "=", tenantId).where("id", "in", ids).execute();
}

export async function markNoShow(db: Database, tenantId: string, id: string, at: string) {
  await db.updateTable("booking_occurrences").set({ no_show_at: at }).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}

/** Holds times, in minutes since 1970, each on one premise (a date holds its premise and everything it is part of or holds). */
export async function insertHolds(db: Database, tenantId: string, holds: readonly { occurrenceId: string; premiseId: string; start: number; end: number }[]) {
  await inBatches(holds, (batch) =>
    db
      .insertInto("occupancy")
      .values(batch.map((h) => ({ occurrence_id: h.occurrenceId, tenant_id: tenantId, premise_id: h.premiseId, start_minute: h.start, end_minute: h.end })))
      .execute(),
  );
}

export const holdTime = (db: Database, tenantId: string, occurrenceId: string, premiseIds: string[], start: number, end: number) =>
  insertHolds(
    db,
    tenantId,
    premiseIds.map((premiseId) => ({ occurrenceId, premiseId, start, end })),
  );

export async function freeTimes(db: Database, tenantId: string, occurrenceIds: string[]) {
  if (occurrenceIds.length === 0) return;
  await db.deleteFrom("occupancy").where("tenant_id", "=", tenantId).where("occurrence_id", "in", occurrenceIds).execute();
}

/** Whether any time is held on these premises that overlaps [start, end) in minutes. */
export async function isTaken(db: Database, tenantId: string, premiseIds: string[], start: number, end: number): Promise<boolean> {
  if (premiseIds.length === 0) return false;
  const row = await db
    .selectFrom("occupancy")
    .select("occurrence_id")
    .where("tenant_id", "=", tenantId)
    .where("premise_id", "in", premiseIds)
    .where("start_minute", "<", end)
    .where("end_minute", ">", start)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every time held on these premises between two minutes, to check many candidate times in memory with one query. */
export async function heldTimes(db: Database, tenantId: string, premiseIds: string[], from: number, to: number) {
  if (premiseIds.length === 0) return [];
  const rows = await db
    .selectFrom("occupancy")
    .select(["premise_id", "start_minute", "end_minute"])
    .where("tenant_id", "=", tenantId)
    .where("premise_id", "in", premiseIds)
    .where("start_minute", "<", to)
    .where("end_minute", ">", from)
    .execute();
  return rows.map((r) => ({ premiseId: r.premise_id, start: r.start_minute, end: r.end_minute }));
}

/** Live dates on these premises in a time window, with their booking. */
export async function bookedTimes(db: Database, tenantId: string, premiseIds: string[], fromIso: string, toIso: string): Promise<BookedTime[]> {
  if (premiseIds.length === 0) return [];
  const rows = await db
    .selectFrom("booking_occurrences as o")
    .innerJoin("bookings as b", (j) => j.onRef("b.id", "=", "o.booking_id").onRef("b.tenant_id", "=", "o.tenant_id"))
    .leftJoin("associations as a", (j) => j.onRef("a.id", "=", "b.association_id").onRef("a.tenant_id", "=", "b.tenant_id"))
    .select(["o.id", "o.premise_id", "o.local_date", "o.starts_at", "o.ends_at", "b.id as booking_id", "b.purpose", "b.status", "a.name as association_name"])
    .where("o.tenant_id", "=", tenantId)
    .where("o.status", "=", "active")
    .where("b.status", "in", ["pending", "proposed", "approved"])
    .where("o.premise_id", "in", premiseIds)
    .where("o.starts_at", "<", toIso)
    .where("o.ends_at", ">", fromIso)
    .orderBy("o.starts_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    premiseId: r.premise_id,
    localDate: r.local_date,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    bookingId: r.booking_id,
    purpose: r.purpose,
    status: r.status,
    associationName: r.association_name,
  }));
}

/** Dates of approved and cancelled bookings between two local dates, for the use of premises. */
export async function usedDates(db: Database, tenantId: string, from: string, to: string): Promise<Omit<BookingDate, "id" | "bookingId">[]> {
  const rows = await db
    .selectFrom("booking_occurrences as o")
    .innerJoin("bookings as b", (j) => j.onRef("b.id", "=", "o.booking_id").onRef("b.tenant_id", "=", "o.tenant_id"))
    .select(["o.premise_id", "o.local_date", "o.starts_at", "o.ends_at", "o.status", "o.no_show_at"])
    .where("o.tenant_id", "=", tenantId)
    .where("b.status", "in", ["approved", "cancelled"])
    .where("o.local_date", ">=", from)
    .where("o.local_date", "<=", to)
    .execute();
  return rows.map((r) => ({
    premiseId: r.premise_id,
    localDate: r.local_date,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    status: r.status,
    noShowAt: r.no_show_at,
  }));
}

/** The live dates of some bookings, or of an association's approved ones, each with its booking's purpose: one query. */
export async function liveDatesWithPurpose(
  db: Database,
  tenantId: string,
  of: { bookingIds: readonly string[] } | { approvedFor: string },
): Promise<(BookingDate & { purpose: string })[]> {
  if ("bookingIds" in of && of.bookingIds.length === 0) return [];
  const rows = await db
    .selectFrom("booking_occurrences as o")
    .innerJoin("bookings as b", (j) => j.onRef("b.id", "=", "o.booking_id").onRef("b.tenant_id", "=", "o.tenant_id"))
    .selectAll("o")
    .select("b.purpose")
    .where("o.tenant_id", "=", tenantId)
    .where("o.status", "=", "active")
    .$if("bookingIds" in of, (q) => q.where("o.booking_id", "in", "bookingIds" in of ? of.bookingIds : []))
    .$if("approvedFor" in of, (q) => q.where("b.association_id", "=", "approvedFor" in of ? of.approvedFor : "").where("b.status", "=", "approved"))
    .orderBy("o.starts_at")
    .execute();
  return rows.map((r) => ({ ...toBookingDate(r), purpose: r.purpose }));
}
