import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEvent } from "../../../test/factories/event.factory.js";
import { eventContext } from "../../../test/factories/event-context.js";
import {
  createAssociation,
  createPerson,
  createPublishedJob,
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
import type { CommunityEvent } from "./events.model.js";
import { sendFollowUps } from "./fair-agreements.js";
import { deleteOldLeads } from "./fair-leads.js";
import { qrDrawing } from "./fair-qr.js";
import { personalData } from "./personal-data.js";

const DAY = 86_400_000;

/** The volunteer fair, through its pages, on both databases: a stand applied for, assigned, its sign, a visitor's interest, the lead. */
describe.each(dialects())("the volunteer fair [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  const clock = new TestClock();
  let fair: CommunityEvent;
  let club: { id: string; name: string };
  let other: { id: string; name: string };
  let late: { id: string; name: string };
  let job: { id: string };
  let category: { id: string; code: string };
  const as = async (email: string) => {
    const v = new Visitor(env.app, a.host);
    await v.signIn(email);
    return v;
  };
  const stands = () => t.db.selectFrom("fair_stands").selectAll().where("event_id", "=", fair.id).orderBy("created_at").execute();
  const leads = () => t.db.selectFrom("fair_leads").selectAll().where("tenant_id", "=", a.id).execute();
  const standForm = { size: "medium", needsPower: "on", shows: "Prøv en gåtur rundt om rådhuset", categoryId: "" };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    club = await createAssociation(t.db, a, "Sønderby Gåklub");
    other = await createAssociation(t.db, a, "Lektiecaféen");
    late = await createAssociation(t.db, a, "Den sene forening");
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "bo@a.test", name: "Bo Borger" });
    await createPerson(t.db, a, { email: "formand@a.test", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "anden@a.test", memberships: [{ associationId: other.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "sen@a.test", memberships: [{ associationId: late.id, role: "admin" }] });
    await createPerson(t.db, b, { email: "staff@b.test", roles: ["staff"] });
    env = createTestApp(t.db, { clock });
    job = await createPublishedJob(t.db, a, club, { title: "Turleder på søndagsturen" });
    category = await t.db
      .selectFrom("taxonomy_terms")
      .select(["id", "code"])
      .where("tenant_id", "=", a.id)
      .where("kind", "=", "category")
      .executeTakeFirstOrThrow();
    fair = await buildEvent(t.db, a, { now: clock.now(), kind: "fair", title: "Frivilligbørs 2027", capacity: 500, startsInHours: 24 * 20 });
  });
  afterAll(() => t.destroy());

  it("takes one application per association, refuses a citizen, and tells the association its stand number", async () => {
    const admin = await as("formand@a.test");
    const page = `/events/${fair.id}`;
    expect(await (await admin.get(page)).text()).toContain("Søg om stand");
    const sent = await admin.post(`/events/${fair.id}/stand`, { ...standForm, categoryId: category.id }, { from: page });
    expect(sent.status).toBe(303);
    // A second application answers clearly and writes nothing.
    const again = await admin.post(`/events/${fair.id}/stand`, { ...standForm, shows: "Noget andet" }, { from: page });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("allerede søgt om en stand");
    expect(await stands()).toMatchObject([{ association_id: club.id, status: "applied", shows: standForm.shows, needs_power: 1, needs_table: 0 }]);
    // A form without what they will show is shown again with the input kept.
    const anden = await as("anden@a.test");
    const blank = await anden.post(`/events/${fair.id}/stand`, { size: "small", shows: "" }, { from: page });
    expect(blank.status).toBe(422);
    expect(await blank.text()).toContain("Skriv kort hvad I vil vise");
    expect((await anden.post(`/events/${fair.id}/stand`, { size: "small", shows: "Lektiehjælp på fem minutter" }, { from: page })).status).toBe(303);
    // A citizen has no association to apply for.
    const bo = await as("bo@a.test");
    expect((await bo.post(`/events/${fair.id}/stand`, standForm, { from: page })).status).toBe(403);
    expect(await stands()).toHaveLength(2);

    const staff = await as("staff@a.test");
    const list = `/events/${fair.id}/stands`;
    expect(await (await staff.get(list)).text()).toContain("Sønderby Gåklub");
    const [mine, theirs] = await stands();
    // The same number on two stands answers clearly and saves nothing.
    const twice = await staff.post(list, { [`number_${mine?.id}`]: "7", [`number_${theirs?.id}`]: "7" }, { from: list });
    expect(twice.status).toBe(422);
    const twiceHtml = await twice.text();
    expect(twiceHtml).toContain("Stand 7 er givet til flere foreninger");
    // Told once in the summary, both rows marked.
    const summary = twiceHtml.slice(twiceHtml.indexOf("ds-error-summary"), twiceHtml.indexOf("</ul>", twiceHtml.indexOf("ds-error-summary")));
    expect(summary.match(/Stand 7 er givet/g)).toHaveLength(1);
    expect(twiceHtml.match(/aria-invalid="true"/g)).toHaveLength(2);
    expect((await stands()).map((s) => s.stand_number)).toEqual([null, null]);
    expect((await staff.post(list, { [`number_${mine?.id}`]: "7", [`number_${theirs?.id}`]: "" }, { from: list })).status).toBe(303);
    expect((await stands()).map((s) => [s.status, s.stand_number])).toEqual([
      ["assigned", "7"],
      ["applied", null],
    ]);
    const mail = await latestMail(t.db, "formand@a.test");
    expect(mail?.subject).toBe("Stand 7 på Frivilligbørs 2027");
    expect(mail?.text).toContain(`/events/${fair.id}/stands/${mine?.id}/sign`);
    expect((await staff.get(`/events/${fair.id}/stands.csv`)).headers.get("content-type")).toContain("text/csv");
    // Decline is a link to a page of its own, not a button in the numbers' form: Enter in a number field saves numbers.
    const listHtml = await (await staff.get(list)).text();
    expect(listHtml).not.toContain("formaction");
    const form = listHtml.slice(
      listHtml.indexOf(`action="/events/${fair.id}/stands"`),
      listHtml.indexOf("</form>", listHtml.indexOf(`action="/events/${fair.id}/stands"`)),
    );
    expect(form.match(/<button/g)).toHaveLength(1);
    const confirm = await staff.get(`/events/${fair.id}/stands/${theirs?.id}/decline`);
    expect(confirm.status).toBe(200);
    const confirmHtml = await confirm.text();
    expect(confirmHtml).toContain("Afslå standen for Lektiecaféen?");
    expect(confirmHtml).toContain("får en mail");
    expect(confirmHtml).toContain(`href="/events/${fair.id}/stands"`);
    expect((await stands()).map((s) => s.status)).toEqual(["assigned", "applied"]);
    // Declined after confirming: the other association hears.
    expect((await staff.post(`/events/${fair.id}/stands/${theirs?.id}/decline`, {}, { from: list })).status).toBe(303);
    expect((await staff.get(`/events/${fair.id}/stands/${theirs?.id}/decline`)).status).toBe(404);
    expect((await latestMail(t.db, "anden@a.test"))?.subject).toContain("Jeres stand på Frivilligbørs 2027");
    // Staff of another tenant find no such fair.
    const stranger = new Visitor(env.app, b.host);
    await stranger.signIn("staff@b.test");
    expect((await stranger.get(list)).status).toBe(404);
  });

  it("lists the exhibitors with their stand, filters by category and links to their jobs", async () => {
    const visitor = new Visitor(env.app, a.host);
    const page = await (await visitor.get(`/events/${fair.id}`)).text();
    expect(page).toContain("Sønderby Gåklub");
    expect(page).toContain("Stand 7");
    expect(page).toContain(`/directory/associations/${club.id}`);
    expect(page).toContain("1 ledigt frivilligjob");
    expect(page).not.toContain("Lektiecaféen");
    expect(await (await visitor.get(`/events/${fair.id}?category=${category.code}`)).text()).toContain("Sønderby Gåklub");
    const otherCategory = await t.db
      .selectFrom("taxonomy_terms")
      .select("code")
      .where("tenant_id", "=", a.id)
      .where("kind", "=", "category")
      .where("id", "!=", category.id)
      .executeTakeFirstOrThrow();
    expect(await (await visitor.get(`/events/${fair.id}?category=${otherCategory.code}`)).text()).toContain("Ingen udstillere i denne kategori");
  });

  it("prints the stand's sign with a QR code to the visitors' page at the tenant's own address", async () => {
    const [stand] = await stands();
    const sign = `/events/${fair.id}/stands/${stand?.id}/sign`;
    const html = await (await (await as("formand@a.test")).get(sign)).text();
    const url = `http://a.test/fair/${stand?.code}`;
    expect(html).toContain(`data-qr-text="${url}"`);
    expect(html).toContain(qrDrawing(url).path);
    expect(html).toContain("Sønderby Gåklub");
    // The request's host does not make the address.
    const spoofed = new Visitor(env.app, a.host, { "x-forwarded-host": "evil.example" });
    await spoofed.signIn("formand@a.test");
    expect(await (await spoofed.get(sign)).text()).not.toContain("evil.example");
    expect((await (await as("staff@a.test")).get(sign)).status).toBe(200);
    expect((await (await as("anden@a.test")).get(sign)).status).toBe(403);
    expect((await (await as("bo@a.test")).get(sign)).status).toBe(403);
  });

  it("records a visitor's interest only with consent, and shows it to the association alone", async () => {
    const [stand] = await stands();
    const page = `/fair/${stand?.code}`;
    const visitor = new Visitor(env.app, a.host);
    const form = await (await visitor.get(page)).text();
    expect(form).toContain("Turleder på søndagsturen");
    expect(form).toContain("Kun Sønderby Gåklub ser din e-mail");
    const refused = await visitor.post(page, { email: "gæst@example.org", name: "Gitte Gæst", jobs: job.id, other: "Har tid om søndagen" }, { from: page });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Uden samtykke gemmer vi intet");
    expect(await leads()).toHaveLength(0);
    const sent = await visitor.post(
      page,
      { email: "gitte@example.org", name: "Gitte Gæst", jobs: job.id, other: "Har tid om søndagen", consent: "on" },
      { from: page },
    );
    expect(sent.status).toBe(303);
    expect(await (await visitor.get(sent.headers.get("location") ?? "")).text()).toContain("Tak for din interesse");
    expect(await leads()).toMatchObject([{ association_id: club.id, email: "gitte@example.org", consent_version: "fair-lead-1" }]);
    // The same address again at the same stand is still one lead, with the newest interests and consent.
    clock.advance(60_000);
    expect((await visitor.post(page, { email: "Gitte@example.org", other: "Også hverdage", consent: "on" }, { from: page })).status).toBe(303);
    const [one, ...none] = await leads();
    expect(none).toHaveLength(0);
    expect(one).toMatchObject({ name: "Gitte Gæst", interests: JSON.stringify({ jobs: [], other: "Også hverdage" }) });
    expect(new Date(one?.consented_at ?? "").getTime()).toBe(clock.now().getTime());
    clock.advance(-60_000);
    // A lead without a name shows its address once.
    await visitor.post(page, { email: "ole@example.dk", consent: "on" }, { from: page });

    const admin = await as("formand@a.test");
    const list = await (await admin.get("/events/fair/leads")).text();
    expect(list).toContain("gitte@example.org");
    expect(list).toContain("Også hverdage");
    expect(list.match(/>ole@example\.dk</g)).toHaveLength(1);
    expect(await (await admin.get(`/events/fair/leads.csv?association=${club.id}`)).text()).toContain("gitte@example.org");
    // Beside the applicants of the association's job.
    expect(await (await admin.get(`/opportunities/${job.id}/applications`)).text()).toContain(`/events/fair/leads?association=${club.id}`);
    // Another association, staff and a citizen find nothing.
    expect((await (await as("anden@a.test")).get(`/events/fair/leads?association=${club.id}`)).status).toBe(404);
    expect((await (await as("staff@a.test")).get(`/events/fair/leads?association=${club.id}`)).status).toBe(404);
    expect((await (await as("bo@a.test")).get("/events/fair/leads")).status).toBe(404);
    // An unknown code, or a stand without a number, has no page.
    expect((await visitor.get("/fair/ukendt")).status).toBe(404);
  });

  it("records agreements and reminds their recorder three months after the fair", async () => {
    const staff = await as("staff@a.test");
    const page = `/events/${fair.id}/agreements`;
    expect((await staff.post(page, { agreed: "" }, { from: page })).status).toBe(422);
    const form = await (await staff.get(page)).text();
    expect(form.match(/Foreninger i aftalen/g)).toHaveLength(1);
    // A follow-up day already past is refused in the reader's language.
    const past = await staff.post(page, { associations: club.id, agreed: "Noget aftalt i går.", followUpOn: "2020-01-01" }, { from: page });
    expect(past.status).toBe(422);
    expect(await past.text()).toContain("Datoen for opfølgning er passeret");
    const sent = await staff.post(
      page,
      { associations: club.id, others: "Brugsen", agreed: "Brugsen giver frugt til gåturene.", followUpOn: "" },
      { from: page },
    );
    expect(sent.status).toBe(303);
    const [g] = await t.db.selectFrom("fair_agreements").selectAll().where("event_id", "=", fair.id).execute();
    expect(g?.follow_up_on).toBe(new Date(new Date(fair.startsAt).setUTCMonth(new Date(fair.startsAt).getUTCMonth() + 3)).toISOString().slice(0, 10));
    expect(await (await staff.get(`${page}.csv`)).text()).toContain("Brugsen giver frugt");
    expect((await (await as("formand@a.test")).get(page)).status).toBe(403);

    const ctx = await eventContext(t.db, a.host, clock);
    await sendFollowUps(ctx);
    expect((await latestMail(t.db, "staff@a.test"))?.subject ?? "").not.toContain("Følg op");
    clock.advance(20 * DAY + 95 * DAY);
    await sendFollowUps(await eventContext(t.db, a.host, clock));
    expect((await latestMail(t.db, "staff@a.test"))?.subject).toBe("Følg op på aftalen fra Frivilligbørs 2027");
    const [after] = await t.db.selectFrom("fair_agreements").select("reminded_at").where("event_id", "=", fair.id).execute();
    expect(after?.reminded_at).not.toBeNull();
  });

  it("takes no application once the fair has begun, and deletes the leads six months after it", async () => {
    // The clock is past the fair now.
    const sen = await as("sen@a.test");
    const closed = await sen.post(`/events/${fair.id}/stand`, standForm, { from: `/events/${fair.id}` });
    expect(closed.status).toBe(409);
    expect(await closed.text()).toContain("Børsen er begyndt");
    expect((await stands()).filter((s) => s.association_id === late.id)).toHaveLength(0);

    await deleteOldLeads(await eventContext(t.db, a.host, clock));
    expect(await leads()).toHaveLength(2);
    clock.advance(100 * DAY);
    await deleteOldLeads(await eventContext(t.db, a.host, clock));
    expect(await leads()).toHaveLength(0);
    clock.advance(-215 * DAY);
  });

  it("hands a visitor's leads over in their data download and forgets them", async () => {
    const [stand] = await stands();
    const visitor = new Visitor(env.app, a.host);
    const page = `/fair/${stand?.code}`;
    await visitor.post(page, { email: "hanne@example.org", consent: "on" }, { from: page });
    const ring = { current: "", keys: new Map() } as never;
    const subject = { tenantId: a.id, userId: null, email: "hanne@example.org" };
    const data = await personalData.read(t.db, ring, subject);
    expect(data.fair_interests).toMatchObject([{ email: "hanne@example.org", event: "Frivilligbørs 2027" }]);
    await personalData.erase(t.db, subject, { clock, pseudonym: "x" });
    expect((await leads()).filter((l) => l.email === "hanne@example.org")).toHaveLength(0);
  });
});
