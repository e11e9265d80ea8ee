import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearBookings, type PremisesWorld, premisesWorld } from "../../../test/factories/premises.factory.js";
import { countingQueries, dialects, TestClock } from "../../../test/harness.js";
import type { Config } from "../../config.js";
import type { Database } from "../../db/database.js";
import { AppError } from "../../platform/http/errors.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { resolveTenant } from "../../platform/tenants/tenants.js";
import { requestBooking } from "./bookings/request-booking.js";
import type { BookingInput } from "./premises.schema.js";

describe.each(dialects())("a booking request's statements and cached rules [%s]", (dialect) => {
  let world: PremisesWorld;
  const clock = new TestClock();
  beforeAll(async () => {
    world = await premisesWorld(dialect, clock);
  });
  afterAll(() => world.t.destroy());
  beforeEach(() => clearBookings(world.t.db));

  /** The badminton club's admin asking, as the booking form would, through the given database handle. */
  const asClubAdmin = async (db: Database): Promise<ServiceContext> => {
    const tenant = (await resolveTenant(world.t.db, "a.test"))?.tenant;
    if (!tenant) throw new Error("no tenant");
    const user = await world.t.db.selectFrom("users").select(["id", "name", "email"]).where("email", "=", "admin@badminton.test").executeTakeFirstOrThrow();
    return {
      db,
      clock,
      config: {} as Config,
      tenant,
      actor: {
        kind: "person",
        tenantId: tenant.id,
        userId: user.id,
        name: user.name,
        email: user.email,
        roles: new Set(),
        memberships: new Map([[world.club.id, "admin"]]),
      },
      lang: "da",
      baseUrl: "http://a.test",
      ip: null,
    };
  };
  const input = (change: Partial<BookingInput> = {}): BookingInput => ({
    associationId: world.club.id,
    purpose: "Badmintontræning",
    participants: 20,
    date: "2026-12-01",
    start: "18:00",
    end: "20:00",
    repeat: "none",
    until: "",
    ...change,
  });
  const refusal = (work: Promise<unknown>) =>
    work.then(
      () => null,
      (e) => (e instanceof AppError ? e.status : Promise.reject(e)),
    );

  it("sends six statements for a request once the rules are cached, once or as a weekly series", async () => {
    const counted = countingQueries(world.t.db);
    const ctx = await asClubAdmin(counted.db);
    counted.take();
    // The first request reads the premises, hours and closures (and their version) into the cache.
    await requestBooking(ctx, world.rooms.north ?? "", input());
    expect(counted.take()).toBe(10);
    // The association, then one transaction: the booking (only while the rules are those checked), its dates, their holds, the audit row, the job that tells the booker.
    await requestBooking(ctx, world.rooms.south ?? "", input());
    expect(counted.take()).toBe(6);
    await requestBooking(ctx, world.rooms.classroom ?? "", input({ date: "2026-11-24", repeat: "weekly", until: "2027-02-02" }));
    expect(counted.take()).toBe(6);
    // The hall is held through its halves: the database refuses, and what is free instead is looked up.
    expect(await refusal(requestBooking(ctx, world.rooms.hall ?? "", input()))).toBe(409);
    // Eleven Tuesdays, less the two in the Christmas closure.
    expect(await world.t.db.selectFrom("booking_occurrences").select("id").execute()).toHaveLength(2 + 9);
  });

  it("sees a change another instance made to a premise, its hours or its closures at the next request", async () => {
    const ctx = await asClubAdmin(world.t.db);
    await requestBooking(ctx, world.rooms.north ?? "", input());
    // Another instance, writing past this one's cache and past the premises module altogether.
    const other = world.t.secondInstance();
    const north = world.rooms.north ?? "";
    try {
      await sql`update premises set capacity = 5 where id = ${north}`.execute(other);
      expect(await refusal(requestBooking(ctx, north, input({ date: "2026-12-02" })))).toBe(422);
      await sql`update premises set capacity = 100 where id = ${north}`.execute(other);
      expect(await refusal(requestBooking(ctx, north, input({ date: "2026-12-02" })))).toBeNull();

      // Longer hours: a request the cached hours would refuse is granted.
      expect(await refusal(requestBooking(ctx, north, input({ date: "2026-12-03", start: "21:00", end: "23:00" })))).toBe(422);
      await sql`update premise_hours set closes = '23:30' where premise_id = ${world.rooms.school ?? ""}`.execute(other);
      expect(await refusal(requestBooking(ctx, north, input({ date: "2026-12-03", start: "21:00", end: "23:00" })))).toBeNull();

      // A closure written elsewhere refuses the next request in it.
      await sql`insert into premise_closures (id, tenant_id, premise_id, from_date, to_date, reason)
        values ('closure-by-other', ${world.a.id}, ${world.rooms.school ?? ""}, '2026-12-04', '2026-12-04', 'Valg')`.execute(other);
      expect(await refusal(requestBooking(ctx, north, input({ date: "2026-12-04" })))).toBe(422);
    } finally {
      await sql`delete from premise_closures where id = 'closure-by-other'`.execute(other);
      await sql`update premise_hours set closes = '22:00' where premise_id = ${world.rooms.school ?? ""}`.execute(other);
      if (other !== world.t.db) await other.destroy();
    }
  });
});
