import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearBookings, type PremisesWorld, premisesWorld } from "../../../test/factories/premises.factory.js";
import { countingQueries, createTestApp, dialects, latestMail, TestClock, Visitor } from "../../../test/harness.js";

describe.each(dialects())("seasonal allocation rounds [%s]", (dialect) => {
  let t: PremisesWorld["t"];
  let a: PremisesWorld["a"];
  let club: PremisesWorld["club"];
  let other: PremisesWorld["other"];
  let rooms: PremisesWorld["rooms"];
  let admin: PremisesWorld["admin"];
  let request: PremisesWorld["request"];
  let world: PremisesWorld;
  // These stories play nine days on, after the use report of the first of December was made.
  const clock = new TestClock(new Date("2026-12-01T10:00:00.000Z"));

  beforeAll(async () => {
    world = await premisesWorld(dialect, clock);
    ({ t, a, club, other, rooms, admin, request } = world);
  });
  afterAll(() => world.t.destroy());
  beforeEach(() => clearBookings(world.t.db));

  it("runs a seasonal round: applications, a proposal in priority order, a hand adjustment, publishing as weekly bookings, and confirming or releasing", async () => {
    const staff = await admin("sagsbehandler@a.test");
    const created = await staff.post("/premises/rounds", { name: "Sæson 2027/28", from: "2027-08-01", to: "2027-12-20" }, { from: "/premises/rounds" });
    expect(created.status).toBe(303);
    const roundId = (created.headers.get("location") ?? "").split("/")[3]?.split("?")[0] ?? "";
    const wish = (associationId: string, change: Record<string, string>) => ({
      associationId,
      purpose: "Træning",
      participants: "20",
      priority: "3",
      minutes: "120",
      firstPremiseId: rooms.north ?? "",
      firstWeekday: "2",
      firstStart: "18:00",
      secondPremiseId: "",
      secondWeekday: "",
      secondStart: "",
      windowFrom: "",
      windowTo: "",
      ...change,
    });
    const clubAdmin = await admin();
    const walkers = await admin("admin@gaa.test");
    const apply = (v: Visitor, fields: Record<string, string>) => v.post(`/premises/rounds/${roundId}/apply`, fields, { from: `/premises/rounds/${roundId}` });
    expect((await apply(clubAdmin, wish(other.id, { purpose: "Gåtur" }))).status).toBe(403);
    expect(
      (await apply(walkers, wish(other.id, { purpose: "Seniorgymnastik", secondPremiseId: rooms.south ?? "", secondWeekday: "2", secondStart: "18:00" })))
        .status,
    ).toBe(303);
    expect((await apply(clubAdmin, wish(club.id, { purpose: "", secondPremiseId: rooms.south ?? "" }))).status).toBe(422);
    expect((await apply(clubAdmin, wish(club.id, { purpose: "Badminton for børn", priority: "1" }))).status).toBe(303);
    expect((await apply(clubAdmin, wish(club.id, { purpose: "Motion", firstStart: "19:00", windowFrom: "16:00", windowTo: "22:00" }))).status).toBe(303);
    expect((await clubAdmin.post(`/premises/rounds/${roundId}/propose`, {}, { from: "/" })).status).toBe(403);

    expect((await staff.post(`/premises/rounds/${roundId}/propose`, {}, { from: "/" })).status).toBe(303);
    const placed = async () =>
      Object.fromEntries(
        (
          await t.db
            .selectFrom("allocation_applications")
            .select(["purpose", "placed_premise_id", "placed_start", "placed_choice", "id", "booking_id"])
            .where("round_id", "=", roundId)
            .execute()
        ).map((a) => [a.purpose, a]),
      );
    let result = await placed();
    // Children first: badminton gets north at 18; the seniors their second choice; "Motion" moves within its window.
    expect(result["Badminton for børn"]).toMatchObject({ placed_premise_id: rooms.north, placed_start: "18:00", placed_choice: "first" });
    expect(result.Seniorgymnastik).toMatchObject({ placed_premise_id: rooms.south, placed_choice: "second" });
    expect(result.Motion).toMatchObject({ placed_choice: "window" });
    expect(await (await staff.get(`/premises/rounds/${roundId}`)).text()).toMatch(/af det bedst mulige/);

    const adjust = (id: string, fields: Record<string, string>) => staff.post(`/premises/rounds/${roundId}/applications/${id}`, fields, { from: "/" });
    expect((await adjust(result.Motion?.id ?? "", { premiseId: rooms.hall ?? "", weekday: "2", start: "18:30" })).status).toBe(409);
    expect((await adjust(result.Motion?.id ?? "", { premiseId: rooms.classroom ?? "", weekday: "4", start: "17:00" })).status).toBe(303);

    expect((await staff.post(`/premises/rounds/${roundId}/publish`, { confirm: "yes" }, { from: "/" })).status).toBe(303);
    result = await placed();
    const booking = await t.db
      .selectFrom("bookings")
      .selectAll()
      .where("id", "=", result["Badminton for børn"]?.booking_id ?? "")
      .executeTakeFirstOrThrow();
    expect(booking).toMatchObject({
      status: "approved",
      every_weeks: 1,
      start_time: "18:00",
      end_time: "20:00",
      start_date: "2027-08-03",
      until_date: "2027-12-20",
    });
    const dates = await t.db.selectFrom("booking_occurrences").select("local_date").where("booking_id", "=", booking.id).execute();
    expect(dates).toHaveLength(20);
    expect(
      (await latestMail(t.db, (await t.db.selectFrom("associations").select("email").where("id", "=", other.id).executeTakeFirstOrThrow()).email))?.text,
    ).toContain("Seniorgymnastik: Hallens sydlige halvdel, Tirsdag kl. 18.00");

    const respond = (v: Visitor, id: string, response: string) => v.post(`/premises/rounds/${roundId}/applications/${id}/respond`, { response }, { from: "/" });
    expect((await respond(walkers, result.Motion?.id ?? "", "released")).status).toBe(403);
    expect((await respond(clubAdmin, result.Motion?.id ?? "", "released")).status).toBe(303);
    expect((await respond(clubAdmin, result["Badminton for børn"]?.id ?? "", "confirmed")).status).toBe(303);
    expect((await respond(clubAdmin, result["Badminton for børn"]?.id ?? "", "released")).status).toBe(409);
    expect(await (await staff.get(`/premises/rounds/${roundId}`)).text()).not.toContain("Alle har svaret");
    expect((await respond(walkers, result.Seniorgymnastik?.id ?? "", "confirmed")).status).toBe(303);
    expect(await (await staff.get(`/premises/rounds/${roundId}`)).text()).toContain("Alle har svaret");
    // The released Thursday slot can be booked ad hoc again.
    expect((await request(clubAdmin, "classroom", { date: "2027-08-05", start: "17:00", end: "19:00" })).status).toBe(303);
    expect((await request(clubAdmin, "north", { date: "2027-08-03" })).status).toBe(409);
  });

  it("follows the tenant's own priority order when it puts other adult activities first", async () => {
    await t.db.updateTable("tenants").set({ allocation_order: "3,1,2" }).where("id", "=", a.id).execute();
    const staff = await admin("sagsbehandler@a.test");
    const roundId = (
      (await staff.post("/premises/rounds", { name: "Omvendt", from: "2027-08-01", to: "2027-12-20" }, { from: "/" })).headers.get("location") ?? ""
    )
      .split("/")[3]
      ?.split("?")[0];
    const wish = (associationId: string, purpose: string, priority: string) => ({
      associationId,
      purpose,
      participants: "20",
      priority,
      minutes: "120",
      firstPremiseId: rooms.classroom ?? "",
      firstWeekday: "3",
      firstStart: "18:00",
      secondPremiseId: "",
      secondWeekday: "",
      secondStart: "",
      windowFrom: "",
      windowTo: "",
    });
    await (await admin()).post(`/premises/rounds/${roundId}/apply`, wish(club.id, "Børnebadminton", "1"), { from: "/" });
    await (await admin("admin@gaa.test")).post(`/premises/rounds/${roundId}/apply`, wish(other.id, "Seniorer", "3"), { from: "/" });
    await staff.post(`/premises/rounds/${roundId}/propose`, {}, { from: "/" });
    const placed = await t.db
      .selectFrom("allocation_applications")
      .select(["purpose", "placed_start"])
      .where("round_id", "=", roundId ?? "")
      .orderBy("purpose")
      .execute();
    expect(placed).toEqual([
      { purpose: "Børnebadminton", placed_start: null },
      { purpose: "Seniorer", placed_start: "18:00" },
    ]);
    await t.db.updateTable("tenants").set({ allocation_order: "1,2,3" }).where("id", "=", a.id).execute();
  });

  it("publishes a round in one transaction whose statements do not grow with its applications", async () => {
    const counted = countingQueries(t.db);
    const staff = new Visitor(createTestApp(counted.db, { clock }).app, "a.test");
    await staff.signIn("sagsbehandler@a.test");
    const statementsToPublish = async (season: { from: string; to: string }, applications: number) => {
      const created = await staff.post("/premises/rounds", { name: `Sæson ${season.from}`, ...season }, { from: "/premises/rounds" });
      const roundId = (created.headers.get("location") ?? "").split("/")[3]?.split("?")[0] ?? "";
      const clubAdmin = await admin();
      const walkers = await admin("admin@gaa.test");
      for (let i = 0; i < applications; i++) {
        const [who, associationId] = i % 2 === 0 ? [clubAdmin, club.id] : [walkers, other.id];
        const fields = {
          associationId,
          purpose: `Træning ${i}`,
          participants: "20",
          priority: "3",
          minutes: "60",
          firstPremiseId: (i % 3 === 0 ? rooms.north : i % 3 === 1 ? rooms.south : rooms.classroom) ?? "",
          firstWeekday: String(1 + Math.floor(i / 3)),
          firstStart: "18:00",
          secondPremiseId: "",
          secondWeekday: "",
          secondStart: "",
          windowFrom: "",
          windowTo: "",
        };
        expect((await who.post(`/premises/rounds/${roundId}/apply`, fields, { from: "/" })).status).toBe(303);
      }
      expect((await staff.post(`/premises/rounds/${roundId}/propose`, {}, { from: "/" })).status).toBe(303);
      counted.take();
      expect((await staff.post(`/premises/rounds/${roundId}/publish`, { confirm: "yes" }, { from: "/" })).status).toBe(303);
      const statements = counted.take();
      const given = await t.db.selectFrom("allocation_applications").select("booking_id").where("round_id", "=", roundId).execute();
      expect(given.filter((a) => a.booking_id)).toHaveLength(applications);
      return statements;
    };
    const few = await statementsToPublish({ from: "2027-08-01", to: "2027-09-30" }, 2);
    const many = await statementsToPublish({ from: "2027-10-01", to: "2027-11-30" }, 12);
    expect(many).toBe(few);
  });
});
