import ICAL from "ical.js";
import type { Insertable } from "kysely";
import sharp from "sharp";
import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
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

describe.each(dialects())("booking premises [%s]", (dialect) => {
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
  const bookings = async () => (await t.db.selectFrom("bookings").select(["id", "status", "premise_id"]).execute()).length;

  it("lets a booking of the whole hall block its halves and a half block the whole, both ways", async () => {
    const v = await admin();
    expect((await request(v, "hall")).status).toBe(303);
    for (const half of ["north", "south"]) expect((await request(v, half)).status, half).toBe(409);
    await t.db.deleteFrom("occupancy").execute();
    await t.db.deleteFrom("booking_occurrences").execute();
    await t.db.deleteFrom("bookings").execute();

    expect((await request(v, "north")).status).toBe(303);
    expect((await request(v, "south")).status).toBe(303);
    const whole = await request(v, "hall");
    expect(whole.status).toBe(409);
    expect(await whole.text()).toContain("Tiden er allerede booket");
    // From 20:00 the hall is free again.
    expect((await request(v, "hall", { start: "20:00", end: "21:00" })).status).toBe(303);
    expect(await bookings()).toBe(3);
  });

  // SQLite has no exclusion constraints; there the booking's one write transaction is the guard, which the race test holds.
  if (dialect === "postgres")
    it("has PostgreSQL itself refuse overlapping holds on one premise, whoever writes them", async () => {
      const occurrence = async () => {
        const bookingId = newId();
        const now = clock.now().toISOString();
        const user = await t.db.selectFrom("users").select("id").executeTakeFirstOrThrow();
        await t.db
          .insertInto("bookings")
          .values({
            id: bookingId,
            tenant_id: a.id,
            premise_id: rooms.north ?? "",
            association_id: club.id,
            user_id: user.id,
            purpose: "x",
            participants: 1,
            status: "approved",
            zone: "Europe/Copenhagen",
            start_date: "2026-12-01",
            start_time: "18:00",
            end_time: "20:00",
            every_weeks: null,
            until_date: null,
            decision_note: null,
            decided_by: null,
            decided_at: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        const id = newId();
        await t.db
          .insertInto("booking_occurrences")
          .values({
            id,
            tenant_id: a.id,
            booking_id: bookingId,
            premise_id: rooms.north ?? "",
            local_date: "2026-12-01",
            starts_at: now,
            ends_at: now,
            status: "active",
          })
          .execute();
        return id;
      };
      const hold = async (start: number, end: number) =>
        t.db
          .insertInto("occupancy")
          .values({ occurrence_id: await occurrence(), tenant_id: a.id, premise_id: rooms.north ?? "", start_minute: start, end_minute: end })
          .execute();
      await hold(1000, 1120);
      await expect(hold(1060, 1200)).rejects.toMatchObject({ code: "23P01" });
      await hold(1120, 1200);
    });

  it("gives exactly one of 50 simultaneous requests for the same slot; the rest are told what is free instead", async () => {
    const v = await admin();
    const csrf = await v.csrfToken(`/premises/${rooms.north}/book`);
    const answers = await Promise.all(Array.from({ length: 50 }, () => request(v, "north", {}, csrf)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(await bookings()).toBe(1);
    expect(await t.db.selectFrom("occupancy").select("premise_id").execute()).toHaveLength(1);
    const refused = await answers.find((r) => r.status === 409)?.text();
    expect(refused).toContain("Det her er ledigt i stedet");
    expect(refused).toContain("Hallens sydlige halvdel, 2026-12-01 kl. 18:00–20:00");
  });

  it("answers a booking outside opening hours, too long, too far ahead, in the past, in a closure or by someone who may not book, and writes nothing", async () => {
    const v = await admin();
    const cases: [Record<string, string>, string][] = [
      [{ start: "21:00", end: "23:00" }, "Lokalet har åbent 08:00–22:00 den dag"],
      [{ start: "08:00", end: "13:00" }, "højst vare 4 timer"],
      [{ date: "2028-01-04" }, "Lokalet kan bookes frem til 2027-11-22"],
      [{ date: "2026-11-20" }, "Tidspunktet er allerede gået"],
      [{ date: "2026-12-22" }, "Lokalet er lukket 2026-12-21–2027-01-03 (Juleferie)"],
      [{ participants: "40" }, "Der er plads til 28"],
      [{ end: "17:00" }, "Sluttiden skal ligge efter starttiden"],
      [{ repeat: "weekly", until: "" }, "hvilken dato den faste booking slutter"],
    ];
    for (const [change, message] of cases) {
      const res = await request(v, "classroom", change);
      expect(res.status, JSON.stringify(change)).toBe(422);
      expect(await res.text(), JSON.stringify(change)).toContain(message);
    }
    expect((await request(v, "classroom", { associationId: other.id })).status).toBe(403);
    expect((await request(await admin("member@badminton.test"), "classroom")).status).toBe(403);
    expect((await new Visitor(env.app, "b.test").get(`/premises/${rooms.classroom}`)).status).toBe(404);
    expect(await bookings()).toBe(0);
  });

  it("books a room with automatic approval at once, with the buffer after it, and skips closed dates in a series", async () => {
    const v = await admin();
    const res = await request(v, "classroom", { repeat: "weekly", until: "2027-01-12", start: "16:00", end: "18:00" });
    expect(res.status).toBe(303);
    const id = (res.headers.get("location") ?? "").split("/")[3]?.split("?")[0] ?? "";
    const dates = await t.db.selectFrom("booking_occurrences").select("local_date").where("booking_id", "=", id).orderBy("local_date").execute();
    expect(dates.map((d) => d.local_date)).toEqual(["2026-12-01", "2026-12-08", "2026-12-15", "2027-01-05", "2027-01-12"]);
    expect((await latestMail(t.db, "admin@badminton.test"))?.subject).toBe("Booket: Klasselokale 3");
    // The 15-minute buffer: 18:00 is too soon for the next group, 18:15 is fine.
    expect((await request(v, "classroom", { start: "18:00", end: "19:00" })).status).toBe(409);
    expect((await request(v, "classroom", { start: "18:15", end: "19:00" })).status).toBe(303);
  });

  it("holds a weekly series at 18:00 local across the clock changes; the caseworker approves; the mail carries the dates as .ics with the door code", async () => {
    const v = await admin();
    const res = await request(v, "north", { date: "2027-09-07", repeat: "weekly", until: "2028-06-27" });
    expect(res.status).toBe(303);
    const id = (res.headers.get("location") ?? "").split("/")[3]?.split("?")[0] ?? "";
    expect((await latestMail(t.db, "admin@badminton.test"))?.subject).toBe("Vi har fået jeres ønske om Hallens nordlige halvdel");

    const citizen = await admin("admin@gaa.test");
    expect((await citizen.post("/premises/requests", { ids: [id], decision: "approve", note: "" }, { from: "/" })).status).toBe(403);
    const caseworker = await admin("sagsbehandler@a.test");
    expect(await (await caseworker.get("/premises/requests")).text()).toContain("Badmintontræning for børn");
    const foreign = new Visitor(env.app, "b.test");
    await foreign.signIn("sagsbehandler@b.test");
    expect((await foreign.post("/premises/requests", { ids: [id], decision: "approve", note: "" }, { from: "/" })).status).toBe(422);
    expect((await t.db.selectFrom("bookings").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status).toBe("pending");
    expect((await caseworker.post("/premises/requests", { ids: [id], decision: "approve", note: "" }, { from: "/" })).status).toBe(303);

    const mail = await latestMail(t.db, "admin@badminton.test");
    expect(mail?.subject).toBe("Booket: Hallens nordlige halvdel");
    expect(mail?.text).toContain("Dørkode 4711");
    const [attachment] = JSON.parse(mail?.attachments ?? "[]") as { filename: string; content: string }[];
    expect(attachment?.filename).toBe("booking.ics");
    const events = new ICAL.Component(ICAL.parse(attachment?.content ?? "")).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events.length).toBe(43);
    const local = (time: ICAL.Time) =>
      Temporal.Instant.fromEpochMilliseconds(time.toJSDate().getTime())
        .toZonedDateTimeISO("Europe/Copenhagen")
        .toPlainDateTime()
        .toString({ smallestUnit: "minute" });
    const starts = events.map((e) => local(e.startDate));
    // Either side of the last Sunday of October 2027 and of March 2028.
    for (const day of ["2027-10-26", "2027-11-02", "2028-03-21", "2028-03-28", "2028-04-04"]) expect(starts).toContain(`${day}T18:00`);
    expect(starts.every((s) => s.endsWith("T18:00"))).toBe(true);
    expect(events.every((e) => local(e.endDate).endsWith("T20:00"))).toBe(true);
    expect(events[0]?.location).toContain("Skolevej 1");

    const feed = await (await v.get(`/premises/bookings/${id}/calendar.ics`)).text();
    expect(new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents("vevent")).toHaveLength(43);
    const room = await (await new Visitor(env.app, "a.test").get(`/premises/${rooms.north}/calendar.ics`)).text();
    expect(new ICAL.Component(ICAL.parse(room)).getAllSubcomponents("vevent").length).toBeGreaterThan(0);
    expect(room).not.toContain("Dørkode");
  });

  it("frees the times when a request is rejected (with a reason) or the rest of a series is cancelled", async () => {
    const v = await admin();
    const first = await request(v, "south", { repeat: "weekly", until: "2027-02-23", date: "2027-01-05" });
    const id = (first.headers.get("location") ?? "").split("/")[3]?.split("?")[0] ?? "";
    const caseworker = await admin("sagsbehandler@a.test");
    const noNote = await caseworker.post("/premises/requests", { ids: [id], decision: "reject", note: "" }, { from: "/" });
    expect(noNote.status).toBe(422);
    expect(await noNote.text()).toContain("Skriv, hvorfor I siger nej");
    expect((await caseworker.post("/premises/requests", { ids: [id], decision: "approve", note: "" }, { from: "/" })).status).toBe(303);

    expect((await v.post(`/premises/bookings/${id}/cancel`, { scope: "rest", date: "2027-02-02" }, { from: `/premises/bookings/${id}` })).status).toBe(303);
    const live = await t.db
      .selectFrom("booking_occurrences")
      .select("local_date")
      .where("booking_id", "=", id)
      .where("status", "=", "active")
      .orderBy("local_date")
      .execute();
    expect(live.map((o) => o.local_date)).toEqual(["2027-01-05", "2027-01-12", "2027-01-19", "2027-01-26"]);
    expect((await request(v, "hall", { date: "2027-02-09" })).status).toBe(303);
    expect((await request(v, "hall", { date: "2027-01-12" })).status).toBe(409);

    const second = await request(await admin("admin@badminton.test"), "classroom", { date: "2026-12-02", purpose: "Generalforsamling" });
    expect(second.status).toBe(303);
    const other = await admin("admin@gaa.test");
    const secondId = (second.headers.get("location") ?? "").split("/")[3]?.split("?")[0] ?? "";
    expect((await other.get(`/premises/bookings/${secondId}`)).status).toBe(404);
    expect((await other.post(`/premises/bookings/${secondId}/cancel`, { scope: "all", date: "" }, { from: "/" })).status).toBe(404);
  });

  it("finds the rooms free on Tuesday 18–20 for 30 people, and the nearest free times when a room is taken", async () => {
    const v = await admin();
    expect((await request(v, "north")).status).toBe(303);
    const html = await (await new Visitor(env.app, "a.test").get("/premises?date=2026-12-01&start=18:00&end=20:00&people=30")).text();
    expect(html).toContain("1 ledigt lokale");
    expect(html).toMatch(/Hallens sydlige halvdel[\s\S]*Ledigt på det tidspunkt/);
    expect(html).toContain("Hallens nordlige halvdel, 2026-12-01 kl. 20:00–22:00");
    expect(html).not.toContain("Klasselokale 3");
    expect(html).not.toContain("Anden kommunes hal");
  });

  it("tells a municipality's website through the API which premises there are and when they are free", async () => {
    const v = await admin();
    expect((await request(v, "north", { date: "2026-12-01" })).status).toBe(303);
    const anyone = new Visitor(env.app, "a.test");
    const list = (await (await anyone.get("/api/v1/premises")).json()) as {
      data: { id: string; name: string; parentId: string | null; bookable: boolean; address: string }[];
    };
    expect(list.data.map((p) => p.name)).toContain("Hallens nordlige halvdel");
    expect(list.data.map((p) => p.name)).not.toContain("Anden kommunes hal");
    expect(list.data.find((p) => p.id === rooms.north)).toMatchObject({ parentId: rooms.hall, bookable: true, address: "Skolevej 1, 8000" });

    type Day = {
      date: string;
      open: { opens: string; closes: string } | null;
      closure: string | null;
      booked: { start: string; end: string; status: string; by: string | null; partOfOther: boolean }[];
    };
    const week = (await (await anyone.get(`/api/v1/premises/${rooms.hall}/availability?from=2026-11-30&days=7`)).json()) as { zone: string; data: Day[] };
    expect(week.zone).toBe("Europe/Copenhagen");
    expect(week.data).toHaveLength(7);
    expect(week.data[1]).toMatchObject({
      date: "2026-12-01",
      open: { opens: "08:00", closes: "22:00" },
      booked: [{ start: "18:00", end: "20:00", status: "pending", by: null, partOfOther: true }],
    });
    const christmas = (await (await anyone.get(`/api/v1/premises/${rooms.hall}/availability?from=2026-12-24&days=1`)).json()) as { data: Day[] };
    expect(christmas.data[0]).toMatchObject({ open: null, closure: "Juleferie" });

    for (const bad of ["from=yesterday", "from=2026-12-01&days=100", ""]) {
      const res = await anyone.get(`/api/v1/premises/${rooms.hall}/availability?${bad}`);
      expect(res.status, bad).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    expect((await anyone.get(`/api/v1/premises/${rooms.foreign}/availability?from=2026-12-01`)).status).toBe(404);
  });

  it("gives an association a secret calendar address for its bookings, and a new one stops the old", async () => {
    const v = await admin();
    expect((await request(v, "classroom", { date: "2026-12-03", start: "17:00", end: "18:00" })).status).toBe(303);
    const page = await (await v.post("/premises/calendars", { associationId: club.id }, { from: "/premises/bookings" })).text();
    const url = page.match(/http:\/\/a\.test\/premises\/calendars\/[\w-]+\.ics/)?.[0] ?? "";
    expect(url).not.toBe("");
    const path = new URL(url).pathname;
    const anyone = new Visitor(env.app, "a.test");
    const feed = await (await anyone.get(path)).text();
    const events = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(["2026-12-03T16:00:00.000Z"]);
    expect(await t.db.selectFrom("calendar_tokens").select("token_hash").execute()).not.toContainEqual({
      token_hash: path.split("/").at(-1)?.replace(".ics", ""),
    });

    await v.post("/premises/calendars", { associationId: club.id }, { from: "/premises/bookings" });
    expect((await anyone.get(path)).status).toBe(404);
    expect((await new Visitor(env.app, "b.test").get(path)).status).toBe(404);
    const outsider = await admin("admin@gaa.test");
    expect((await outsider.post("/premises/calendars", { associationId: club.id }, { from: "/premises/bookings" })).status).toBe(403);
  });

  it("lets staff describe a new building and a room in it, with hours and closures, and nobody else", async () => {
    const staff = await admin("sagsbehandler@a.test");
    const fields = {
      name: "Grønby Forsamlingshus",
      kind: "building",
      parentId: "",
      description: "",
      address: "Bygaden 2",
      postcode: "8000",
      capacity: "",
      sizeM2: "",
      facilities: "",
      accessibility: [] as string[],
      houseRules: "",
      accessDetails: "Nøglen hænger i nøgleboksen, kode 1111",
      whoMayBook: "associations",
      approval: "manual",
      pricePerHour: "0",
      minMinutes: "30",
      maxMinutes: "480",
      maxDaysAhead: "365",
      bufferMinutes: "0",
      cancelHours: "24",
    };
    const building = await staff.post("/premises/manage/new", fields, { from: "/premises/manage/new" });
    expect(building.status).toBe(303);
    const buildingId = (building.headers.get("location") ?? "").split("/")[2] ?? "";
    const room = await staff.post(
      "/premises/manage/new",
      {
        ...fields,
        name: "Forsamlingshusets sal",
        kind: "hall",
        parentId: buildingId,
        address: "",
        postcode: "",
        capacity: "80",
        bookable: "on",
        accessibility: ["step_free"],
        pricePerHour: "350,50",
      },
      { from: "/premises/manage/new" },
    );
    expect(room.status).toBe(303);
    const roomId = (room.headers.get("location") ?? "").split("/")[2] ?? "";
    expect(
      await t.db
        .selectFrom("premises")
        .select(["parent_id", "capacity", "price_per_hour", "bookable", "accessibility"])
        .where("id", "=", roomId)
        .executeTakeFirst(),
    ).toEqual({
      parent_id: buildingId,
      capacity: 80,
      price_per_hour: 35050,
      bookable: 1,
      accessibility: "step_free",
    });

    const hours = Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7].flatMap((d) => [
        [`opens${d}`, d < 6 ? "17:00" : ""],
        [`closes${d}`, d < 6 ? "23:00" : ""],
      ]),
    );
    expect((await staff.post(`/premises/${buildingId}/hours`, { ...hours, closes2: "16:00" }, { from: "/" })).status).toBe(422);
    expect(await t.db.selectFrom("premise_hours").select("id").where("premise_id", "=", buildingId).execute()).toEqual([]);
    expect((await staff.post(`/premises/${buildingId}/hours`, hours, { from: "/" })).status).toBe(303);
    expect((await staff.post(`/premises/${buildingId}/closures`, { from: "2026-12-10", to: "2026-12-09", reason: "Maling" }, { from: "/" })).status).toBe(422);
    expect((await staff.post(`/premises/${buildingId}/closures`, { from: "2026-12-08", to: "2026-12-09", reason: "Maling" }, { from: "/" })).status).toBe(303);

    const v = await admin();
    const bookRoom = (date: string) =>
      v.post(
        `/premises/${roomId}/book`,
        { associationId: club.id, purpose: "Juleklip", participants: "30", date, start: "18:00", end: "20:00", repeat: "none", until: "" },
        { from: "/" },
      );
    expect((await bookRoom("2026-12-01")).status).toBe(303);
    expect(await (await bookRoom("2026-12-08")).text()).toContain("(Maling)");
    expect(await (await bookRoom("2026-12-05")).text()).toContain("Lokalet har lukket den dag");

    // A premise cannot be moved inside one of its own parts.
    const cycle = await staff.post(`/premises/${buildingId}/edit`, { ...fields, parentId: roomId }, { from: "/" });
    expect(cycle.status).toBe(422);
    expect(await cycle.text()).toContain("kan ikke være en del af sig selv");
    expect((await staff.post(`/premises/${roomId}/edit`, { ...fields, minMinutes: "120", maxMinutes: "60" }, { from: "/" })).status).toBe(422);

    expect((await v.get("/premises/manage")).status).toBe(403);
    expect((await v.post(`/premises/${roomId}/edit`, { ...fields, name: "Overtaget" }, { from: "/" })).status).toBe(403);
    const foreign = new Visitor(env.app, "b.test");
    await foreign.signIn("sagsbehandler@b.test");
    expect((await foreign.get(`/premises/${roomId}/edit`)).status).toBe(404);
    expect((await foreign.post(`/premises/${roomId}/closures`, { from: "2026-12-01", to: "2026-12-31", reason: "Overtaget" }, { from: "/" })).status).toBe(404);
    expect((await t.db.selectFrom("premises").select("name").where("id", "=", roomId).executeTakeFirstOrThrow()).name).toBe("Forsamlingshusets sal");

    expect(await (await staff.post(`/premises/${buildingId}/delete`, {}, { from: "/" })).text()).toContain("Stedet har dele");
    expect(await (await staff.post(`/premises/${roomId}/delete`, {}, { from: "/" })).text()).toContain("Stedet er booket");
    expect((await v.post(`/premises/${roomId}/delete`, {}, { from: "/" })).status).toBe(403);
    const spare = await staff.post(
      "/premises/manage/new",
      { ...fields, name: "Depotrum", kind: "room", parentId: buildingId, address: "", postcode: "" },
      { from: "/" },
    );
    const spareId = (spare.headers.get("location") ?? "").split("/")[2] ?? "";
    expect((await staff.post(`/premises/${spareId}/delete`, {}, { from: "/" })).status).toBe(303);
    expect(await t.db.selectFrom("premises").select("id").where("id", "=", spareId).execute()).toEqual([]);
  });

  it("reports the use of premises: open hours against booked hours, cancellations and groups that did not come", async () => {
    const v = await admin();
    const booked = await request(v, "classroom", { date: "2026-11-30", start: "16:00", end: "19:00", repeat: "weekly", until: "2026-12-14" });
    const id = (booked.headers.get("location") ?? "").split("/")[3]?.split("?")[0] ?? "";
    expect((await v.post(`/premises/bookings/${id}/cancel`, { scope: "one", date: "2026-12-07" }, { from: "/" })).status).toBe(303);
    const staff = await admin("sagsbehandler@a.test");
    // Not yet: the group cannot have failed to come to a date still ahead.
    const early = await staff.post(`/premises/bookings/${id}/no-show`, { date: "2026-11-30" }, { from: "/" });
    expect(early.status).toBe(422);
    expect(await early.text()).toContain("Datoen er ikke kommet endnu");
    clock.advance(9 * 86_400_000);
    // Nine days on, both sign in again.
    const later = await admin();
    const staffLater = await admin("sagsbehandler@a.test");
    expect((await later.post(`/premises/bookings/${id}/no-show`, { date: "2026-11-30" }, { from: "/" })).status).toBe(403);
    expect((await staffLater.post(`/premises/bookings/${id}/no-show`, { date: "2026-11-30" }, { from: "/" })).status).toBe(303);

    const csv = await (await staffLater.get("/premises/usage.csv?from=2026-11-30&to=2026-12-06")).text();
    // Open 08-22 every day: 14 hours x 7 days; booked one date of 3 hours; the group did not come.
    expect(csv).toContain("Klasselokale 3,Sønderby Skole,98,3,0.031,1,0,1");
    const december = await (await staffLater.get("/premises/usage.csv?from=2026-12-01&to=2026-12-31")).text();
    // The Christmas closure from the 21st leaves 20 open days; one date booked, one cancelled.
    expect(december).toContain("Klasselokale 3,Sønderby Skole,280,3,0.011,1,1,0");
    const page = await (await staffLater.get("/premises/usage?from=2026-11-30&to=2026-12-13")).text();
    expect(page).toContain("Brug af lokalerne");
    expect(page).toContain("<svg");
    expect((await later.get("/premises/usage")).status).toBe(403);
    expect(await (await staffLater.get("/premises/usage?from=nonsense&to=2026-99-99")).text()).toContain("Brug af lokalerne");
  });

  it("moves one date of a series to another day, under the same rules, freeing the old time", async () => {
    const v = await admin();
    const res = await request(v, "south", { date: "2027-01-05", repeat: "weekly", until: "2027-01-26" });
    const id = (res.headers.get("location") ?? "").split("/")[3]?.split("?")[0] ?? "";
    expect((await request(v, "north", { date: "2027-01-13", purpose: "Forældremøde" })).status).toBe(303);
    const move = (fields: Record<string, string>, visitor = v) =>
      visitor.post(`/premises/bookings/${id}/move`, { date: "2027-01-12", start: "18:00", end: "20:00", ...fields }, { from: "/" });

    expect((await move({ newDate: "2027-01-13" })).status).toBe(303);
    const dates = await t.db.selectFrom("booking_occurrences").select(["local_date", "starts_at"]).where("booking_id", "=", id).orderBy("local_date").execute();
    expect(dates.map((d) => d.local_date)).toEqual(["2027-01-05", "2027-01-13", "2027-01-19", "2027-01-26"]);
    expect(dates[1]?.starts_at).toBe("2027-01-13T17:00:00.000Z");
    // The hall is free on the 12th now, but not on the 13th, where both halves are taken.
    expect((await request(v, "hall", { date: "2027-01-12" })).status).toBe(303);
    expect((await request(v, "hall", { date: "2027-01-13" })).status).toBe(409);

    const taken = await move({ date: "2027-01-19", newDate: "2027-01-12" });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("Tiden er allerede booket");
    expect(await (await move({ date: "2027-01-19", newDate: "2027-01-01" })).text()).toContain("Juleferie");
    expect((await move({ date: "2027-01-19", newDate: "2027-01-20" }, await admin("admin@gaa.test"))).status).toBe(404);
    expect(
      (await t.db.selectFrom("booking_occurrences").select("local_date").where("booking_id", "=", id).orderBy("local_date").execute()).map((d) => d.local_date),
    ).toEqual(["2027-01-05", "2027-01-13", "2027-01-19", "2027-01-26"]);
  });

  it("lets a caseworker propose another time instead; the booker takes it or says no", async () => {
    const v = await admin();
    const first = await request(v, "north", { date: "2026-12-01" });
    const id = (first.headers.get("location") ?? "").split("/")[3]?.split("?")[0] ?? "";
    const staff = await admin("sagsbehandler@a.test");
    const propose = (who: Visitor, bookingId: string, fields: Record<string, string>) =>
      who.post(`/premises/bookings/${bookingId}/propose`, { note: "", ...fields }, { from: "/" });
    expect((await propose(v, id, { date: "2026-12-02", start: "19:00", end: "21:00" })).status).toBe(403);
    expect(await (await propose(staff, id, { date: "2026-12-02", start: "21:00", end: "23:00" })).text()).toContain("08:00–22:00");
    expect((await propose(staff, id, { date: "2026-12-02", start: "19:00", end: "21:00", note: "Tirsdag er optaget af skolen." })).status).toBe(303);
    expect(await t.db.selectFrom("bookings").select(["status", "start_date", "start_time"]).where("id", "=", id).executeTakeFirst()).toEqual({
      status: "proposed",
      start_date: "2026-12-02",
      start_time: "19:00",
    });
    expect((await latestMail(t.db, "admin@badminton.test"))?.text).toContain("Tirsdag er optaget af skolen.");
    // The old time is free; the proposed one is held.
    expect((await request(v, "north", { date: "2026-12-01", purpose: "Bestyrelsesmøde" })).status).toBe(303);
    expect((await request(v, "hall", { date: "2026-12-02", start: "20:00", end: "21:00" })).status).toBe(409);
    expect((await (await admin("admin@gaa.test")).post(`/premises/bookings/${id}/answer`, { answer: "accept" }, { from: "/" })).status).toBe(404);
    expect((await v.post(`/premises/bookings/${id}/answer`, { answer: "accept" }, { from: "/" })).status).toBe(303);
    expect((await t.db.selectFrom("bookings").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status).toBe("approved");
    expect((await latestMail(t.db, "admin@badminton.test"))?.subject).toBe("Booket: Hallens nordlige halvdel");

    const second = await request(v, "south", { date: "2026-12-03" });
    const secondId = (second.headers.get("location") ?? "").split("/")[3]?.split("?")[0] ?? "";
    expect((await propose(staff, secondId, { date: "2026-12-04", start: "18:00", end: "20:00" })).status).toBe(303);
    expect((await v.post(`/premises/bookings/${secondId}/answer`, { answer: "decline" }, { from: "/" })).status).toBe(303);
    expect((await t.db.selectFrom("bookings").select("status").where("id", "=", secondId).executeTakeFirstOrThrow()).status).toBe("cancelled");
    expect((await request(v, "hall", { date: "2026-12-04" })).status).toBe(303);
  });

  it("shows staff's photos of a premise with their description, checks the bytes, and keeps others from adding them", async () => {
    const png = new Uint8Array(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"));
    const staff = await admin("sagsbehandler@a.test");
    const upload = (who: Visitor, alt: string, content: Uint8Array<ArrayBuffer> | string, name = "sal.png") =>
      who.upload(`/premises/${rooms.hall}/photos`, { alt }, { name, content, type: "image/png", field: "photo" }, { from: `/premises/${rooms.hall}/edit` });
    expect((await upload(staff, "", png)).status).toBe(422);
    const fake = await upload(staff, "Hallen", "<svg onload=alert(1)></svg>");
    expect(fake.status).toBe(415);
    const big = new Uint8Array(600 * 1024);
    big.set(png);
    expect((await upload(staff, "Hallen", big)).status).toBe(413);
    expect((await upload(await admin(), "Hallen", png)).status).toBe(403);
    expect(await t.db.selectFrom("premise_photos").select("id").execute()).toEqual([]);

    expect((await upload(staff, "Idrætshallen med ribber og tre badmintonbaner", png)).status).toBe(303);
    const page = await (await new Visitor(env.app, "a.test").get(`/premises/${rooms.hall}`)).text();
    const src = page.match(/<img class="premise-photo" src="([^"]+)" alt="Idrætshallen med ribber og tre badmintonbaner"/)?.[1] ?? "";
    expect(src).not.toBe("");
    const photo = await new Visitor(env.app, "a.test").get(src);
    expect(photo.headers.get("content-type")).toBe("image/png");
    expect(photo.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(photo.headers.get("content-disposition")).toBe('attachment; filename="photo.png"');
    expect(photo.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await new Visitor(env.app, "b.test").get(src)).status).toBe(404);
  });

  it("takes a photo up to its own limit of 500 KB, past the limit for other forms, and leaves no file behind a removed photo", async () => {
    // Noise saved without compression: a real picture of a known size.
    const noise = (side: number) =>
      sharp(
        Uint8Array.from({ length: side * side * 3 }, () => Math.floor(Math.random() * 256)),
        { raw: { width: side, height: side, channels: 3 } },
      )
        .png({ compressionLevel: 0 })
        .toBuffer();
    const [fits, tooBig] = [await noise(369), await noise(452)];
    expect(Math.round(fits.length / 1024)).toBe(400);
    expect(Math.round(tooBig.length / 1024)).toBe(600);
    const staff = await admin("sagsbehandler@a.test");
    const files = async () => (await t.db.selectFrom("files").select("id").where("tenant_id", "=", a.id).execute()).length;
    const before = await files();
    const upload = (premiseId: string, content: Buffer) =>
      staff.upload(
        `/premises/${premiseId}/photos`,
        { alt: "Salen set fra scenen" },
        { name: "sal.png", content: new Uint8Array(content), type: "image/png", field: "photo" },
        { from: `/premises/${premiseId}/edit` },
      );
    const refused = await upload(rooms.classroom ?? "", tooBig);
    expect(refused.status).toBe(413);
    const form = await refused.text();
    expect(form).toContain("Billedet fylder for meget");
    expect(form).toContain('value="Salen set fra scenen"');
    expect(await files()).toBe(before);

    expect((await upload(rooms.classroom ?? "", fits)).status).toBe(303);
    expect(await files()).toBe(before + 1);
    const photoId = (
      await t.db
        .selectFrom("premise_photos")
        .select("id")
        .where("premise_id", "=", rooms.classroom ?? "")
        .executeTakeFirstOrThrow()
    ).id;
    expect((await staff.post(`/premises/${rooms.classroom}/photos/${photoId}/delete`, {}, { from: "/" })).status).toBe(303);
    expect(await files()).toBe(before);

    const shed = await premise(a, { name: "Redskabsrum", parent_id: rooms.school });
    expect((await upload(shed, fits)).status).toBe(303);
    expect(await files()).toBe(before + 1);
    expect((await staff.post(`/premises/${shed}/delete`, {}, { from: "/" })).status).toBe(303);
    expect(await files()).toBe(before);
  });

  it("lets staff give a premise other opening hours for a season, which beat the all-year hours between its dates", async () => {
    const staff = await admin("sagsbehandler@a.test");
    const summer = Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7].flatMap((d) => [
        [`opens${d}`, d < 6 ? "10:00" : ""],
        [`closes${d}`, d < 6 ? "16:00" : ""],
      ]),
    );
    expect((await staff.post(`/premises/${rooms.school}/hours`, { ...summer, from: "2027-07-01", to: "2027-06-01" }, { from: "/" })).status).toBe(422);
    expect((await staff.post(`/premises/${rooms.school}/hours`, { ...summer, from: "2027-06-01", to: "2027-08-31" }, { from: "/" })).status).toBe(303);
    expect(await (await staff.get(`/premises/${rooms.school}/edit`)).text()).toContain("2027-06-01–2027-08-31");
    const v = await admin();
    expect(await (await request(v, "classroom", { date: "2027-07-06" })).text()).toContain("Lokalet har åbent 10:00–16:00 den dag");
    expect(await (await request(v, "classroom", { date: "2027-07-10" })).text()).toContain("Lokalet har lukket den dag");
    expect((await request(v, "classroom", { date: "2027-07-06", start: "10:00", end: "12:00" })).status).toBe(303);
    expect((await request(v, "classroom", { date: "2027-09-07" })).status).toBe(303);

    expect((await staff.post(`/premises/${rooms.school}/seasons/delete`, { from: "2027-06-01", to: "2027-08-31" }, { from: "/" })).status).toBe(303);
    expect(
      await t.db
        .selectFrom("premise_hours")
        .select("id")
        .where("premise_id", "=", rooms.school ?? "")
        .where("valid_from", "is not", null)
        .execute(),
    ).toEqual([]);
    expect((await request(v, "classroom", { date: "2027-07-13" })).status).toBe(303);
  });

  it("lets anyone with an account book a room open to everyone, at the room's price, and only associations the others", async () => {
    const citizen = await admin("borger@a.test");
    const asPrivate = (room: string, change: Record<string, string> = {}) => request(citizen, room, { associationId: "", date: "2026-12-02", ...change });
    const refused = await asPrivate("classroom");
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Kun foreninger kan booke");
    await t.db
      .updateTable("premises")
      .set({ who_may_book: "everyone", price_per_hour: 45000 })
      .where("id", "=", rooms.classroom ?? "")
      .execute();
    expect(await (await citizen.get(`/premises/${rooms.classroom}/book`)).text()).toContain("Privat (ikke for en forening)");
    const booked = await asPrivate("classroom", { purpose: "Fødselsdag" });
    expect(booked.status).toBe(303);
    const page = await (await citizen.get(booked.headers.get("location") ?? "")).text();
    expect(page).toMatch(/900,00\s*kr\./);
    expect((await latestMail(t.db, "borger@a.test"))?.text).toMatch(/Pris: 900,00\s*kr\./);
    expect(await (await citizen.get("/premises/bookings")).text()).toContain("Fødselsdag");
    // Associations book free.
    const club = await request(await admin(), "classroom", { date: "2026-12-03" });
    expect(await (await (await admin()).get(club.headers.get("location") ?? "")).text()).not.toMatch(/900,00/);
    // The public sees when the room is taken, and by which association, but nothing of a private person's booking.
    const api = await new Visitor(env.app, "a.test").get(`/api/v1/premises/${rooms.classroom}/availability?from=2026-12-02&days=2`);
    const body = await api.text();
    expect(body).not.toContain("Fødselsdag");
    expect(body).not.toContain("borger");
    const days = (JSON.parse(body) as { data: { booked: { status: string; by: string | null; purpose: string | null }[] }[] }).data;
    expect(days.map((d) => d.booked)).toEqual([
      [expect.objectContaining({ status: "approved", by: null, purpose: null })],
      [expect.objectContaining({ status: "approved", by: "Sønderby Badmintonklub", purpose: "Badmintontræning for børn" })],
    ]);
    await t.db
      .updateTable("premises")
      .set({ who_may_book: "associations", price_per_hour: 0 })
      .where("id", "=", rooms.classroom ?? "")
      .execute();
  });

  it("answers an impossible or absurd date anywhere with a clear message, never a 500 or an endless report", async () => {
    const anyone = new Visitor(env.app, "a.test");
    const api = await anyone.get(`/api/v1/premises/${rooms.classroom}/availability?from=2026-02-30&days=7`);
    expect(api.status).toBe(422);
    expect(api.headers.get("content-type")).toContain("application/problem+json");
    expect((await anyone.get("/premises?date=2026-02-30&start=18:00&end=20:00")).status).toBe(200);
    const week = await anyone.get(`/premises/${rooms.classroom}?week=2026-02-30`);
    expect(week.status).toBe(200);
    expect(await week.text()).toContain("Klasselokale 3");
    const staff = await admin("sagsbehandler@a.test");
    const farOff = await Promise.race([
      staff.get("/premises/usage?from=9999-12-31&to=9999-12-31"),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
    ]);
    expect(farOff?.status).toBe(200);
    const impossible = await request(await admin(), "classroom", { date: "2026-02-30" });
    expect(impossible.status).toBe(422);
    expect(await impossible.text()).toContain("Skriv en dato");
    const untilImpossible = await request(await admin(), "classroom", { repeat: "weekly", until: "2027-02-30" });
    expect(untilImpossible.status).toBe(422);
    const round = await staff.post("/premises/rounds", { name: "Sæson med umulig dato", from: "2027-08-01", to: "2027-02-30" }, { from: "/premises/rounds" });
    expect(round.status).toBe(422);
    expect(await bookings()).toBe(0);
    expect(await t.db.selectFrom("allocation_rounds").select("id").where("name", "=", "Sæson med umulig dato").execute()).toEqual([]);
  });
});
