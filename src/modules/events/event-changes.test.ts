import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHours, buildPremise } from "../../../test/factories/premises.factory.js";
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

describe.each(dialects())("a change to an association's published event waits for staff, as an offer's does [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let club: { id: string; name: string };
  let hall: string;
  // Sunday 22 November 2026, 11:00 in Copenhagen.
  const clock = new TestClock(new Date("2026-11-22T10:00:00.000Z"));

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    club = await createAssociation(t.db, a, "Grønby Seniorklub");
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "admin@club.test", memberships: [{ associationId: club.id, role: "admin" }] });
    hall = await buildPremise(t.db, a, { name: "Salen", kind: "hall", address: "Bygaden 2", capacity: 40, approval: "auto" }, clock.now());
    await buildHours(t.db, a, hall, "08:00", "22:00");
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const as = async (email: string) => {
    const v = new Visitor(env.app, "a.test");
    await v.signIn(email);
    return v;
  };
  const blank = (n: number) => Array.from({ length: n }, () => "");
  const form = (e: CommunityEvent | null, change: Record<string, string | string[]> = {}) => {
    const rows = (e?.sessions ?? []).map((s) => ({
      id: s.id,
      start: localParts(s.startsAt, "Europe/Copenhagen"),
      end: localParts(s.endsAt, "Europe/Copenhagen"),
    }));
    return {
      organiser: club.id,
      kind: "social",
      title: e?.title ?? "Julehygge i klubben",
      description: "En eftermiddag med gløgg, æbleskiver og sang for alle seniorer i Grønby.",
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
      capacity: "30",
      maxPerRegistration: "1",
      opensDate: "",
      opensTime: "",
      closesDate: "",
      closesTime: "",
      contactEmail: "klub@groenby.test",
      sessionId: [...rows.map((r) => r.id), ...blank(6 - rows.length)],
      sessionDate: rows.length ? [...rows.map((r) => r.start.date), ...blank(6 - rows.length)] : ["2026-12-10", ...blank(5)],
      sessionStart: rows.length ? [...rows.map((r) => r.start.time), ...blank(6 - rows.length)] : ["14:00", ...blank(5)],
      sessionEnd: rows.length ? [...rows.map((r) => r.end.time), ...blank(6 - rows.length)] : ["17:00", ...blank(5)],
      questionId: blank(5),
      questionLabel: blank(5),
      questionSensitive: [],
      ...change,
    };
  };
  const roomTimes = async (id: string) =>
    (
      await t.db
        .selectFrom("event_room_bookings as l")
        .innerJoin("bookings as b", "b.id", "l.booking_id")
        .select(["b.start_time", "b.status"])
        .where("l.event_id", "=", id)
        .execute()
    ).map((r) => [r.start_time, r.status]);
  const subjects = async () =>
    (await t.db.selectFrom("mail_outbox").select("subject").where("to_address", "=", "klub@groenby.test").execute()).map((m) => m.subject);

  it("keeps the approved event public while a change waits; approved, the change is applied and the room moves with it", async () => {
    const admin = await as("admin@club.test");
    const staff = await as("staff@a.test");
    expect((await admin.post("/events/new", form(null), { from: "/events/new" })).status).toBe(303);
    const id = (await t.db.selectFrom("events").select("id").where("title", "=", "Julehygge i klubben").executeTakeFirstOrThrow()).id;
    expect((await staff.post(`/events/${id}/decision`, { decision: "approve", note: "" }, { from: "/events/moderation" })).status).toBe(303);
    const approved = (await findEvent(t.db, a.id, id)) as CommunityEvent;
    expect(approved.status).toBe("published");
    expect(await roomTimes(id)).toEqual([["14:00", "approved"]]);

    // The admin changes the title and the time: it goes to the centre, and the public sees the approved event.
    const res = await admin.post(
      `/events/${id}/edit`,
      form(approved, { title: "Julehygge med luciaoptog", sessionStart: ["15:00", ...blank(5)], sessionEnd: ["18:00", ...blank(5)] }),
      {
        from: `/events/${id}/edit`,
      },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/events/manage?notice=eventChangePending");
    expect(await findEvent(t.db, a.id, id)).toMatchObject({ title: "Julehygge i klubben", status: "published", sessions: approved.sessions });
    expect(await (await new Visitor(env.app, "a.test").get(`/events/${id}`)).text()).toContain("Julehygge i klubben");
    expect(await roomTimes(id)).toEqual([["14:00", "approved"]]);
    const queue = await (await staff.get("/events/moderation")).text();
    expect(queue).toContain("Ændring");
    expect(queue).toContain("Ændret: Titel, Hvornår");
    expect(await (await staff.get("/start")).text()).toContain("1 arrangement venter på godkendelse");

    expect((await staff.post(`/events/${id}/decision`, { decision: "approve", note: "" }, { from: "/events/moderation" })).status).toBe(303);
    const after = await findEvent(t.db, a.id, id);
    expect(after?.title).toBe("Julehygge med luciaoptog");
    expect(after?.sessions[0]?.startsAt).toBe("2026-12-10T14:00:00.000Z");
    expect(await roomTimes(id)).toEqual([["15:00", "approved"]]);
    expect(await (await staff.get("/events/moderation")).text()).not.toContain("Ændret:");
    const audit = await t.db.selectFrom("audit_log").select("action").where("entity_id", "=", id).execute();
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(["event.change_submitted", "event.change_approved"]));
  });

  it("sends a change back with a note and keeps the event as it was; staff's own change applies at once", async () => {
    const admin = await as("admin@club.test");
    const staff = await as("staff@a.test");
    const id = (await t.db.selectFrom("events").select("id").where("title", "=", "Julehygge med luciaoptog").executeTakeFirstOrThrow()).id;
    const e = (await findEvent(t.db, a.id, id)) as CommunityEvent;
    await admin.post(`/events/${id}/edit`, form(e, { description: "Kom og syng julen ind. Gratis gløgg til alle, der kommer før kl. 16." }), {
      from: `/events/${id}/edit`,
    });
    expect((await staff.post(`/events/${id}/decision`, { decision: "reject", note: "" }, { from: "/events/moderation" })).status).toBe(422);
    expect(
      (await staff.post(`/events/${id}/decision`, { decision: "reject", note: "Vi må ikke love gratis gløgg." }, { from: "/events/moderation" })).status,
    ).toBe(303);
    expect((await findEvent(t.db, a.id, id))?.description).toBe(e.description);
    expect(await (await staff.get("/events/moderation")).text()).not.toContain("Ændret:");
    const mails = await subjects();
    expect(mails.filter((s) => s.includes("Julehygge")).length).toBeGreaterThanOrEqual(3);

    // Staff change it themselves: no one else to wait for.
    const own = await staff.post(`/events/${id}/edit`, form(e, { title: "Julehygge og luciaoptog" }), { from: `/events/${id}/edit` });
    expect(own.headers.get("location")).toBe("/events/manage?notice=eventChanged");
    expect((await findEvent(t.db, a.id, id))?.title).toBe("Julehygge og luciaoptog");
  });
});
