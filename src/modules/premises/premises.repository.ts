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
    .innerJoin("users as u", (j) => j.onRef("u.id", "=", "b.user_id").onRef("u.tenant_id", "=", "b.tenant_id"))
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
