import type { Database } from "../../db/database.js";
import type { SeasonBooking } from "./rounds.model.js";

/** Rows per insert: well under the bound parameters either database takes in one statement. */
const BATCH = 1000;
const inBatches = async <T>(rows: T[], write: (batch: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
};

/**
 * Writes the weekly bookings a published round gives, approved, with their dates and the times they
 * hold, in a few statements whatever their number. The caller has checked the times are free.
 */
export async function insertSeasonBookings(db: Database, tenantId: string, bookings: SeasonBooking[], now: string): Promise<void> {
  if (bookings.length === 0) return;
  await inBatches(bookings, (batch) =>
    db
      .insertInto("bookings")
      .values(
        batch.map((b) => ({
          id: b.id,
          tenant_id: tenantId,
          premise_id: b.premiseId,
          association_id: b.associationId,
          user_id: b.userId,
          purpose: b.purpose,
          participants: b.participants,
          status: "approved" as const,
          zone: b.series.zone,
          start_date: b.series.startDate,
          start_time: b.series.startTime,
          end_time: b.series.endTime,
          every_weeks: b.series.everyWeeks,
          until_date: b.series.untilDate,
          decision_note: null,
          decided_by: null,
          decided_at: now,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute(),
  );
  const dates = bookings.flatMap((b) =>
    b.dates.map((o) => ({
      id: o.id,
      tenant_id: tenantId,
      booking_id: b.id,
      premise_id: b.premiseId,
      status: "active" as const,
      local_date: o.localDate,
      starts_at: o.startsAt.toISOString(),
      ends_at: o.endsAt.toISOString(),
    })),
  );
  await inBatches(dates, (batch) => db.insertInto("booking_occurrences").values(batch).execute());
  const holds = bookings.flatMap((b) =>
    b.holds.map((h) => ({ occurrence_id: h.occurrenceId, tenant_id: tenantId, premise_id: h.premiseId, start_minute: h.start, end_minute: h.end })),
  );
  await inBatches(holds, (batch) => db.insertInto("occupancy").values(batch).execute());
}
