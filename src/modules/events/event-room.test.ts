import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildBooking, buildClosure, buildHours, buildPremise, clearBookings } from "../../../test/factories/premises.factory.js";
import {
  createAssociation,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  type TenantFixture,
  TestClock,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";
import { localParts } from "../../platform/time/recurrence.js";
import type { CommunityEvent } from "./events.model.js";
import { findEvent } from "./events.repository.js";

describe.each(dialects())("the event form books its premise for each session, under the premises rules [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let club: { id: string; name: string };
  let hall: string;
  let building: string;
  let foreignHall: string;
  // Sunday 22 November 2026, 11:00 in Copenhagen.
  const clock = new TestClock(new Date("2026-11-22T10:00:00.000Z"));

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    club = await createAssociation(t.db, a, "Grønby Seniorklub");
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "caseworker@a.test", roles: ["caseworker"] });
    await createPerson(t.db, a, { email: "admin@club.test", memberships: [{ associationId: club.id, role: "admin" }] });
    building = await buildPremise(t.db, a, { name: "Kulturhuset", kind: "building", address: "Bygaden 2", postcode: "8000", bookable: false }, clock.now());
    hall = await buildPremise(t.db, a, { name: "Salen", kind: "hall", parentId: building, capacity: 40 }, clock.now());
    await buildHours(t.db, a, building, "08:00", "22:00");
    foreignHall = await buildPremise(t.db, b, { name: "Fremmed sal", kind: "hall", address: "Vej 9" }, clock.now());
    await buildHours(t.db, b, foreignHall, "08:00", "22:00");
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());
  beforeEach(async () => {
    await t.db.deleteFrom("event_room_bookings").execute();
    await clearBookings(t.db);
    await t.db.deleteFrom("premise_closures").execute();
  });

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };

  const blank = (n: number) => Array.from({ length: n }, () => "");
  /** A course in the hall on three Tuesday evenings, as the form sends it with the box ticked. */
  const course = (change: Record<string, string | string[]> = {}) => ({
    organiser: "centre",
    kind: "course",
    title: "Kursus i bestyrelsesarbejde",
    description: "Tre aftener om at lede en forening: regnskab, generalforsamling og at finde nye frivillige.",
    categoryId: "",
    targetGroups: [],
    languages: ["da"],
    accessibility: [],
    place: "premise",
    premiseId: hall,
    bookRoom: "on",
    placeName: "",
    address: "",
    postcode: "",
    onlineUrl: "",
    price: "free",
    amount: "",
    capacity: "20",
    maxPerRegistration: "1",
    opensDate: "",
    opensTime: "",
    closesDate: "",
    closesTime: "",
    contactEmail: "kurser@frivilligcentret.test",
    sessionId: blank(6),
    sessionDate: ["2026-12-01", "2026-12-08", "2026-12-15", "", "", ""],
    sessionStart: ["18:00", "18:00", "18:00", "", "", ""],
    sessionEnd: ["20:30", "20:30", "20:30", "", "", ""],
    questionId: blank(5),
    questionLabel: blank(5),
    questionSensitive: [],
    ...change,
  });

  /** A stored event as its edit form sends it back, with changes. */
  const formOf = (e: CommunityEvent, change: Record<string, string | string[]> = {}) => {
    const rows = e.sessions.map((s) => ({ id: s.id, start: localParts(s.startsAt, "Europe/Copenhagen"), end: localParts(s.endsAt, "Europe/Copenhagen") }));
    return course({
      organiser: e.associationId ?? e.organiser,
      title: e.title,
      sessionId: [...rows.map((r) => r.id), ...blank(6 - rows.length)],
      sessionDate: [...rows.map((r) => r.start.date), ...blank(6 - rows.length)],
      sessionStart: [...rows.map((r) => r.start.time), ...blank(6 - rows.length)],
      sessionEnd: [...rows.map((r) => r.end.time), ...blank(6 - rows.length)],
      ...change,
    });
  };

  const eventId = async (title: string) => (await t.db.selectFrom("events").select("id").where("title", "=", title).executeTakeFirstOrThrow()).id;
  const count = async (table: "events" | "bookings" | "event_room_bookings" | "occupancy") =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** The event's bookings of the room, by session start (UTC), with their status in the premises module. */
  const roomsOf = async (id: string) =>
    (
      await t.db
        .selectFrom("event_room_bookings as l")
        .innerJoin("bookings as bk", "bk.id", "l.booking_id")
        .select(["l.booking_id", "l.session_id", "l.starts_at", "bk.status", "bk.premise_id", "bk.association_id", "bk.start_date", "bk.start_time"])
        .where("l.event_id", "=", id)
        .orderBy("l.starts_at")
        .execute()
    ).map((r) => ({ booking: r.booking_id, session: r.session_id, status: r.status, date: r.start_date, time: r.start_time, association: r.association_id }));

  it("books the room for each of a three-session course, pending the caseworker, and shows the organiser each booking", async () => {
    const staff = await as("staff@a.test");
    const form = await (await staff.get("/events/new")).text();
    expect(form).toContain('name="bookRoom"');
    expect(form).toMatch(/name="bookRoom" value="on" id="f-bookRoom" checked/);
    const res = await staff.post("/events/new", course(), { from: "/events/new" });
    expect(res.status).toBe(303);
    const id = await eventId("Kursus i bestyrelsesarbejde");
    const rooms = await roomsOf(id);
    expect(rooms.map((r) => [r.date, r.time, r.status, r.association])).toEqual([
      ["2026-12-01", "18:00", "pending", null],
      ["2026-12-08", "18:00", "pending", null],
      ["2026-12-15", "18:00", "pending", null],
    ]);
    const e = await findEvent(t.db, a.id, id);
    expect(rooms.map((r) => r.session)).toEqual(e?.sessions.map((s) => s.id));
    // The room's times are held: nobody else can have them while the caseworker decides.
    expect(await count("occupancy")).toBeGreaterThanOrEqual(3);

    const page = await (await staff.get(`/events/${id}`)).text();
    expect(page).toContain("Booking af lokalet");
    expect(page.match(/Venter på svar \(tiden er holdt\)/g)?.length).toBe(3);
    for (const r of rooms) expect(page).toContain(`/premises/bookings/${r.booking}`);
    expect(page).toContain("tirsdag den 1. december 2026, 18.00–20.30");
    // Only its organiser sees them.
    const anonymous = await (await new Visitor(env.app, "a.test").get(`/events/${id}`)).text();
    expect(anonymous).not.toContain("Booking af lokalet");
    // The edit form keeps the box ticked while the room is booked.
    expect(await (await staff.get(`/events/${id}/edit`)).text()).toMatch(/id="f-bookRoom" checked/);

    // The caseworker says no to one date: the organiser is told by mail, and sees it on the event's page.
    const caseworker = await as("caseworker@a.test");
    const second = rooms[1]?.booking as string;
    const decided = await caseworker.post("/premises/requests", { ids: [second], decision: "reject", note: "Salen er lukket for maling." }, { from: "/" });
    expect(decided.status).toBe(303);
    const mail = await t.db.selectFrom("mail_outbox").select("subject").where("to_address", "=", "staff@a.test").execute();
    expect(mail.map((m) => m.subject)).toContain("Ikke booket: Salen");
    const after = await (await staff.get(`/events/${id}`)).text();
    expect(after).toContain("Begrundelse: Salen er lukket for maling.");

    // The same times again: the first date is still asked for (the second was freed by the rejection).
    const again = await staff.post("/events/new", course({ title: "Det samme kursus igen" }), { from: "/events/new" });
    expect(again.status).toBe(422);
    const html = await again.text();
    expect(html).toContain(
      "Dato 1 (1. december 2026 kl. 18.00–20.30): Lokalet er søgt kl. 18.00–20.30 til Kursus i bestyrelsesarbejde, og ansøgningen venter på svar.",
    );
    expect(html).not.toContain("Dato 2 (");
  });

  it("refuses a course whose second session collides with a booking, names it, and writes nothing", async () => {
    await buildBooking(t.db, a, clock, { premiseId: hall, associationId: club.id, purpose: "Julefrokost", date: "2026-12-08", start: "17:00", end: "19:00" });
    const before = { events: await count("events"), bookings: await count("bookings"), links: await count("event_room_bookings") };
    const staff = await as("staff@a.test");
    const res = await staff.post("/events/new", course({ title: "Kursus der støder sammen" }), { from: "/events/new" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Dato 2 (8. december 2026 kl. 18.00–20.30): Lokalet er booket kl. 17.00–19.00 til Grønby Seniorklub.");
    expect(html).not.toContain("Dato 1 (");
    // What was typed is kept, the box still ticked.
    expect(html).toContain('value="2026-12-15"');
    expect(html).toMatch(/id="f-bookRoom" checked/);
    expect({ events: await count("events"), bookings: await count("bookings"), links: await count("event_room_bookings") }).toEqual(before);

    // A closure and the opening hours are the premise's rules too.
    await buildClosure(t.db, a, building, "2026-12-15", "2026-12-15", "Maling");
    const closed = await staff.post(
      "/events/new",
      course({
        title: "Kursus på en lukkedag",
        sessionDate: ["2026-12-02", "2026-12-15", "", "", "", ""],
        sessionStart: ["18:00", "18:00", "", "", "", ""],
        sessionEnd: ["20:30", "20:30", "", "", "", ""],
      }),
      {
        from: "/events/new",
      },
    );
    expect(closed.status).toBe(422);
    expect(await closed.text()).toContain("Dato 2 (15. december 2026 kl. 18.00–20.30): Lokalet er lukket");
    const late = await staff.post("/events/new", course({ title: "Kursus til midnat", sessionEnd: ["23:30", "20:30", "20:30", "", "", ""] }), {
      from: "/events/new",
    });
    expect(late.status).toBe(422);
    expect(await late.text()).toContain("Dato 1 (");
    expect(await count("events")).toBe(before.events);
  });

  it("moves the bookings when a session moves, keeps the others, and refuses a move onto a taken time without changing anything", async () => {
    const staff = await as("staff@a.test");
    await staff.post("/events/new", course({ title: "Kursus der flytter" }), { from: "/events/new" });
    const id = await eventId("Kursus der flytter");
    const first = await roomsOf(id);
    const e = (await findEvent(t.db, a.id, id)) as CommunityEvent;

    // The second evening moves to the afternoon: its booking is cancelled and a new one requested; the others stay.
    const moved = await staff.post(
      `/events/${id}/edit`,
      formOf(e, { sessionStart: ["18:00", "14:00", "18:00", "", "", ""], sessionEnd: ["20:30", "16:00", "20:30", "", "", ""] }),
      {
        from: `/events/${id}/edit`,
      },
    );
    expect(moved.status).toBe(303);
    const second = await roomsOf(id);
    expect(second.map((r) => [r.date, r.time, r.status])).toEqual([
      ["2026-12-01", "18:00", "pending"],
      ["2026-12-08", "14:00", "pending"],
      ["2026-12-15", "18:00", "pending"],
    ]);
    expect(second[0]?.booking).toBe(first[0]?.booking);
    expect(second[2]?.booking).toBe(first[2]?.booking);
    expect(second[1]?.booking).not.toBe(first[1]?.booking);
    const old = await t.db
      .selectFrom("bookings")
      .select("status")
      .where("id", "=", first[1]?.booking as string)
      .executeTakeFirstOrThrow();
    expect(old.status).toBe("cancelled");

    // Someone else has the hall on the 15th at noon: moving the third evening there is refused, and nothing changes.
    await buildBooking(t.db, a, clock, { premiseId: hall, associationId: club.id, purpose: "Juleklip", date: "2026-12-15", start: "11:00", end: "13:00" });
    const stored = (await findEvent(t.db, a.id, id)) as CommunityEvent;
    const refused = await staff.post(
      `/events/${id}/edit`,
      formOf(stored, { sessionStart: ["18:00", "14:00", "12:00", "", "", ""], sessionEnd: ["20:30", "16:00", "14:00", "", "", ""] }),
      { from: `/events/${id}/edit` },
    );
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Dato 3 (15. december 2026 kl. 12.00–14.00): Lokalet er booket kl. 11.00–13.00 til Grønby Seniorklub.");
    expect((await findEvent(t.db, a.id, id))?.sessions).toEqual(stored.sessions);
    expect(await roomsOf(id)).toEqual(second);

    // Another place: the room is no longer needed, so every booking is cancelled.
    const elsewhere = await staff.post(
      `/events/${id}/edit`,
      formOf(stored, { place: "address", premiseId: "", placeName: "Biblioteket", address: "Torvet 1", postcode: "8000" }),
      { from: `/events/${id}/edit` },
    );
    expect(elsewhere.status).toBe(303);
    expect(await roomsOf(id)).toEqual([]);
    const statuses = await t.db
      .selectFrom("bookings")
      .select("status")
      .where(
        "id",
        "in",
        second.map((r) => r.booking),
      )
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
  });

  it("cancels the room's bookings when the event is cancelled, and frees its times", async () => {
    const staff = await as("staff@a.test");
    await staff.post("/events/new", course({ title: "Kursus der aflyses" }), { from: "/events/new" });
    const id = await eventId("Kursus der aflyses");
    const held = await count("occupancy");
    expect(held).toBeGreaterThan(0);
    expect((await staff.post(`/events/${id}/cancel`, {}, { from: `/events/${id}/cancel` })).status).toBe(303);
    const rooms = await roomsOf(id);
    expect(rooms.map((r) => r.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
    expect(await count("occupancy")).toBe(0);
    const audit = await t.db.selectFrom("audit_log").select("action").where("action", "=", "booking.cancelled.all").execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it("books an association's event as the association; a premise it may not book, or another tenant's, is refused and nothing is written", async () => {
    const admin = await as("admin@club.test");
    const res = await admin.post("/events/new", course({ organiser: club.id, title: "Seniorklubbens kursus" }), { from: "/events/new" });
    expect(res.status).toBe(303);
    const rooms = await roomsOf(await eventId("Seniorklubbens kursus"));
    expect(rooms.map((r) => [r.status, r.association])).toEqual([
      ["pending", club.id],
      ["pending", club.id],
      ["pending", club.id],
    ]);

    const before = { events: await count("events"), bookings: await count("bookings") };
    // The building as a whole cannot be booked, only its rooms.
    const whole = await admin.post("/events/new", course({ organiser: club.id, title: "I hele huset", premiseId: building }), { from: "/events/new" });
    expect(whole.status).toBe(422);
    expect(await whole.text()).toContain("Det her kan ikke bookes for sig");
    // Another tenant's premise is not one of the tenant's places.
    const foreign = await admin.post("/events/new", course({ organiser: club.id, title: "I en fremmed sal", premiseId: foreignHall }), { from: "/events/new" });
    expect(foreign.status).toBe(422);
    expect(await foreign.text()).toContain("Vælg lokalet.");
    expect({ events: await count("events"), bookings: await count("bookings") }).toEqual(before);

    // What the centre booked for itself is not the association's to read: only that the time is taken.
    const one = { sessionDate: ["2027-01-05", "", "", "", "", ""], sessionStart: ["18:00", "", "", "", "", ""], sessionEnd: ["20:30", "", "", "", "", ""] };
    const staff = await as("staff@a.test");
    expect((await staff.post("/events/new", course({ title: "Centrets nytårsmøde", ...one }), { from: "/events/new" })).status).toBe(303);
    const taken = await admin.post("/events/new", course({ organiser: club.id, title: "Klubbens nytårskur", ...one }), { from: "/events/new" });
    expect(taken.status).toBe(422);
    const html = await taken.text();
    expect(html).toContain("Dato 1 (5. januar 2027 kl. 18.00–20.30): Lokalet er allerede booket kl. 18.00–20.30.");
    expect(html).not.toContain("Centrets nytårsmøde");
  });

  it("books nothing when the box is not ticked, and approves at once where the premise says so", async () => {
    const staff = await as("staff@a.test");
    const res = await staff.post("/events/new", course({ title: "Uden booking", bookRoom: "" }), { from: "/events/new" });
    expect(res.status).toBe(303);
    expect(await roomsOf(await eventId("Uden booking"))).toEqual([]);
    const page = await (await staff.get(`/events/${await eventId("Uden booking")}`)).text();
    expect(page).toContain("Lokalet er ikke booket gennem Sammen");

    const room = await buildPremise(t.db, a, { name: "Mødelokalet", kind: "room", parentId: building, approval: "auto", capacity: 30 }, clock.now());
    await staff.post("/events/new", course({ title: "Med booking med det samme", premiseId: room }), { from: "/events/new" });
    const rooms = await roomsOf(await eventId("Med booking med det samme"));
    expect(rooms.map((r) => r.status)).toEqual(["approved", "approved", "approved"]);
  });
});
