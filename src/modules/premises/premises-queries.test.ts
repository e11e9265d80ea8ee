import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildBooking, buildPremise, clearBookings, type PremisesWorld, premisesWorld } from "../../../test/factories/premises.factory.js";
import { countingQueries, createTestApp, dialects, TestClock, Visitor } from "../../../test/harness.js";

/** Each page costs the same number of statements with a few rooms and bookings as with many. */
describe.each(dialects())("queries per premises page [%s]", (dialect) => {
  let world: PremisesWorld;
  let counted: ReturnType<typeof countingQueries>;
  let app: ReturnType<typeof createTestApp>["app"];
  const clock = new TestClock();

  beforeAll(async () => {
    world = await premisesWorld(dialect, clock);
    counted = countingQueries(world.t.db);
    app = createTestApp(counted.db, { clock }).app;
  });
  afterAll(() => world.t.destroy());
  beforeEach(() => clearBookings(world.t.db));

  /** Twenty more rooms like the hall's halves, every other one booked on the evening asked about. */
  async function moreRooms(kind: "hall" | "room", tag: string) {
    const { t, a, club, rooms } = world;
    for (let i = 0; i < 20; i++) {
      const id = await buildPremise(t.db, a, { name: `${tag} ${i}`, kind, parentId: rooms.school, capacity: 100 }, clock.now());
      if (i % 2 === 0) await buildBooking(t.db, a, clock, { premiseId: id, associationId: club.id, date: "2026-12-01", start: "18:00", end: "20:00" });
    }
  }
  const statements = async (work: () => Promise<Response>, status: number) => {
    counted.take();
    expect((await work()).status).toBe(status);
    return counted.take();
  };

  it("finds the free rooms and the nearest free times in a fixed number of queries", async () => {
    const { t, a, club, rooms } = world;
    await buildBooking(t.db, a, clock, { premiseId: rooms.north ?? "", associationId: club.id, date: "2026-12-01", start: "18:00", end: "20:00" });
    const visitor = new Visitor(app, "a.test");
    const search = () => visitor.get("/premises?date=2026-12-01&start=18:00&end=20:00&people=10");
    // The first page after a start reads the tenant's settings once; the count is of every page after it.
    await search();
    const few = await statements(search, 200);
    await moreRooms("room", "Mødelokale");
    const many = await statements(search, 200);
    expect(many).toBe(few);
    expect(await (await search()).text()).toContain("Mødelokale 19");
  });

  it("tells a request for a taken time what is free instead in a fixed number of queries", async () => {
    const { t, a, club, rooms } = world;
    await buildBooking(t.db, a, clock, { premiseId: rooms.north ?? "", associationId: club.id, date: "2026-12-01", start: "18:00", end: "20:00" });
    const v = new Visitor(app, "a.test");
    await v.signIn("admin@badminton.test");
    const csrf = await v.csrfToken(`/premises/${rooms.north}/book`);
    const ask = () => world.request(v, "north", {}, csrf);
    // Each measured with the premise rules cached already (new rooms make the cached ones out of date).
    await ask();
    const few = await statements(ask, 409);
    await moreRooms("hall", "Sal");
    await ask();
    const many = await statements(ask, 409);
    expect(many).toBe(few);
    expect(await (await ask()).text()).toContain("Det her er ledigt i stedet");
  });

  it("reads an association's calendar of bookings in a fixed number of queries", async () => {
    const { t, a, club, rooms } = world;
    const admin = new Visitor(app, "a.test");
    await admin.signIn("admin@badminton.test");
    const page = await (await admin.post("/premises/calendars", { associationId: club.id }, { from: "/premises/bookings" })).text();
    const path = page.match(/\/premises\/calendars\/[^<\s]+\.ics/)?.[0] ?? "";
    const feed = () => new Visitor(app, "a.test").get(path);
    const book = (day: number) =>
      buildBooking(t.db, a, clock, {
        premiseId: rooms.classroom ?? "",
        associationId: club.id,
        date: `2026-12-${String(day).padStart(2, "0")}`,
        start: "10:00",
        end: "12:00",
      });
    await book(1);
    const one = await statements(feed, 200);
    for (let day = 2; day <= 12; day++) await book(day);
    const twelve = await statements(feed, 200);
    expect(twelve).toBe(one);
    expect((await (await feed()).text()).match(/BEGIN:VEVENT/g)).toHaveLength(12);
  });
});
