import type { Database } from "../../db/database.js";
import { datesOf } from "./bookings.repository.js";

// The shape of a person's data download is the export's own (snake_case as in the records), not a domain record.
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
  const dates = await datesOf(
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
      dates: dates.filter((d) => d.bookingId === id).map((d) => ({ date: d.localDate, starts_at: d.startsAt, ends_at: d.endsAt, status: d.status })),
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
