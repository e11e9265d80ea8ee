import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataKeyring } from "../src/platform/crypto/data-key.js";
import { createTestApp, createTestDb, dialects, TestClock, type TestDb, Visitor } from "../test/harness.js";
import { seedDemo } from "./demo-data.js";

describe.each(dialects())("the demo municipality [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let info: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    env = createTestApp(t.db);
    info = await seedDemo(t.db, new TestClock(), dataKeyring(env.config));
  });
  afterAll(() => t.destroy());

  it("lets every printed demo sign-in in, each with its role's pages", async () => {
    expect(info?.people).toHaveLength(9);
    const expectations: Record<string, { path: string; status: number }> = {
      citizen: { path: "/people", status: 403 },
      "association member": { path: "/associations", status: 200 },
      "association admin": { path: "/associations", status: 200 },
      "centre staff": { path: "/people", status: 200 },
      caseworker: { path: "/admin/audit", status: 200 },
      "tenant admin": { path: "/admin/api-tokens", status: 200 },
      "bridge-builder": { path: "/bridge/figures", status: 200 },
      // A municipal referrer refers people; the partnership's figures are not theirs.
      "municipal referrer": { path: "/bridge/figures", status: 404 },
      // The deciding body's member sees the rounds closed for decision.
      "committee member": { path: "/grants/rounds", status: 200 },
    };
    for (const person of info?.people ?? []) {
      const v = new Visitor(env.app, "localhost");
      await v.signIn(person.email, info?.password);
      const check = expectations[person.role];
      expect(check, person.role).toBeDefined();
      expect((await v.get(check?.path ?? "/")).status, `${person.role} on ${check?.path}`).toBe(check?.status);
    }
  });

  it("seeds only an empty database, and still reports the demo sign-ins on the next start", async () => {
    const again = await seedDemo(t.db, new TestClock());
    expect(again?.people).toEqual(info?.people);
    expect(await t.db.selectFrom("tenants").select("id").execute()).toHaveLength(1);
  });

  it("answers the Danish home page on any host through the default tenant", async () => {
    const html = await (await new Visitor(env.app, "sammen.example.org").get("/")).text();
    expect(html).toContain("Velkommen til Frivillig Sønderby");
  });

  it("gives every job its own title and every association a logo", async () => {
    const jobs = await t.db.selectFrom("opportunities").select("title").execute();
    expect(new Set(jobs.map((j) => j.title)).size).toBe(jobs.length);
    const associations = await t.db.selectFrom("associations").select(["name", "logo_file_id"]).execute();
    expect(associations.filter((a) => !a.logo_file_id).map((a) => a.name)).toEqual([]);
    const logo = await new Visitor(env.app, "localhost").get(
      `/directory/associations/${(await t.db.selectFrom("associations").select("id").executeTakeFirstOrThrow()).id}/logo`,
    );
    expect([200, 404]).toContain(logo.status);
  });

  it("holds each activity by an association that would run it: walks by the walking club, not the vigil service", async () => {
    const rows = await t.db.selectFrom("offers as o").innerJoin("associations as a", "a.id", "o.association_id").select(["o.title", "a.name"]).execute();
    for (const r of rows.filter((r) => r.title.startsWith("Gåtur"))) expect(r.name).toMatch(/Gåklub|Motionsforening/);
  });

  it("shows an English reader the English texts, and an English search finds them", async () => {
    const v = new Visitor(env.app, "localhost", { "accept-language": "en" });
    const list = await (await v.get("/opportunities")).text();
    expect(list).toContain("Visiting friend for an older resident of Sønderby");
    const found = await (await v.get("/search?q=visiting+friend")).text();
    expect(found).toContain("Visiting friend for an older resident of Sønderby");
    const danish = await (await new Visitor(env.app, "localhost").get("/search?q=bes%C3%B8gsven")).text();
    expect(danish).toContain("Besøgsven for en ældre borger i Sønderby");
  });

  it("says what each association is, in its own words, in Danish and English", async () => {
    const rows = await t.db.selectFrom("associations").select(["name", "description", "translations"]).execute();
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(rows.filter((a) => !a.description).map((a) => a.name)).toEqual([]);
    expect(new Set(rows.map((a) => a.description)).size).toBe(rows.length);
    const english = rows.map((a) => (JSON.parse(a.translations) as { en?: { description?: string } }).en?.description ?? "");
    expect(rows.filter((_, i) => !english[i]).map((a) => a.name)).toEqual([]);
    expect(new Set(english).size).toBe(rows.length);
    const walkers = rows.find((a) => a.name === "Sønderby Gåklub");
    const v = new Visitor(env.app, "localhost", { "accept-language": "en" });
    const page = await (
      await v.get(
        `/directory/associations/${
          (
            await t.db
              .selectFrom("associations")
              .select("id")
              .where("name", "=", walkers?.name ?? "")
              .executeTakeFirstOrThrow()
          ).id
        }`,
      )
    ).text();
    expect(page).toContain("is a walking club");
  });

  it("gives every job its tasks and benefits in English, which an English search finds", async () => {
    const jobs = await t.db.selectFrom("opportunities").select(["title", "translations"]).execute();
    const missing = jobs.filter((j) => {
      const en = (JSON.parse(j.translations) as { en?: { title?: string; tasks?: string; benefits?: string } }).en;
      return !(en?.title && en.tasks && en.benefits);
    });
    expect(missing.map((j) => j.title)).toEqual([]);
    const v = new Visitor(env.app, "localhost", { "accept-language": "en" });
    expect(await (await v.get("/search?q=minibus+passengers")).text()).toContain("Driver for the club&#39;s minibus");
  });

  it("tells an English reader when an activity is on, in English", async () => {
    const offer = await t.db.selectFrom("offers").select("id").where("time_text", "=", "Onsdag kl. 10").executeTakeFirstOrThrow();
    const page = await (await new Visitor(env.app, "localhost", { "accept-language": "en" }).get(`/directory/offers/${offer.id}`)).text();
    expect(page).toContain("Wednesdays at 10 am");
    expect(page).not.toContain("Onsdag kl. 10");
    const walk = await t.db
      .selectFrom("offers as o")
      .innerJoin("associations as a", "a.id", "o.association_id")
      .select("o.id")
      .where("a.name", "=", "Sønderby Gåklub")
      .executeTakeFirstOrThrow();
    expect(await (await new Visitor(env.app, "localhost").get(`/directory/offers/${walk.id}`)).text()).toContain('href="tel:+4522334455"');
  });

  it("has a network whose four meetings only its members see: the staff user organises it, the association member is in it", async () => {
    const network = await t.db.selectFrom("networks").select("id").where("name", "=", "Koordinatorer af brobygning").executeTakeFirstOrThrow();
    const members = await t.db.selectFrom("network_members").selectAll().where("network_id", "=", network.id).execute();
    expect(members.length).toBeGreaterThanOrEqual(6);
    expect(members.filter((m) => m.organisation && !m.organisation.includes("Sønderby")).length).toBeGreaterThanOrEqual(1);
    const meetings = await t.db.selectFrom("events").select(["id", "title"]).where("network_id", "=", network.id).execute();
    expect(meetings).toHaveLength(4);
    expect(await t.db.selectFrom("network_minutes").select("event_id").execute()).toHaveLength(1);
    const staff = info?.people.find((p) => p.role === "centre staff");
    const member = info?.people.find((p) => p.role === "association member");
    const citizen = info?.people.find((p) => p.role === "citizen");
    for (const p of [staff, member]) {
      const v = new Visitor(env.app, "localhost");
      await v.signIn(p?.email ?? "", info?.password);
      expect(await (await v.get(`/networks/${network.id}`)).text()).toContain("Frivilligcenter Åby");
    }
    const outsider = new Visitor(env.app, "localhost");
    await outsider.signIn(citizen?.email ?? "", info?.password);
    expect((await outsider.get(`/networks/${network.id}`)).status).toBe(404);
    expect(await (await outsider.get("/events")).text()).not.toContain("Koordinatorer af brobygning");
  });

  it("has a season of events: courses with sessions, network meetings, the fair, and full ones with a fair waiting list", async () => {
    const events = await t.db.selectFrom("events").select(["id", "kind", "title", "capacity", "status", "place", "premise_id", "organiser"]).execute();
    const count = (kind: string) => events.filter((e) => e.kind === kind).length;
    expect(count("course")).toBe(8);
    expect(count("network_meeting")).toBe(4);
    expect(events.filter((e) => e.kind === "network_meeting" && e.place === "online")).toHaveLength(3);
    expect(events.find((e) => e.kind === "fair")?.title).toMatch(/^Frivilligbørs 20\d\d$/);
    expect(events.filter((e) => e.organiser === "association").map((e) => e.status)).toEqual(expect.arrayContaining(["published", "pending"]));
    const sessions = await t.db.selectFrom("event_sessions").select("event_id").execute();
    const multi = events.filter((e) => sessions.filter((s) => s.event_id === e.id).length > 1).map((e) => e.title);
    expect(multi.sort()).toEqual(["Bestyrelseskursus: fra kasserer til formand", "Førstehjælp for frivillige"]);
    // Every room an event uses is booked for it.
    for (const e of events.filter((e) => e.premise_id && e.status === "published")) {
      const booked = await t.db
        .selectFrom("bookings")
        .select("id")
        .where("premise_id", "=", e.premise_id as string)
        .where("purpose", "=", e.title)
        .execute();
      expect(booked.length, e.title).toBeGreaterThan(0);
    }
    const regs = await t.db.selectFrom("event_registrations").select(["event_id", "email", "status", "queue_no", "offer_expires_at"]).execute();
    const full = events.filter((e) => regs.filter((r) => r.event_id === e.id && ["registered", "offered"].includes(r.status)).length === e.capacity);
    expect(full.map((e) => e.title).sort()).toEqual([
      "Bestyrelseskursus: fra kasserer til formand",
      "Førstehjælp for frivillige",
      "Temamøde: Unge frivillige – sådan finder og fastholder I dem",
    ]);
    // As the waiting list's rule has it: no one waits while a place is free, and no event holds more than its places.
    for (const e of events) {
      const seated = regs.filter((r) => r.event_id === e.id && ["registered", "offered"].includes(r.status)).length;
      expect(seated, e.title).toBeLessThanOrEqual(e.capacity);
      if (seated < e.capacity)
        expect(
          regs.filter((r) => r.event_id === e.id && r.status === "waiting"),
          e.title,
        ).toEqual([]);
    }
    for (const e of full) {
      const queue = regs.filter((r) => r.event_id === e.id && r.status === "waiting").map((r) => r.queue_no as number);
      expect(queue.length, e.title).toBeGreaterThan(0);
      expect(new Set(queue).size).toBe(queue.length);
    }
    const offered = regs.filter((r) => r.status === "offered");
    expect(offered).toHaveLength(1);
    expect(offered[0]?.offer_expires_at ?? "").toMatch(/^\d{4}-/);
    // No one holds two live places on one event.
    const live = regs.filter((r) => ["registered", "waiting", "offered"].includes(r.status)).map((r) => `${r.event_id} ${r.email}`);
    expect(live.length - new Set(live).size).toBe(2); // the association's admin registered two volunteers with her own address
  });

  it("gives the demo citizen a place on one event and a place on a waiting list", async () => {
    const citizen = await t.db.selectFrom("users").select("id").where("email", "=", "borger@sonderby.example").executeTakeFirstOrThrow();
    const mine = await t.db
      .selectFrom("event_registrations as r")
      .innerJoin("events as e", "e.id", "r.event_id")
      .select(["e.id", "e.title", "r.status", "r.queue_no"])
      .where("r.user_id", "=", citizen.id)
      .orderBy("r.status")
      .execute();
    expect(mine.map((r) => [r.title, r.status])).toEqual([
      ["Temaaften: Ensomhed blandt ældre – hvad kan foreninger gøre?", "registered"],
      ["Førstehjælp for frivillige", "waiting"],
    ]);
    const waiting = mine[1] as (typeof mine)[number];
    const ahead = await t.db
      .selectFrom("event_registrations")
      .select("id")
      .where("event_id", "=", waiting.id)
      .where("status", "=", "waiting")
      .where("queue_no", "<", waiting.queue_no as number)
      .execute();
    expect(ahead).toHaveLength(2);
  });

  it("shows the citizen her events, and finds the season's events in the one search but not one still waiting for approval", async () => {
    const v = new Visitor(env.app, "localhost");
    await v.signIn("borger@sonderby.example", info?.password);
    const mine = await (await v.get("/events/mine")).text();
    expect(mine).toContain("Temaaften: Ensomhed blandt ældre – hvad kan foreninger gøre?");
    expect(mine).toContain("Førstehjælp for frivillige");
    const found = await (await new Visitor(env.app, "localhost").get("/search?q=f%C3%B8rstehj%C3%A6lp")).text();
    expect(found).toContain("Førstehjælp for frivillige");
    const pending = await (await new Visitor(env.app, "localhost").get("/search?q=b%C3%B8rneidr%C3%A6t")).text();
    expect(pending).not.toContain("Træner i børneidræt – grundkursus");
  });

  it("has a year of applications, most of them answered, for the figures", async () => {
    const rows = await t.db.selectFrom("applications").select(["created_at", "first_answer_at"]).execute();
    expect(new Set(rows.map((r) => r.created_at.slice(0, 7))).size).toBeGreaterThanOrEqual(12);
    expect(rows.filter((r) => r.first_answer_at).length).toBeGreaterThan(rows.length / 2);
  });

  it("has about thirty bridge-building cases over the past year, sealed, whose figures show real numbers", async () => {
    const cases = await t.db.selectFrom("bridge_cases").select(["first_name", "needs", "status"]).execute();
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(["awaiting_consent", "intake", "choosing", "handed_over", "taking_part", "closed"]));
    expect(cases.every((c) => c.first_name.startsWith("enc1.") && c.needs.startsWith("enc1."))).toBe(true);
    const whys = await t.db.selectFrom("bridge_follow_ups").select(["why", "person_words", "outcome"]).execute();
    expect(whys.filter((f) => f.outcome).length).toBeGreaterThanOrEqual(15);
    expect(whys.every((f) => f.why.startsWith("enc1.") && f.person_words.startsWith("enc1."))).toBe(true);
    expect((await t.db.selectFrom("bridge_companions").select("user_id").execute()).length).toBe(3);
    const v = new Visitor(env.app, "localhost");
    await v.signIn("brobygger@sonderby.example", info?.password);
    const html = await (await v.get("/bridge/figures?year=2026")).text();
    expect(html).toMatch(/Kommunen: jobcenter<\/th><td class="number"><span>9<\/span>/);
    expect(html).toMatch(/Idræt og motion<\/th><td class="number"><span>6<\/span>/);
    expect(html).toMatch(/3 måneder<\/td><td[^>]*><span>9<\/span>/);
  });

  it("has grants: a decided §18 round whose grants are public and open data, an open one with drafts, and an activity grant", async () => {
    const rounds = await t.db.selectFrom("grant_rounds").select(["id", "title", "status", "deadline_at"]).orderBy("opens_at").execute();
    expect(rounds.map((r) => r.status).sort()).toEqual(["decided", "open", "open"]);
    const decided = rounds.find((r) => r.status === "decided");
    const page = await (await new Visitor(env.app, "localhost").get(`/grants/rounds/${decided?.id}/awarded`)).text();
    expect(page).toContain("Sønderby Besøgsvenner");
    expect(page).not.toContain("Gældsrådgivningen Sønderby");
    const data = (await (await new Visitor(env.app, "localhost").get("/open-data/360giving.json")).json()) as { grants: { id: string }[] };
    expect(data.grants).toHaveLength(4);
    expect(data.grants[0]?.id).toMatch(/^360G-sonderby-/);
    const statuses = await t.db.selectFrom("grant_applications").select("status").execute();
    expect(statuses.filter((s) => s.status === "draft")).toHaveLength(2);
    const reports = await t.db.selectFrom("grant_reports").select("status").execute();
    expect(reports.map((r) => r.status).sort()).toEqual(["approved", "due", "due", "submitted"]);
  });
});
