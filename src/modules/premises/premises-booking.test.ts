import ICAL from "ical.js";
import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearBookings, type PremisesWorld, premisesWorld } from "../../../test/factories/premises.factory.js";
import { dialects, latestMail, TestClock, Visitor } from "../../../test/harness.js";
import { newId } from "../../platform/ids.js";

describe.each(dialects())("booking premises [%s]", (dialect) => {
  let t: PremisesWorld["t"];
  let env: PremisesWorld["env"];
  let a: PremisesWorld["a"];
  let club: PremisesWorld["club"];
  let other: PremisesWorld["other"];
  let rooms: PremisesWorld["rooms"];
  let admin: PremisesWorld["admin"];
  let request: PremisesWorld["request"];
  let world: PremisesWorld;
  const clock = new TestClock();

  beforeAll(async () => {
    world = await premisesWorld(dialect, clock);
    ({ t, env, a, club, other, rooms, admin, request } = world);
  });
  afterAll(() => world.t.destroy());
  beforeEach(() => clearBookings(world.t.db));
  const bookings = async () => (await world.t.db.selectFrom("bookings").select(["id", "status", "premise_id"]).execute()).length;

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
    expect(refused).toContain("Hallens sydlige halvdel, tirsdag den 1. december 2026 kl. 18.00–20.00");
  });

  it("answers a booking outside opening hours, too long, too far ahead, in the past, in a closure or by someone who may not book, and writes nothing", async () => {
    const v = await admin();
    const cases: [Record<string, string>, string][] = [
      [{ start: "21:00", end: "23:00" }, "Lokalet har åbent 08.00–22.00 den dag"],
      [{ start: "08:00", end: "13:00" }, "højst vare 4 timer"],
      [{ date: "2028-01-04" }, "Lokalet kan bookes frem til 22. november 2027"],
      [{ date: "2026-11-20" }, "Tidspunktet er allerede gået"],
      [{ date: "2026-12-22" }, "Lokalet er lukket 21. december 2026–3. januar 2027 (Juleferie)"],
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
    await env.drainJobs(); // the booker is told by a job written with the booking
    const mail = await latestMail(t.db, "admin@badminton.test");
    expect(mail?.subject).toBe("Booket: Klasselokale 3");
    // The mail says when in the reader's words, not as ISO dates.
    expect(mail?.text).toContain("hver uge fra tirsdag den 1. december 2026 til 12. januar 2027 kl. 16.00–18.00");
    // The booking's page says which dates the series left out, and why.
    const page = (await (await v.get(`/premises/bookings/${id}`)).text()).replace(/\u00a0/g, " ");
    expect(page).toContain("2 datoer er sprunget over, fordi lokalet er lukket");
    expect(page).toContain("tirsdag den 22. december 2026: Juleferie (lukket 21. december 2026–3. januar 2027)");
    expect(page).toContain("tirsdag den 29. december 2026: Juleferie");
    expect(page).not.toMatch(/>\s*2026-12-01\b/);
    // The 15-minute buffer: 18:00 is too soon for the next group, 18:15 is fine.
    expect((await request(v, "classroom", { start: "18:00", end: "19:00" })).status).toBe(409);
    expect((await request(v, "classroom", { start: "18:15", end: "19:00" })).status).toBe(303);
  });

  it("holds a weekly series at 18:00 local across the clock changes; the caseworker approves; the mail carries the dates as .ics with the door code", async () => {
    const v = await admin();
    const res = await request(v, "north", { date: "2027-09-07", repeat: "weekly", until: "2028-06-27" });
    expect(res.status).toBe(303);
    const id = (res.headers.get("location") ?? "").split("/")[3]?.split("?")[0] ?? "";
    await env.drainJobs(); // the booker is told by a job written with the booking
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

    await env.drainJobs(); // the booker is told by a job written with the booking
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

  it("offers someone not signed in the booking button, which asks them to sign in and comes back to the form", async () => {
    const anyone = new Visitor(env.app, a.host);
    expect(await (await anyone.get(`/premises/${rooms.classroom}`)).text()).toContain(`href="/premises/${rooms.classroom}/book"`);
    const form = await anyone.get(`/premises/${rooms.classroom}/book`);
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe(`/sign-in?next=${encodeURIComponent(`/premises/${rooms.classroom}/book`)}`);
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
    expect(page).toMatch(/900\s*kr\./);
    await env.drainJobs(); // the booker is told by a job written with the booking
    expect((await latestMail(t.db, "borger@a.test"))?.text).toMatch(/Pris: 900\s*kr\./);
    expect(await (await citizen.get("/premises/bookings")).text()).toContain("Fødselsdag");
    // Associations book free.
    const club = await request(await admin(), "classroom", { date: "2026-12-03" });
    expect(await (await (await admin()).get(club.headers.get("location") ?? "")).text()).not.toMatch(/900\s*kr/);
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
