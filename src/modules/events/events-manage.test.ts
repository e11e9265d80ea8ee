import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEvent } from "../../../test/factories/event.factory.js";
import { buildPremise } from "../../../test/factories/premises.factory.js";
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
  testConfig,
  Visitor,
} from "../../../test/harness.js";
import { dataKeyring } from "../../platform/crypto/data-key.js";
import { newId } from "../../platform/ids.js";
import { addDays, localParts } from "../../platform/time/recurrence.js";
import type { CommunityEvent, Registration } from "./events.model.js";
import { findEvent, insertRegistrations } from "./events.repository.js";

describe.each(dialects())("organisers create, change, cancel and moderate events [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let club: { id: string; name: string };
  let other: { id: string; name: string };
  let category: string;
  // Sunday 22 November 2026, 11:00 in Copenhagen.
  const clock = new TestClock(new Date("2026-11-22T10:00:00.000Z"));

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    club = await createAssociation(t.db, a, "Grønby Seniorklub");
    other = await createAssociation(t.db, a, "Gåklubben");
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, b, { email: "staff@b.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "admin@club.test", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "admin@other.test", memberships: [{ associationId: other.id, role: "admin" }] });
    category = (await t.db.selectFrom("taxonomy_terms").select("id").where("tenant_id", "=", a.id).where("code", "=", "social").executeTakeFirstOrThrow()).id;
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };

  /** A two-session course in Copenhagen time, as the form sends it (six session rows, five question rows). */
  const course = (change: Record<string, string | string[]> = {}) => ({
    organiser: "centre",
    kind: "course",
    title: "Kursus i bestyrelsesarbejde",
    description: "To aftener om at lede en forening: regnskab, generalforsamling og at finde nye frivillige.",
    categoryId: category,
    targetGroups: [],
    languages: ["da"],
    accessibility: ["step_free"],
    place: "address",
    premiseId: "",
    placeName: "Frivilligcentret",
    address: "Torvet 1",
    postcode: "8000",
    onlineUrl: "",
    price: "cost",
    amount: "150,50",
    capacity: "12",
    maxPerRegistration: "3",
    opensDate: "",
    opensTime: "",
    closesDate: "2026-11-30",
    closesTime: "12:00",
    contactEmail: "kurser@frivilligcentret.test",
    sessionId: ["", "", "", "", "", ""],
    sessionDate: ["2026-12-01", "2026-12-08", "", "", "", ""],
    sessionStart: ["18:00", "18:00", "", "", "", ""],
    sessionEnd: ["20:30", "20:30", "", "", "", ""],
    questionId: ["", "", "", "", ""],
    questionLabel: ["Har du allergier, vi skal kende?", "Hvilken forening kommer du fra?", "", "", ""],
    questionSensitive: ["1"],
    ...change,
  });

  const eventCount = async () =>
    Number(
      (
        await t.db
          .selectFrom("events")
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const idFrom = async (title: string) => (await t.db.selectFrom("events").select("id").where("title", "=", title).executeTakeFirstOrThrow()).id;

  /** A stored event as its edit form sends it back, with changes. */
  const formOf = (e: CommunityEvent, change: Record<string, string | string[]> = {}) => {
    const rows = e.sessions.map((s) => ({ id: s.id, start: localParts(s.startsAt, "Europe/Copenhagen"), end: localParts(s.endsAt, "Europe/Copenhagen") }));
    const blank = (n: number) => Array.from({ length: n }, () => "");
    return course({
      organiser: "centre",
      kind: e.kind,
      title: e.title,
      description: e.description,
      place: e.place,
      placeName: e.placeName ?? "",
      address: e.address ?? "",
      postcode: e.postcode ?? "",
      price: "free",
      amount: "",
      capacity: String(e.capacity),
      closesDate: "",
      closesTime: "",
      sessionId: [...rows.map((r) => r.id), ...blank(6 - rows.length)],
      sessionDate: [...rows.map((r) => r.start.date), ...blank(6 - rows.length)],
      sessionStart: [...rows.map((r) => r.start.time), ...blank(6 - rows.length)],
      sessionEnd: [...rows.map((r) => r.end.time), ...blank(6 - rows.length)],
      questionId: blank(5),
      questionLabel: blank(5),
      questionSensitive: [],
      ...change,
    });
  };
  const mailsTo = async (to: string) => (await t.db.selectFrom("mail_outbox").select("subject").where("to_address", "=", to).execute()).map((m) => m.subject);

  it("lets staff create a two-session course that reads back in local time, in the list and in its form", async () => {
    const staff = await as("staff@a.test");
    const res = await staff.post("/events/new", course(), { from: "/events/new" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/events/manage?notice=eventCreated");
    const id = await idFrom("Kursus i bestyrelsesarbejde");
    const e = await findEvent(t.db, a.id, id);
    expect(e).toMatchObject({
      organiser: "centre",
      associationId: null,
      status: "published",
      kind: "course",
      price: "cost",
      priceMinor: 15050,
      currency: "DKK",
      capacity: 12,
      maxPerRegistration: 3,
      accessibility: ["step_free"],
      // 18:00 in Copenhagen in winter is 17:00 UTC.
      startsAt: "2026-12-01T17:00:00.000Z",
      endsAt: "2026-12-08T19:30:00.000Z",
      registrationClosesAt: "2026-11-30T11:00:00.000Z",
    });
    expect(e?.sessions.map((s) => [s.startsAt, s.endsAt])).toEqual([
      ["2026-12-01T17:00:00.000Z", "2026-12-01T19:30:00.000Z"],
      ["2026-12-08T17:00:00.000Z", "2026-12-08T19:30:00.000Z"],
    ]);
    expect(e?.questions.map((q) => [q.label, q.sensitive])).toEqual([
      ["Har du allergier, vi skal kende?", true],
      ["Hvilken forening kommer du fra?", false],
    ]);
    const audit = await t.db.selectFrom("audit_log").select("action").where("entity_id", "=", id).execute();
    expect(audit.map((r) => r.action)).toEqual(["event.created"]);

    const list = await (await staff.get("/events/manage")).text();
    expect(list).toContain("Kursus i bestyrelsesarbejde");
    expect(list).toContain("0 af 12");
    expect(list).toContain(`/events/${id}/participants`);
    const form = await (await staff.get(`/events/${id}/edit`)).text();
    expect(form).toContain('value="2026-12-08"');
    expect(form).toContain('value="18:00"');
    expect(form).toContain('value="150,50"');
  });

  it("keeps an association's event waiting for staff, who approve it; another association's admin may not touch it", async () => {
    const admin = await as("admin@club.test");
    const res = await admin.post("/events/new", course({ organiser: club.id, title: "Juleklip for seniorer", price: "free", amount: "" }), {
      from: "/events/new",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/events/manage?notice=eventPending");
    const id = await idFrom("Juleklip for seniorer");
    expect((await findEvent(t.db, a.id, id))?.status).toBe("pending");
    // The admin's list shows their own association's events only.
    const mine = await (await admin.get("/events/manage")).text();
    expect(mine).toContain("Juleklip for seniorer");
    expect(mine).not.toContain("Kursus i bestyrelsesarbejde");

    const stranger = await as("admin@other.test");
    expect([403, 404]).toContain((await stranger.get(`/events/${id}/edit`)).status);
    expect([403, 404]).toContain(
      (await stranger.post(`/events/${id}/edit`, course({ organiser: club.id, title: "Overtaget" }), { from: "/events/manage" })).status,
    );
    expect([403, 404]).toContain((await stranger.post("/events/new", course({ organiser: club.id, title: "I andres navn" }), { from: "/events/new" })).status);
    expect([403, 404]).toContain((await stranger.post(`/events/${id}/cancel`, {}, { from: "/events/manage" })).status);
    expect((await findEvent(t.db, a.id, id))?.title).toBe("Juleklip for seniorer");
    // Nor may an association's admin approve events.
    expect((await admin.get("/events/moderation")).status).toBe(403);

    const staff = await as("staff@a.test");
    const queue = await (await staff.get("/events/moderation")).text();
    expect(queue).toContain("Juleklip for seniorer");
    expect(queue).toContain("Grønby Seniorklub");
    const decided = await staff.post(`/events/${id}/decision`, { decision: "approve", note: "" }, { from: "/events/moderation" });
    expect(decided.status).toBe(303);
    expect((await findEvent(t.db, a.id, id))?.status).toBe("published");
    const mail = await t.db
      .selectFrom("mail_outbox")
      .select(["subject"])
      .where("to_address", "=", "kurser@frivilligcentret.test")
      .orderBy("created_at", "desc")
      .execute();
    expect(mail.some((m) => m.subject.includes("Juleklip for seniorer"))).toBe(true);
  });

  it("names a premise of the tenant by its own name and address, and refuses another tenant's", async () => {
    const hall = await buildPremise(
      t.db,
      a,
      { name: "Grønby Forsamlingshus", kind: "hall", address: "Bygaden 2", postcode: "8000", capacity: 80 },
      clock.now(),
    );
    const foreignHall = await buildPremise(t.db, b, { name: "Fremmed sal", kind: "hall", address: "Vej 9", postcode: "9000" }, clock.now());
    const staff = await as("staff@a.test");
    const form = await (await staff.get("/events/new")).text();
    expect(form).toContain("Grønby Forsamlingshus (plads til 80)");
    expect(form).not.toContain("Fremmed sal");
    const refused = await staff.post("/events/new", course({ title: "I en fremmed sal", place: "premise", premiseId: foreignHall }), { from: "/events/new" });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Vælg lokalet.");
    const res = await staff.post(
      "/events/new",
      course({ title: "Generalforsamling i forsamlingshuset", place: "premise", premiseId: hall, placeName: "", address: "" }),
      {
        from: "/events/new",
      },
    );
    expect(res.status).toBe(303);
    const e = await findEvent(t.db, a.id, await idFrom("Generalforsamling i forsamlingshuset"));
    expect(e).toMatchObject({ place: "premise", premiseId: hall, placeName: "Grønby Forsamlingshus", address: "Bygaden 2", postcode: "8000" });
  });

  it("sends an association's event back with a note; changed, it waits again", async () => {
    const admin = await as("admin@club.test");
    await admin.post("/events/new", course({ organiser: club.id, title: "Foredrag om slægtsforskning" }), { from: "/events/new" });
    const id = await idFrom("Foredrag om slægtsforskning");
    const staff = await as("staff@a.test");
    // Saying no needs a note.
    expect((await staff.post(`/events/${id}/decision`, { decision: "reject", note: "" }, { from: "/events/moderation" })).status).toBe(422);
    const res = await staff.post(
      `/events/${id}/decision`,
      { decision: "reject", note: "Skriv gerne, hvem foredragsholderen er." },
      { from: "/events/moderation" },
    );
    expect(res.status).toBe(303);
    expect(await findEvent(t.db, a.id, id)).toMatchObject({ status: "rejected", reviewNote: "Skriv gerne, hvem foredragsholderen er." });
    const e = await findEvent(t.db, a.id, id);
    if (!e) throw new Error("no event");
    const changed = await admin.post(`/events/${id}/edit`, formOf(e, { organiser: club.id, description: `${e.description} Foredragsholder: Inge Holm.` }), {
      from: `/events/${id}/edit`,
    });
    expect(changed.headers.get("location")).toBe("/events/manage?notice=eventPending");
    expect(await findEvent(t.db, a.id, id)).toMatchObject({ status: "pending", reviewNote: null });
  });

  it("answers another tenant's staff with 404", async () => {
    const id = await idFrom("Kursus i bestyrelsesarbejde");
    const foreign = await as("staff@b.test", "b.test");
    expect((await foreign.get(`/events/${id}/edit`)).status).toBe(404);
    expect((await foreign.get(`/events/${id}/cancel`)).status).toBe(404);
    expect((await foreign.post(`/events/${id}/cancel`, {}, { from: "/events/manage" })).status).toBe(404);
    expect(await (await foreign.get("/events/manage")).text()).not.toContain("Kursus i bestyrelsesarbejde");
  });

  it("refuses bad input with a clear message and writes nothing", async () => {
    const staff = await as("staff@a.test");
    const before = await eventCount();
    const cases: [Record<string, string | string[]>, string][] = [
      [{ sessionDate: ["2026-11-20", "2026-12-08", "", "", "", ""] }, "Datoen er allerede passeret"],
      [{ sessionEnd: ["17:00", "20:30", "", "", "", ""] }, "Sluttidspunktet skal ligge efter starten"],
      [{ closesDate: "2026-12-05" }, "Tilmeldingen skal lukke, før arrangementet begynder"],
      [{ questionLabel: ["Et", "To", "Tre", "Fire", "Fem", "Seks"], questionId: ["", "", "", "", "", ""] }, "Højst fem ekstra spørgsmål"],
      [{ capacity: "0" }, "Antal pladser"],
      [{ place: "online", onlineUrl: "" }, "Skriv linket til onlinemødet"],
    ];
    for (const [change, message] of cases) {
      const res = await staff.post("/events/new", course({ title: "Skal ikke gemmes", ...change }), { from: "/events/new" });
      expect(res.status, JSON.stringify(change)).toBe(422);
      const html = await res.text();
      expect(html).toContain(message);
      // What was typed stays.
      expect(html).toContain("Skal ikke gemmes");
    }
    expect(await eventCount()).toBe(before);

    // The capacity may not fall below the places taken.
    const id = await idFrom("Kursus i bestyrelsesarbejde");
    const e = await findEvent(t.db, a.id, id);
    if (!e) throw new Error("no event");
    await register(e.id, ["Anna", "Bo", "Carl"], "registered");
    const form = course({ capacity: "2", sessionId: [...e.sessions.map((s) => s.id), "", "", "", ""] });
    const res = await staff.post(`/events/${id}/edit`, form, { from: `/events/${id}/edit` });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("3 pladser er allerede taget");
    expect((await findEvent(t.db, a.id, id))?.capacity).toBe(12);
  });

  /** Registrations written through the repository, as the registration form would leave them. */
  async function register(eventId: string, names: string[], status: Registration["status"]) {
    const now = clock.now().toISOString();
    const group = newId();
    const rows = names.map((name, i) => ({
      id: newId(),
      tenantId: a.id,
      eventId,
      groupId: group,
      userId: null,
      associationId: null,
      name,
      email: `${name.toLowerCase()}@deltager.test`,
      phone: null,
      status,
      queueNo: status === "waiting" ? i + 1 : null,
      offerExpiresAt: null,
      answers: {},
      overbooked: false,
      addedBy: null,
      language: "da",
      createdAt: now,
      confirmedAt: now,
      updatedAt: now,
      remindedAt: null,
      sensitiveAnswers: {},
    }));
    expect(await insertRegistrations(t.db, dataKeyring(testConfig()), rows)).toBe(true);
  }

  it("keeps the sessions' ids when a date moves, tells those registered, offers a new place; cancelling tells everyone", async () => {
    const staff = await as("staff@a.test");
    const e = await buildEvent(t.db, a, { now: clock.now(), title: "Netværksmøde for koordinatorer", capacity: 2, sessionOffsetsHours: [0, 168] });
    await register(e.id, ["Dorte"], "registered");
    await register(e.id, ["Erik"], "registered");
    await register(e.id, ["Frida"], "waiting");
    const list = await (await staff.get("/events/manage")).text();
    expect(list).toContain("2 af 2");

    // The second date moves a day; one more place.
    const second = localParts(e.sessions[1]?.startsAt ?? "", "Europe/Copenhagen");
    const moved = addDays(second.date, 1);
    const form = formOf(e, { capacity: "3" });
    (form.sessionDate as string[])[1] = moved;
    const res = await staff.post(`/events/${e.id}/edit`, form, { from: `/events/${e.id}/edit` });
    expect(res.status).toBe(303);
    const changed = await findEvent(t.db, a.id, e.id);
    expect(changed?.capacity).toBe(3);
    expect(changed?.sessions.map((s) => s.id)).toEqual(e.sessions.map((s) => s.id));
    expect(localParts(changed?.sessions[1]?.startsAt ?? "", "Europe/Copenhagen")).toEqual({ date: moved, time: second.time });
    // Each hears of the change; Frida also of the place that came free.
    for (const who of ["dorte", "erik", "frida"]) expect(await mailsTo(`${who}@deltager.test`)).toHaveLength(who === "frida" ? 2 : 1);
    const told = await t.db.selectFrom("mail_outbox").select("text").where("to_address", "=", "dorte@deltager.test").executeTakeFirstOrThrow();
    expect(told.text).toContain("Vi har ændret tidspunktet for Netværksmøde for koordinatorer");
    const frida = await t.db.selectFrom("event_registrations").select("status").where("email", "=", "frida@deltager.test").executeTakeFirstOrThrow();
    expect(["offered", "registered"]).toContain(frida.status);
    const changedRow = await t.db
      .selectFrom("audit_log")
      .select("details")
      .where("entity_id", "=", e.id)
      .where("action", "=", "event.changed")
      .executeTakeFirstOrThrow();
    expect(String(changedRow.details)).toContain("capacity");
    expect(String(changedRow.details)).toContain("sessions");

    const cancelPage = await (await staff.get(`/events/${e.id}/cancel`)).text();
    expect(cancelPage).toContain("Alle 3 tilmeldte");
    const cancelled = await staff.post(`/events/${e.id}/cancel`, {}, { from: `/events/${e.id}/cancel` });
    expect(cancelled.status).toBe(303);
    const after = await findEvent(t.db, a.id, e.id);
    expect(after?.status).toBe("cancelled");
    expect(after?.cancelledAt).toBe(clock.now().toISOString());
    const audit = await t.db.selectFrom("audit_log").select("action").where("entity_id", "=", e.id).execute();
    expect(audit.map((r) => r.action)).toContain("event.cancelled");
    for (const who of ["dorte", "erik", "frida"]) expect(await mailsTo(`${who}@deltager.test`)).toHaveLength(who === "frida" ? 3 : 2);
    // A cancelled event cannot be cancelled again or changed.
    expect((await staff.post(`/events/${e.id}/cancel`, {}, { from: "/events/manage" })).status).toBe(409);
    expect((await staff.post(`/events/${e.id}/edit`, formOf(e), { from: "/events/manage" })).status).toBe(409);
    expect((await staff.get(`/events/${e.id}/edit`)).status).toBe(409);
    expect(await (await staff.get(`/events/${e.id}`)).text()).not.toContain(`href="/events/${e.id}/edit"`);
  });
});
