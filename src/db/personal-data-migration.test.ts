import { Migrator } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../scripts/demo-data.js";
import { createTestDb, dialects, TestClock, type TestDb } from "../../test/harness.js";
import { migrateToLatest } from "./migrate.js";
import { migrations } from "./migrations/index.js";

describe.each(dialects())("the personal data migration on a database in use [%s]", (dialect) => {
  let t: TestDb;
  const counts = async () => ({
    bookings: (await t.db.selectFrom("bookings").select("id").execute()).length,
    dates: (await t.db.selectFrom("booking_occurrences").select("id").execute()).length,
    held: (await t.db.selectFrom("occupancy").select("occurrence_id").execute()).length,
  });
  let before: Awaited<ReturnType<typeof counts>>;

  beforeAll(async () => {
    t = await createTestDb(dialect, { migrate: false });
    const migrator = new Migrator({ db: t.db, provider: { getMigrations: async () => migrations } });
    const { error } = await migrator.migrateTo("20261122_0012_allocation_rounds");
    if (error) throw error;
    await seedDemo(t.db, new TestClock());
    before = await counts();
    await migrateToLatest(t.db);
  });
  afterAll(() => t.destroy());

  it("keeps every booking, date and hold, and lets a booking outlive its booker", async () => {
    expect(before.bookings).toBeGreaterThan(0);
    expect(await counts()).toEqual(before);
    const booking = await t.db.selectFrom("bookings").select(["id", "user_id"]).executeTakeFirstOrThrow();
    await t.db
      .deleteFrom("users")
      .where("id", "=", booking.user_id ?? "")
      .execute();
    const after = await t.db.selectFrom("bookings").select(["user_id"]).where("id", "=", booking.id).executeTakeFirstOrThrow();
    expect(after.user_id).toBeNull();
    // Deleting a booking still takes its dates with it.
    await t.db.deleteFrom("occupancy").execute();
    await t.db.deleteFrom("bookings").where("id", "=", booking.id).execute();
    expect(await t.db.selectFrom("booking_occurrences").select("id").where("booking_id", "=", booking.id).execute()).toEqual([]);
  });
});
