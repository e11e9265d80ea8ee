import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEvent, buildRegistrations } from "../../../test/factories/event.factory.js";
import {
  countingQueries,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  type TenantFixture,
  TestClock,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";
import { jobContext, type ServiceContext } from "../../platform/service-context.js";
import { allTenants } from "../../platform/tenants/tenants.js";
import type { CommunityEvent } from "./events.model.js";
import { setEventStatus } from "./events.repository.js";
import { indexEvent } from "./events.search.js";

const HOUR = 3_600_000;
/** From the test clock's 22 November 2026 10:00 UTC to Tuesday 1 December 2026 18:00 in Copenhagen (17:00 UTC). */
const TO_DEC_1_18 = (Date.parse("2026-12-01T17:00:00Z") - Date.parse("2026-11-22T10:00:00Z")) / HOUR;

describe.each(dialects())("the public calendar of events [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let ctx: ServiceContext;
  let meeting: CommunityEvent;
  let course: CommunityEvent;
  let pending: CommunityEvent;
  let foreign: CommunityEvent;
  let learning: string;
  const clock = new TestClock();

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    env = createTestApp(t.db, { clock });
    const tenant = (await allTenants(t.db)).find((x) => x.id === a.id);
    if (!tenant) throw new Error("no tenant");
    ctx = jobContext({ db: t.db, clock, config: env.config }, tenant);
    const term = await t.db
      .selectFrom("taxonomy_terms")
      .select("id")
      .where("tenant_id", "=", a.id)
      .where("kind", "=", "category")
      .where("code", "=", "learning")
      .executeTakeFirstOrThrow();
    learning = term.id;
    const now = clock.now();
    meeting = await buildEvent(t.db, a, { now, startsInHours: TO_DEC_1_18, title: "Temamøde om rekruttering af unge" });
    course = await buildEvent(t.db, a, {
      now,
      startsInHours: TO_DEC_1_18 + 48,
      kind: "course",
      title: "Kursus i bestyrelsesarbejde",
      sessionOffsetsHours: [0, 168, 336, 504],
      categoryId: learning,
      price: "cost",
      priceMinor: 15000,
      capacity: 12,
    });
    pending = await buildEvent(t.db, a, { now, startsInHours: TO_DEC_1_18 + 24, title: "Ventende sommerfest", status: "pending" });
    foreign = await buildEvent(t.db, b, { now, startsInHours: TO_DEC_1_18, title: "Anden kommunes julemarked" });
    for (const e of [meeting, course, pending]) await indexEvent(ctx, e);
  });
  afterAll(() => t.destroy());

  const anyone = () => new Visitor(env.app, "a.test");
  const page = async (path: string) => {
    const res = await anyone().get(path);
    return { status: res.status, html: await res.text() };
  };

  it("lists published events by month with their local date in Danish, and hides a pending event and another tenant's", async () => {
    const { status, html } = await page("/events");
    expect(status).toBe(200);
    expect(html).toContain("Temamøde om rekruttering af unge");
    expect(html).toContain("tirsdag den 1. december 2026 kl. 18.00–20.00");
    // The home page shows the events beside the jobs and activities.
    const home = await (await anyone().get("/")).text();
    expect(home).toMatch(/id="home-events"[^>]*>Arrangementer og kurser<\/h2>[\s\S]*Temamøde om rekruttering af unge/);
    expect(html).toMatch(/<h2[^>]*>december 2026<\/h2>/);
    expect(html).toContain("4 gange");
    expect(html).toMatch(/150\skr\./);
    expect(html).toContain("Gratis");
    expect(html).toContain("20 ledige pladser");
    expect(html).toContain(`href="/events/${meeting.id}"`);
    expect(html).not.toContain("Ventende sommerfest");
    expect(html).not.toContain("Anden kommunes julemarked");
    expect(html).not.toMatch(/2026-12-01/);
  });

  it("shows the month as a grid with each session of a course on its day, and links to the months around it", async () => {
    const { status, html } = await page("/events?view=month&month=2026-12");
    expect(status).toBe(200);
    expect(html).toContain('class="month-grid"');
    expect(html).toContain("tirsdag den 1. december 2026");
    expect(html).toContain("(gang 1 af 4)");
    expect(html).toContain("(gang 4 af 4)");
    expect(html).toContain("Temamøde om rekruttering af unge");
    expect(html).not.toContain("Ventende sommerfest");
    expect(html).not.toContain("Anden kommunes julemarked");
    expect(html).toContain('href="/events?view=month&amp;month=2027-01"');
    expect(html).toContain('href="/events?view=month&amp;month=2026-11"');
  });

  it("keeps the drawn page for visitors, and draws it again the moment someone registers or an event changes", async () => {
    expect((await page("/events")).html).toContain("20 ledige pladser");
    const [first] = await buildRegistrations(t.db, a, meeting, [{ name: "Ulla Ung", email: "ulla@example.org" }], { now: clock.now() });
    expect((await page("/events")).html).toContain("19 ledige pladser");
    await t.db
      .deleteFrom("event_registrations")
      .where("id", "=", first?.id as string)
      .execute();
    clock.advance(5 * 60_000);
    expect((await page("/events")).html).toContain("20 ledige pladser");
    await setEventStatus(t.db, a.id, pending.id, "published", { updatedAt: clock.now().toISOString() });
    expect((await page("/events")).html).toContain("Ventende sommerfest");
    clock.advance(1);
    await setEventStatus(t.db, a.id, pending.id, "pending", { updatedAt: clock.now().toISOString() });
    expect((await page("/events")).html).not.toContain("Ventende sommerfest");
    clock.advance(1);
  });

  it("opens the month grid on the month of the next event when nothing more happens this month", async () => {
    const { html } = await page("/events?view=month");
    expect(html).toContain("tirsdag den 1. december 2026");
    expect(html).toContain('href="/events?view=month&amp;month=2026-11"');
  });

  it("filters by kind and category with plain links, and says what to do when nothing matches", async () => {
    const courses = await page("/events?kind=course");
    expect(courses.html).toContain("Kursus i bestyrelsesarbejde");
    expect(courses.html).not.toContain("Temamøde om rekruttering af unge");
    const learningOnly = await page("/events?category=learning");
    expect(learningOnly.html).toContain("Kursus i bestyrelsesarbejde");
    expect(learningOnly.html).not.toContain("Temamøde om rekruttering af unge");
    const none = await page("/events?kind=fair");
    expect(none.status).toBe(200);
    expect(none.html).toContain("Ingen arrangementer passer til dit valg");
    expect(none.html).toContain('href="/events"');
  });

  it("answers a query string it cannot read with the default view and a plain notice, never an error", async () => {
    for (const [query, notice] of [
      ["view=month&month=2026-13", "Måneden i adressen findes ikke"],
      ["kind=nonsense", "Vi kendte ikke den type arrangement"],
      ["category=nonsense", "Vi kendte ikke kategorien"],
      ["view=week", "Vi kendte ikke den visning"],
      ["month=%00%ff&kind[]=x", ""],
      ["page=abc", ""],
      ["page=99999999", ""],
    ] as const) {
      const { status, html } = await page(`/events?${query}`);
      expect(status, query).toBe(200);
      if (notice) expect(html, query).toContain(notice);
    }
    expect((await page("/events?kind=nonsense")).html).toContain("Temamøde om rekruttering af unge");
  });

  it("gives the tenant's events as an iCalendar feed with one entry per session, narrowed by kind or category", async () => {
    const res = await anyone().get("/events/calendar.ics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/calendar");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const events = new ICAL.Component(ICAL.parse(await res.text())).getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(5);
    expect(events.filter((e) => e.summary.startsWith("Kursus i bestyrelsesarbejde"))).toHaveLength(4);
    expect(events.map((e) => e.uid)).toContain(`${course.sessions[3]?.id}@a.test`);
    const first = events.find((e) => e.summary === "Temamøde om rekruttering af unge");
    expect(first?.startDate.toJSDate().toISOString()).toBe("2026-12-01T17:00:00.000Z");
    expect(first?.description).toContain(`http://a.test/events/${meeting.id}`);
    // Stamped with when the event last changed, not when it starts.
    expect(first?.component.getFirstPropertyValue("dtstamp")?.toString()).toBe(new Date(meeting.updatedAt).toISOString().replace(".000", ""));
    expect(events.map((e) => e.summary).join()).not.toMatch(/Ventende|Anden kommune/);

    const onlyCourses = await (await anyone().get("/events/calendar.ics?kind=course")).text();
    expect(onlyCourses.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    const onlyLearning = await (await anyone().get("/events/calendar.ics?category=learning")).text();
    expect(onlyLearning.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    for (const bad of ["kind=nonsense", "category=nonsense"]) {
      const wrong = await anyone().get(`/events/calendar.ics?${bad}`);
      expect(wrong.status, bad).toBe(422);
    }
  });

  it("finds an event in the one search by a word of its title, and stops finding it when it is cancelled", async () => {
    const search = async (q: string) => {
      const res = await anyone().get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      return (await res.json()) as { data: { id: string; kind: string; until: string | null; facets: Record<string, string[]> }[] };
    };
    const found = await search("rekruttering");
    expect(found.data.map((h) => h.id)).toContain(meeting.id);
    expect(found.data.find((h) => h.id === meeting.id)).toMatchObject({ kind: "event", until: "2026-12-01" });
    const byCategory = await search("bestyrelsesarbejde");
    expect(byCategory.data.find((h) => h.id === course.id)?.facets).toMatchObject({ category: ["learning"], price: ["cost"] });
    expect((await search("sommerfest")).data).toEqual([]);
    const html = await (await anyone().get("/search?q=rekruttering&kind=event")).text();
    expect(html).toContain("Arrangement");
    expect(html).toContain("tirsdag den 1. december 2026 kl. 18.00–20.00");

    const cancelled = { ...meeting, status: "cancelled" as const, cancelledAt: clock.now().toISOString() };
    await setEventStatus(t.db, a.id, meeting.id, "cancelled", { cancelledAt: cancelled.cancelledAt, updatedAt: cancelled.cancelledAt });
    await indexEvent(ctx, cancelled);
    expect((await search("rekruttering")).data.map((h) => h.id)).not.toContain(meeting.id);
    // Still on the calendar, marked, so people who planned to come see it is off.
    const list = await page("/events");
    expect(list.html).toMatch(/Aflyst[\s\S]*Temamøde om rekruttering af unge/);
    await setEventStatus(t.db, a.id, meeting.id, "published", { cancelledAt: null, updatedAt: cancelled.cancelledAt });
    await indexEvent(ctx, meeting);
  });

  it("serves upcoming events through the API with paging, and one event by id, but not another tenant's or a pending one", async () => {
    const res = await anyone().get("/api/v1/events");
    expect(res.status).toBe(200);
    const list = (await res.json()) as {
      data: { id: string; title: string; sessions: unknown[]; placesLeft: number; url: string }[];
      total: number;
      page: number;
      pageSize: number;
    };
    expect(list.data.map((e) => e.title)).toEqual(["Temamøde om rekruttering af unge", "Kursus i bestyrelsesarbejde"]);
    expect(list).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(list.data[1]?.sessions).toHaveLength(4);
    expect(list.data[0]).toMatchObject({ placesLeft: 20, url: `http://a.test/events/${meeting.id}` });

    const one = await anyone().get(`/api/v1/events/${course.id}`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({
      id: course.id,
      kind: "course",
      category: "learning",
      price: { free: false, amountMinor: 15000, currency: "DKK" },
    });
    expect((await anyone().get(`/api/v1/events/${foreign.id}`)).status).toBe(404);
    expect((await anyone().get(`/api/v1/events/${pending.id}`)).status).toBe(404);
    expect((await new Visitor(env.app, "b.test").get(`/api/v1/events/${foreign.id}`)).status).toBe(200);

    const filtered = (await (await anyone().get("/api/v1/events?kind=course")).json()) as { data: { id: string }[] };
    expect(filtered.data.map((e) => e.id)).toEqual([course.id]);
    for (const bad of ["page=0", "kind=nonsense", "category=nonsense", "page=abc"]) {
      const wrong = await anyone().get(`/api/v1/events?${bad}`);
      expect(wrong.status, bad).toBe(422);
      expect(wrong.headers.get("content-type")).toContain("application/problem+json");
    }
    const spec = (await (await anyone().get("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(["/events", "/events/{id}"]));
  });

  it("draws the list and the month with the same number of statements however many events there are", async () => {
    const counted = countingQueries(t.db);
    const app = createTestApp(counted.db, { clock });
    const cost = async () => {
      const out: number[] = [];
      for (const path of ["/events", "/events?view=month&month=2026-12"]) {
        await new Visitor(app.app, "a.test").get(path);
        counted.take();
        expect((await new Visitor(app.app, "a.test").get(path)).status).toBe(200);
        out.push(counted.take());
      }
      return out;
    };
    const before = await cost();
    const extra = [];
    for (let i = 0; i < 6; i++)
      extra.push(await buildEvent(t.db, a, { now: clock.now(), startsInHours: TO_DEC_1_18 + 30 + i, kind: "course", sessionOffsetsHours: [0, 24] }));
    expect(await cost()).toEqual(before);
    await t.db
      .deleteFrom("events")
      .where(
        "id",
        "in",
        extra.map((e) => e.id),
      )
      .execute();
  });

  it("drops an event from the list once it has ended", async () => {
    const later = new TestClock(new Date(Date.parse("2026-12-01T20:30:00Z")));
    const app = createTestApp(t.db, { clock: later });
    const html = await (await new Visitor(app.app, "a.test").get("/events")).text();
    expect(html).not.toContain("Temamøde om rekruttering af unge");
    expect(html).toContain("Kursus i bestyrelsesarbejde");
  });
});
