import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEvent } from "../../../test/factories/event.factory.js";
import {
  createAssociation,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  latestMail,
  linkIn,
  type TenantFixture,
  TestClock,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";
import type { CommunityEvent } from "./events.model.js";

/** The journeys of registering for events and running them, through the pages, on both databases. */
describe.each(dialects())("events: registering and running them [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  const clock = new TestClock();
  let course: CommunityEvent;
  let online: CommunityEvent;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    const club = await createAssociation(t.db, a, "Løbeklubben");
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "bo@a.test", name: "Bo Borger" });
    await createPerson(t.db, a, { email: "formand@a.test", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, b, { email: "staff@b.test", roles: ["staff"] });
    env = createTestApp(t.db, { clock });
    course = await buildEvent(t.db, a, {
      now: clock.now(),
      kind: "course",
      title: "Førstehjælp for frivillige",
      capacity: 1,
      sessionOffsetsHours: [0, 24],
      questions: [{ id: "food", label: "Ønsker til maden", sensitive: true }],
    });
    online = await buildEvent(t.db, a, {
      now: clock.now(),
      title: "Netværksmøde for koordinatorer",
      place: "online",
      onlineUrl: "https://meet.example.org/koord",
      placeName: null,
      address: null,
      postcode: null,
    });
  });
  afterAll(() => t.destroy());

  const mailTo = async (to: string) => {
    const mail = await latestMail(t.db, to);
    if (!mail) throw new Error(`no mail to ${to}`);
    return mail;
  };

  it("takes a signed-in person's place at once, and shows the online link only to those registered", async () => {
    const page = await (await new Visitor(env.app, a.host).get(`/events/${online.id}`)).text();
    expect(page).toContain("Netværksmøde for koordinatorer");
    expect(page).not.toContain("meet.example.org");
    const bo = new Visitor(env.app, a.host);
    await bo.signIn("bo@a.test");
    const res = await bo.post(`/events/${online.id}/register`, { name: "Bo Borger", email: "bo@a.test", phone: "" }, { from: `/events/${online.id}` });
    expect(res.status).toBe(303);
    const mine = await (await bo.get(res.headers.get("location") ?? "")).text();
    expect(mine).toContain("Tilmeldt");
    expect(mine).toContain("https://meet.example.org/koord");
    expect((await mailTo("bo@a.test")).text).toContain("https://meet.example.org/koord");
    // A second registration with the same address says so and writes nothing.
    const again = await bo.post(`/events/${online.id}/register`, { name: "Bo Borger", email: "bo@a.test", phone: "" }, { from: `/events/${online.id}` });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("allerede tilmeldt");
    expect(await t.db.selectFrom("event_registrations").select("id").where("event_id", "=", online.id).execute()).toHaveLength(1);
    expect(await (await bo.get("/events/mine")).text()).toContain("Netværksmøde for koordinatorer");
  });

  it("puts a visitor without an account on the waiting list when they confirm, and gives them the place someone cancels", async () => {
    const first = new Visitor(env.app, a.host);
    await first.post(
      `/events/${course.id}/register`,
      { name: "Ida Først", email: "ida@example.org", phone: "", answer_food: "Glutenfri" },
      { from: `/events/${course.id}` },
    );
    await first.get(linkIn((await mailTo("ida@example.org")).text, "/events/registration/confirm"));
    const idaLink = linkIn((await mailTo("ida@example.org")).text, "/events/registration?key=");
    expect((await mailTo("ida@example.org")).attachments).toContain("BEGIN:VCALENDAR");

    const visitor = new Visitor(env.app, a.host);
    const form = await visitor.get(`/events/${course.id}`);
    expect(await form.text()).toContain("Skriv dig på ventelisten");
    const sent = await visitor.post(
      `/events/${course.id}/register`,
      { name: "Jens Venter", email: "jens@example.org", phone: "" },
      { from: `/events/${course.id}` },
    );
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain("jens@example.org");
    const confirmed = await visitor.get(linkIn((await mailTo("jens@example.org")).text, "/events/registration/confirm"));
    expect(confirmed.status).toBe(303);
    const waiting = await (await visitor.get(confirmed.headers.get("location") ?? "")).text();
    expect(waiting).toContain("Nr. 1 på ventelisten");
    expect((await mailTo("jens@example.org")).subject).toContain("ventelisten");

    // Ida cancels from the page her mail links to; Jens is offered the place and accepts it.
    const ida = new Visitor(env.app, a.host);
    const key = new URL(`http://x${idaLink}`).searchParams.get("key") ?? "";
    expect((await ida.post("/events/registration/cancel", { key }, { from: idaLink })).status).toBe(303);
    const offer = await mailTo("jens@example.org");
    expect(offer.subject).toContain("ledig plads");
    const jensPage = linkIn(offer.text, "/events/registration?key=");
    const jensKey = new URL(`http://x${jensPage}`).searchParams.get("key") ?? "";
    const registration = (await t.db.selectFrom("event_registrations").select("id").where("email", "=", "jens@example.org").executeTakeFirstOrThrow()).id;
    expect((await visitor.post("/events/registration/accept", { key: jensKey, registration }, { from: jensPage })).status).toBe(303);
    expect(await (await visitor.get(jensPage)).text()).toContain("Tilmeldt");
    expect((await mailTo("jens@example.org")).subject).toContain("fået en plads");
  });

  it("shows the organisers who registered, with the sensitive answers logged as read, the export and attendance", async () => {
    const staff = new Visitor(env.app, a.host);
    await staff.signIn("staff@a.test");
    const list = await (await staff.get(`/events/${course.id}/participants`)).text();
    expect(list).toContain("Jens Venter");
    expect(list).toContain("Afmeldt");
    expect(list).toContain("Ønsker til maden: Glutenfri");
    const logged = await t.db.selectFrom("access_log").select(["action", "subject_type"]).where("action", "=", "event.answers_read").execute();
    expect(logged.length).toBeGreaterThan(0);
    const csv = await (await staff.get(`/events/${course.id}/participants.csv`)).text();
    expect(csv).toContain("Jens Venter");
    const jens = (await t.db.selectFrom("event_registrations").select("id").where("email", "=", "jens@example.org").executeTakeFirstOrThrow()).id;
    const session = course.sessions[1]?.id as string;
    const early = await staff.post(`/events/${course.id}/attendance`, { session, present: [jens] }, { from: `/events/${course.id}/participants` });
    expect(early.status).toBe(409);
    expect(await (await staff.get(`/events/${course.id}/attendance?session=${session}`)).text()).toContain("Fremmødet kan tages fra mødedagen");
    expect(await t.db.selectFrom("event_attendance").select("session_id").execute()).toEqual([]);
    const untilTheDay = new Date(course.sessions[1]?.startsAt as string).getTime() - clock.now().getTime();
    clock.advance(untilTheDay);
    await staff.signIn("staff@a.test");
    const saved = await staff.post(
      `/events/${course.id}/attendance`,
      { session, present: [jens] },
      { from: `/events/${course.id}/attendance?session=${session}` },
    );
    expect(saved.status).toBe(303);
    expect(await (await staff.get(`/events/${course.id}/attendance?session=${session}`)).text()).toContain("1 af 1 kom");
    clock.advance(-untilTheDay);
    // An organiser registers someone who phoned, beyond the capacity only when ticked.
    const full = await staff.post(
      `/events/${course.id}/participants`,
      { name: "Karl Ringer", email: "karl@example.org", phone: "" },
      { from: `/events/${course.id}/participants` },
    );
    expect(full.status).toBe(303);
    expect(await (await staff.get(`/events/${course.id}/participants`)).text()).toContain("Venteliste nr. 2");
    const twice = await staff.post(
      `/events/${course.id}/participants`,
      { name: "Karl Ringer", email: "karl@example.org", phone: "" },
      { from: `/events/${course.id}/participants` },
    );
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("Der er allerede en tilmelding med denne e-mailadresse");
  });

  it("keeps participants from everyone else: another association's admin, a citizen, another tenant's staff", async () => {
    const formand = new Visitor(env.app, a.host);
    await formand.signIn("formand@a.test");
    expect((await formand.get(`/events/${course.id}/participants`)).status).toBe(403);
    expect((await formand.get(`/events/${course.id}/participants.csv`)).status).toBe(403);
    const other = new Visitor(env.app, b.host);
    await other.signIn("staff@b.test");
    expect((await other.get(`/events/${course.id}`)).status).toBe(404);
    expect((await other.get(`/events/${course.id}/participants`)).status).toBe(404);
    const anonymous = await new Visitor(env.app, a.host).get(`/events/${course.id}/participants`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toContain("/sign-in");
  });

  it("answers bad input clearly and writes nothing", async () => {
    const visitor = new Visitor(env.app, a.host);
    const before = (await t.db.selectFrom("event_registrations").select("id").execute()).length;
    const noName = await visitor.post(`/events/${online.id}/register`, { name: "", email: "nej", phone: "" }, { from: `/events/${online.id}` });
    expect(noName.status).toBe(422);
    const tooMany = await visitor.post(
      `/events/${online.id}/register`,
      { name: "Lis", email: "lis@example.org", phone: "", others: ["A", "B", "C"] },
      { from: `/events/${online.id}` },
    );
    expect(tooMany.status).toBe(422);
    expect(await tooMany.text()).toContain("højst 3 personer");
    const past = await buildEvent(t.db, a, { now: clock.now(), startsInHours: -2, title: "Det var i går" });
    const late = await visitor.post(`/events/${past.id}/register`, { name: "Lis", email: "lis@example.org", phone: "" }, { from: `/events/${past.id}` });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("begyndt eller slut");
    const nonsense = await visitor.get("/events/registration?key=nonsense.key");
    expect(nonsense.status).toBe(400);
    expect(await nonsense.text()).toContain("Linket virker ikke");
    expect((await t.db.selectFrom("event_registrations").select("id").execute()).length).toBe(before);
  });
});
