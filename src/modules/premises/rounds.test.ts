import type { Insertable } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  countingQueries,
  createAssociation,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  latestMail,
  type TenantFixture,
  TestClock,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";
import { newId } from "../../platform/ids.js";
import type { PremisesTable } from "./premises.table.js";

type PremiseFields = Partial<Insertable<PremisesTable>> & { name: string };

describe.each(dialects())("seasonal allocation rounds [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let club: { id: string };
  let other: { id: string };
  const clock = new TestClock();
  const rooms: Record<string, string> = {};

  async function premise(tenant: TenantFixture, fields: PremiseFields) {
    const id = newId();
    const now = clock.now().toISOString();
    await t.db
      .insertInto("premises")
      .values({
        id,
        tenant_id: tenant.id,
        parent_id: null,
        kind: "room",
        address: null,
        postcode: null,
        capacity: null,
        size_m2: null,
        created_at: now,
        updated_at: now,
        ...fields,
      })
      .execute();
    return id;
  }

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    club = await createAssociation(t.db, a, "Sønderby Badmintonklub");
    other = await createAssociation(t.db, a, "Gåklubben");
    await createPerson(t.db, a, { email: "admin@badminton.test", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "admin@gaa.test", memberships: [{ associationId: other.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "member@badminton.test", memberships: [{ associationId: club.id, role: "member" }] });
    await createPerson(t.db, a, { email: "sagsbehandler@a.test", roles: ["caseworker"] });
    await createPerson(t.db, a, { email: "borger@a.test" });
    await createPerson(t.db, b, { email: "sagsbehandler@b.test", roles: ["caseworker"] });

    rooms.school = await premise(a, {
      name: "Sønderby Skole",
      kind: "building",
      bookable: 0,
      address: "Skolevej 1",
      postcode: "8000",
      access_details: "Dørkode 4711",
    });
    rooms.hall = await premise(a, {
      name: "Idrætshallen",
      kind: "hall",
      parent_id: rooms.school,
      capacity: 200,
      approval: "manual",
      house_rules: "Indendørssko",
    });
    rooms.north = await premise(a, { name: "Hallens nordlige halvdel", kind: "hall", parent_id: rooms.hall, capacity: 100, approval: "manual" });
    rooms.south = await premise(a, { name: "Hallens sydlige halvdel", kind: "hall", parent_id: rooms.hall, capacity: 100, approval: "manual" });
    rooms.classroom = await premise(a, {
      name: "Klasselokale 3",
      parent_id: rooms.school,
      capacity: 28,
      approval: "auto",
      max_minutes: 240,
      buffer_minutes: 15,
    });
    rooms.foreign = await premise(b, { name: "Anden kommunes hal", kind: "hall", capacity: 50 });
    for (let weekday = 1; weekday <= 7; weekday++) {
      await t.db
        .insertInto("premise_hours")
        .values({ id: newId(), tenant_id: a.id, premise_id: rooms.school, weekday, opens: "08:00", closes: "22:00", valid_from: null, valid_to: null })
        .execute();
    }
    await t.db
      .insertInto("premise_closures")
      .values({ id: newId(), tenant_id: a.id, premise_id: rooms.school, from_date: "2026-12-21", to_date: "2027-01-03", reason: "Juleferie" })
      .execute();
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());
  beforeEach(async () => {
    await t.db.deleteFrom("allocation_applications").execute();
    await t.db.deleteFrom("occupancy").execute();
    await t.db.deleteFrom("booking_occurrences").execute();
    await t.db.deleteFrom("bookings").execute();
  });

  const admin = async (email = "admin@badminton.test") => {
    const v = new Visitor(env.app, "a.test");
    await v.signIn(email);
    return v;
  };
  const request = (v: Visitor, room: string, change: Record<string, string> = {}, csrf?: string) =>
    v.post(
      `/premises/${rooms[room]}/book`,
      {
        associationId: club.id,
        purpose: "Badmintontræning for børn",
        participants: "20",
        date: "2026-12-01",
        start: "18:00",
        end: "20:00",
        repeat: "none",
        until: "",
        ...change,
      },
      { from: `/premises/${rooms[room]}/book`, ...(csrf ? { csrf } : {}) },
    );

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

    expect((await staff.post(`/premises/rounds/${roundId}/publish`, {}, { from: "/" })).status).toBe(303);
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
    ).toContain("Seniorgymnastik: Hallens sydlige halvdel, Tirsdag kl. 18:00");

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
      expect((await staff.post(`/premises/rounds/${roundId}/publish`, {}, { from: "/" })).status).toBe(303);
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
