import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { BookingsTable, PremiseClosuresTable, PremiseHoursTable, PremisesTable } from "./premises.table.js";

export type PremiseRow = Selectable<PremisesTable>;
export type HoursRow = Selectable<PremiseHoursTable>;
export type ClosureRow = Selectable<PremiseClosuresTable>;
export type BookingRow = Selectable<BookingsTable>;

export async function allPremises(db: Database, tenantId: string): Promise<PremiseRow[]> {
  return db.selectFrom("premises").selectAll().where("tenant_id", "=", tenantId).orderBy("name").execute();
}

export async function findPremise(db: Database, tenantId: string, id: string): Promise<PremiseRow | undefined> {
  return db.selectFrom("premises").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
}

export async function hoursOf(db: Database, tenantId: string, premiseIds: string[]): Promise<HoursRow[]> {
  if (premiseIds.length === 0) return [];
  return db.selectFrom("premise_hours").selectAll().where("tenant_id", "=", tenantId).where("premise_id", "in", premiseIds).execute();
}

export async function closuresOf(db: Database, tenantId: string, premiseIds: string[], from: string, to: string): Promise<ClosureRow[]> {
  if (premiseIds.length === 0) return [];
  return db
    .selectFrom("premise_closures")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("premise_id", "in", premiseIds)
    .where("from_date", "<=", to)
    .where("to_date", ">=", from)
    .execute();
}

/** Occupancy rows on any of these premises that overlap [start, end) in minutes. */
export async function overlapping(db: Database, tenantId: string, premiseIds: string[], start: number, end: number) {
  if (premiseIds.length === 0) return [];
  return db
    .selectFrom("occupancy")
    .select(["premise_id", "start_minute", "end_minute", "occurrence_id"])
    .where("tenant_id", "=", tenantId)
    .where("premise_id", "in", premiseIds)
    .where("start_minute", "<", end)
    .where("end_minute", ">", start)
    .execute();
}

/** Live occurrences on these premises in a time window, with their booking. */
export async function occurrencesIn(db: Database, tenantId: string, premiseIds: string[], fromIso: string, toIso: string) {
  if (premiseIds.length === 0) return [];
  return db
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
}

export async function findBooking(db: Database, tenantId: string, id: string): Promise<BookingRow | undefined> {
  return db.selectFrom("bookings").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
}

export async function findBookings(db: Database, tenantId: string, ids: readonly string[]): Promise<BookingRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("bookings").selectAll().where("tenant_id", "=", tenantId).where("id", "in", ids).execute();
}

export async function occurrencesOf(db: Database, tenantId: string, bookingIds: string[]) {
  if (bookingIds.length === 0) return [];
  return db
    .selectFrom("booking_occurrences")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("booking_id", "in", bookingIds)
    .orderBy("starts_at")
    .execute();
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
export type BookingListRow = Awaited<ReturnType<typeof pendingBookings>>[number];

export async function pendingBookings(db: Database, tenantId: string) {
  return bookingList(db, tenantId).where("b.status", "=", "pending").orderBy("b.created_at").execute();
}

/** A person's own bookings and those of the associations they run. */
export async function bookingsOf(db: Database, tenantId: string, userId: string, associationIds: string[]) {
  return bookingList(db, tenantId)
    .where((eb) => eb.or([eb("b.user_id", "=", userId), ...(associationIds.length ? [eb("b.association_id", "in", associationIds)] : [])]))
    .orderBy("b.start_date", "desc")
    .limit(200)
    .execute();
}

export async function bookingWithNames(db: Database, tenantId: string, id: string) {
  return bookingList(db, tenantId).where("b.id", "=", id).executeTakeFirst();
}

/** Dates of approved and cancelled bookings between two local dates, for the use of premises. */
export async function usedOccurrences(db: Database, tenantId: string, from: string, to: string) {
  return db
    .selectFrom("booking_occurrences as o")
    .innerJoin("bookings as b", (j) => j.onRef("b.id", "=", "o.booking_id").onRef("b.tenant_id", "=", "o.tenant_id"))
    .select(["o.premise_id", "o.local_date", "o.starts_at", "o.ends_at", "o.status", "o.no_show_at"])
    .where("o.tenant_id", "=", tenantId)
    .where("b.status", "in", ["approved", "cancelled"])
    .where("o.local_date", ">=", from)
    .where("o.local_date", "<=", to)
    .execute();
}

/** A person's own bookings with their dates, and the seasonal applications they made, for their data download. */
export async function bookingsOfPerson(db: Database, tenantId: string, userId: string) {
  const bookings = await db
    .selectFrom("bookings as b")
    .innerJoin("premises as p", (j) => j.onRef("p.id", "=", "b.premise_id").onRef("p.tenant_id", "=", "b.tenant_id"))
    .leftJoin("associations as a", (j) => j.onRef("a.id", "=", "b.association_id").onRef("a.tenant_id", "=", "b.tenant_id"))
    .select([
      "b.id",
      "p.name as premise",
      "a.name as association",
      "b.purpose",
      "b.participants",
      "b.status",
      "b.start_date",
      "b.start_time",
      "b.end_time",
      "b.every_weeks",
      "b.until_date",
      "b.decision_note",
      "b.created_at",
    ])
    .where("b.tenant_id", "=", tenantId)
    .where("b.user_id", "=", userId)
    .orderBy("b.created_at")
    .execute();
  const dates = await occurrencesOf(
    db,
    tenantId,
    bookings.map((b) => b.id),
  );
  const rounds = await db
    .selectFrom("allocation_applications as x")
    .innerJoin("allocation_rounds as r", (j) => j.onRef("r.id", "=", "x.round_id").onRef("r.tenant_id", "=", "x.tenant_id"))
    .innerJoin("associations as a", (j) => j.onRef("a.id", "=", "x.association_id").onRef("a.tenant_id", "=", "x.tenant_id"))
    .select(["r.name as round", "a.name as association", "x.purpose", "x.participants", "x.response", "x.created_at"])
    .where("x.tenant_id", "=", tenantId)
    .where("x.user_id", "=", userId)
    .orderBy("x.created_at")
    .execute();
  return {
    bookings: bookings.map(({ id, ...b }) => ({
      ...b,
      dates: dates.filter((d) => d.booking_id === id).map((d) => ({ date: d.local_date, starts_at: d.starts_at, ends_at: d.ends_at, status: d.status })),
    })),
    rounds,
  };
}

/**
 * Erasure of a booker. Bookings for an association are the association's and stay, without the
 * person. A private person's booking keeps its past dates for the municipality's records, without
 * the person and without its purpose (which may tell about them); its future dates are cancelled and
 * their times freed. Decisions the person made as a caseworker keep the erasure's pseudonym.
 * See docs/decisions/0011-erasure-keeps-records-without-the-person.md.
 */
export async function forgetBooker(db: Database, tenantId: string, userId: string, pseudonym: string, now: string) {
  const own = (
    await db.selectFrom("bookings").select("id").where("tenant_id", "=", tenantId).where("user_id", "=", userId).where("association_id", "is", null).execute()
  ).map((b) => b.id);
  if (own.length) {
    const future = (
      await db
        .selectFrom("booking_occurrences")
        .select("id")
        .where("tenant_id", "=", tenantId)
        .where("booking_id", "in", own)
        .where("status", "=", "active")
        .where("starts_at", ">", now)
        .execute()
    ).map((o) => o.id);
    if (future.length) {
      await db.deleteFrom("occupancy").where("tenant_id", "=", tenantId).where("occurrence_id", "in", future).execute();
      await db.updateTable("booking_occurrences").set({ status: "cancelled" }).where("tenant_id", "=", tenantId).where("id", "in", future).execute();
    }
    await db
      .updateTable("bookings")
      .set({ status: "cancelled", updated_at: now })
      .where("tenant_id", "=", tenantId)
      .where("id", "in", own)
      .where("status", "in", ["pending", "proposed", "approved"])
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom("booking_occurrences as o")
              .select("o.id")
              .whereRef("o.booking_id", "=", "bookings.id")
              .whereRef("o.tenant_id", "=", "bookings.tenant_id")
              .where("o.status", "=", "active"),
          ),
        ),
      )
      .execute();
    await db.updateTable("bookings").set({ purpose: "", decision_note: null }).where("tenant_id", "=", tenantId).where("id", "in", own).execute();
  }
  await db.updateTable("bookings").set({ user_id: null }).where("tenant_id", "=", tenantId).where("user_id", "=", userId).execute();
  await db.updateTable("bookings").set({ decided_by: pseudonym }).where("tenant_id", "=", tenantId).where("decided_by", "=", userId).execute();
  await db.updateTable("allocation_applications").set({ user_id: null }).where("tenant_id", "=", tenantId).where("user_id", "=", userId).execute();
}

/** An application to a seasonal round, found only under the round it belongs to. */
export async function applicationInRound(db: Database, tenantId: string, roundId: string, id: string) {
  return db
    .selectFrom("allocation_applications")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("round_id", "=", roundId)
    .where("id", "=", id)
    .executeTakeFirst();
}
