import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureDocuments, fixturePostcodes, fixtureQueries } from "../../../test/fixtures/search.js";
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
import { type DocumentInput, putDocument } from "../../platform/search/documents.js";
import { sendSavedSearches } from "./saved-searches.js";

const DAY = 24 * 3600_000;

const [firstDoc] = fixtureDocuments as [DocumentInput];
type Hit = { id: string; title: string; distanceKm: number | null };
type Facets = Record<string, { value: string; count: number }[]>;

describe.each(dialects())("one search [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  const clock = new TestClock();

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    await t.db
      .insertInto("postcodes")
      .values(fixturePostcodes.map(([code, name, lat, lon]) => ({ country: "DK", code, name, lat, lon })))
      .execute();
    for (const doc of fixtureDocuments) await putDocument(t.db, clock, a.id, "DK", doc);
    await putDocument(t.db, clock, b.id, "DK", { ...firstDoc, id: "other-tenant", title: "Besøgsven i en anden kommune" });
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const api = async (query: string, host = "a.test") => {
    const res = await new Visitor(env.app, host).get(`/api/v1/search?${query}`);
    return { status: res.status, body: (await res.json()) as { data: Hit[]; total: number; facets: Facets; errors?: { field: string }[] } };
  };

  for (const { query, ids, why } of fixtureQueries) {
    it(`${query}: ${why}`, async () => {
      const { status, body } = await api(query);
      expect(status).toBe(200);
      expect(body.data.map((h) => h.id)).toEqual(ids);
      expect(body.total).toBe(ids.length);
    });
  }

  it("counts each facet with the other facets' filters kept, so a person sees what a click would give", async () => {
    const { body } = await api("category=elderly");
    const count = (facet: string, value: string) => body.facets[facet]?.find((o) => o.value === value)?.count;
    expect(body.total).toBe(2);
    expect(count("category", "elderly")).toBe(2);
    expect(count("category", "learning")).toBe(2);
    expect(count("suits", "seniors")).toBe(1);
    expect(count("kind", "opportunity")).toBe(2);
  });

  it("measures distance from a postcode", async () => {
    const { body } = await api("q=gaeld&near=8000");
    expect(body.data).toEqual([expect.objectContaining({ id: "gaeldsraadgiver", distanceKm: 8.8 })]);
  });

  it("keeps each tenant's search to itself", async () => {
    expect((await api("q=besogsven")).body.data.map((h) => h.id)).not.toContain("other-tenant");
    expect((await api("q=besogsven", "b.test")).body.data.map((h) => h.id)).toEqual(["other-tenant"]);
  });

  it("answers an unknown filter value, a postcode that does not exist and a bad sort with a clear message and no results", async () => {
    for (const [query, field] of [
      ["category=unknown", "filters"],
      ["near=9999", "near"],
      ["near=abc", "near"],
      ["within=5", "near"],
      ["near=8000&within=7", "within"],
      ["sort=price", "sort"],
      ["page=-1", "page"],
    ] as const) {
      const res = await new Visitor(env.app, "a.test").get(`/api/v1/search?${query}`);
      expect(res.status, query).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(
        ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field),
        query,
      ).toContain(field);
    }
    const page = await new Visitor(env.app, "a.test").get("/search?near=9999&q=sorg");
    expect(page.status).toBe(400);
    const html = await page.text();
    expect(html).toContain("Vi kender ikke det postnummer");
    expect(html).toContain('value="sorg"');
  });

  it("names the languages to filter by in the reader's language", async () => {
    const label = async (lang: string) => {
      const html = await (await new Visitor(env.app, "a.test", { "accept-language": lang }).get("/search?q=besogsven")).text();
      return html.match(/for="language-da">([^<]*)</)?.[1];
    };
    expect(await label("da")).toBe("Dansk (2)");
    expect(await label("en")).toBe("Danish (2)");
    expect(await label("nl")).toBe("Deens (2)");
    expect(await label("nb")).toBe("Dansk (2)");
  });

  it("shows results on the public page, where HTML in a text is only text", async () => {
    await putDocument(t.db, clock, a.id, "DK", { ...firstDoc, id: "html", title: "<script>alert(1)</script> Besøgsven" });
    const html = await (await new Visitor(env.app, "a.test").get("/search?q=besogsven")).text();
    expect(html).toContain("3 resultater");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Besøgsven");
    expect(html).not.toContain("<script>alert(1)");
    const csv = await new Visitor(env.app, "a.test").get("/search/export.csv?q=besogsven");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain("Hvad;");
    // An English spreadsheet parts cells by commas.
    const english = await (await new Visitor(env.app, "a.test", { "accept-language": "en" }).get("/search/export.csv?q=besogsven")).text();
    expect(english.split("\n")[0]?.split(",")).toHaveLength(lines[0]?.split(";").length ?? 0);
    expect(lines.join("\n")).toContain("<script>alert(1)</script> Besøgsven");
    const refused = await new Visitor(env.app, "a.test").get("/search/export.csv?near=9999");
    expect(refused.status).toBe(303);
    expect(refused.headers.get("location")).toBe("/search?near=9999");
    // No tile server set: no map, the list alone.
    expect(html).not.toContain("result-map");
    expect(html).toMatch(/<li class="ds-card search-hit" data-lat="56\.\d+" data-lon="10\.\d+">/);
    await t.db.updateTable("tenants").set({ map_tile_url: "https://tiles.test/{z}/{x}/{y}.png", map_attribution: "© Test" }).where("id", "=", a.id).execute();
    const withMap = await (await new Visitor(env.app, "a.test").get("/search?q=besogsven")).text();
    expect(withMap).toContain('data-tiles="https://tiles.test/{z}/{x}/{y}.png"');
    await t.db.updateTable("tenants").set({ map_tile_url: null, map_attribution: null }).where("id", "=", a.id).execute();
  });

  it("finds a job once staff approve it, and no longer when it is changed back to a draft", async () => {
    const assoc = await createAssociation(t.db, a, "Cykelklubben");
    await createPerson(t.db, a, { email: "admin@cykel.test", memberships: [{ associationId: assoc.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    const category = (
      await t.db.selectFrom("taxonomy_terms").select("id").where("tenant_id", "=", a.id).where("code", "=", "elderly").executeTakeFirstOrThrow()
    ).id;
    const admin = new Visitor(env.app, "a.test");
    await admin.signIn("admin@cykel.test");
    const fields = {
      associationId: assoc.id,
      title: "Cykelpilot på rickshaw for beboere",
      categoryId: category,
      tasks:
        "Du cykler en tur med en eller to beboere i vores rickshaw en formiddag om ugen. I kører i parken eller ned til havnen, og du fortæller og lytter undervejs.",
      benefits: "Et kursus i at køre cyklen sikkert og kaffe bagefter.",
      commitment: "weekly",
      hoursPerWeek: "2",
      place: "Plejehjemmet Solgården",
      postcode: "8260",
      contactName: "Cecilie Cykel",
      contactEmail: "admin@cykel.test",
      oneOffDate: "",
      startDate: "",
      minAge: "",
      expiresOn: "2027-05-31",
      intent: "submit",
    };
    const created = await admin.post("/opportunities/new", fields, { from: `/opportunities/new?association=${assoc.id}` });
    expect(created.status).toBe(303);
    const id = created.headers.get("location")?.match(/opportunities\/([^/?]+)/)?.[1] as string;
    expect((await api("q=rickshaw")).body.total).toBe(0);

    const staff = new Visitor(env.app, "a.test");
    await staff.signIn("staff@a.test");
    expect((await staff.post(`/opportunities/${id}/decision`, { decision: "approve", note: "" }, { from: "/opportunities/moderation" })).status).toBe(303);
    expect((await api("q=rickshaw&near=8260")).body.data).toEqual([
      expect.objectContaining({ id, title: "Cykelpilot på rickshaw for beboere", distanceKm: 0 }),
    ]);

    clock.advance(1000);
    const draft = { ...fields, intent: "draft" };
    expect((await admin.post(`/opportunities/${id}/edit`, draft, { from: `/opportunities/${id}/edit` })).status).toBe(303);
    expect((await api("q=rickshaw")).body.total).toBe(0);
  });
});

describe.each(dialects())("saved searches [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  const clock = new TestClock();

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    for (const doc of fixtureDocuments) await putDocument(t.db, clock, a.id, "DK", doc);
    await createPerson(t.db, a, { email: "inge@a.test", name: "Inge" });
    await createPerson(t.db, a, { email: "ole@a.test", name: "Ole" });
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  it("e-mails what is new for a saved search once per period, and stops when asked", async () => {
    const inge = new Visitor(env.app, "a.test");
    await inge.signIn("inge@a.test");
    expect(await (await inge.get("/search?category=elderly")).text()).toContain("Få besked om nye resultater");
    expect((await inge.post("/search/saved", { query: "category=elderly", frequency: "hourly" }, { from: "/search" })).status).toBe(422);
    expect((await inge.post("/search/saved", { query: "category=nope", frequency: "weekly" }, { from: "/search" })).status).toBe(422);
    expect((await inge.post("/search/saved", { query: "category=elderly", frequency: "weekly" }, { from: "/search" })).status).toBe(303);
    const run = () => sendSavedSearches({ db: t.db, clock, config: env.config, mailer: env.mailer });
    const mails = async () => t.db.selectFrom("mail_outbox").select(["subject", "text"]).where("to_address", "=", "inge@a.test").execute();

    clock.advance(2 * DAY);
    await putDocument(t.db, clock, a.id, "DK", { ...firstDoc, id: "ny-besogsven", title: "Ny besøgsven i Viby", publishedAt: clock.now().toISOString() });
    await run();
    expect(await mails()).toEqual([]);
    clock.advance(5 * DAY);
    await run();
    await run();
    const sent = await mails();
    expect(sent.map((m) => m.subject)).toEqual(["Nyt fra din søgning"]);
    expect(sent[0]?.text).toContain("Ny besøgsven i Viby");
    expect(sent[0]?.text).not.toContain("Besøgsven for en ældre borger");

    const id = (await t.db.selectFrom("saved_searches").select("id").executeTakeFirstOrThrow()).id;
    const ole = new Visitor(env.app, "a.test");
    await ole.signIn("ole@a.test");
    expect((await ole.post(`/search/saved/${id}/delete`, {}, { from: "/search" })).status).toBe(404);
    const again = new Visitor(env.app, "a.test");
    await again.signIn("inge@a.test");
    expect((await again.post(`/search/saved/${id}/delete`, {}, { from: "/search/saved" })).status).toBe(303);
    expect(await t.db.selectFrom("saved_searches").select("id").execute()).toEqual([]);
  });
});

describe("search parity", () => {
  it("gives the same results in the same order on every database", async () => {
    const outputs: string[] = [];
    for (const dialect of dialects()) {
      const t = await createTestDb(dialect);
      try {
        const tenant = await createTenant(t.db, { slug: "p", host: "p.test", isDefault: true });
        await t.db
          .insertInto("postcodes")
          .values(fixturePostcodes.map(([code, name, lat, lon]) => ({ country: "DK", code, name, lat, lon })))
          .execute();
        const clock = new TestClock();
        for (const doc of fixtureDocuments) await putDocument(t.db, clock, tenant.id, "DK", doc);
        const visitor = new Visitor(createTestApp(t.db, { clock }).app, "p.test");
        const results = [];
        for (const { query } of fixtureQueries) results.push(await (await visitor.get(`/api/v1/search?${query}`)).json());
        outputs.push(JSON.stringify(results));
      } finally {
        await t.destroy();
      }
    }
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) expect(output).toBe(outputs[0]);
  });
});

describe.each(dialects())("synonyms kept by the tenant [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  const clock = new TestClock();
  const offer = (id: string, title: string, text: string): DocumentInput => ({ ...firstDoc, kind: "offer", id, title, text, url: `/directory/offers/${id}` });

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    for (const doc of [
      offer("stolegymnastik", "Stolegymnastik for seniorer", "Blid gymnastik på stol for seniorer hver tirsdag.\nIdrætshallen\nTirsdag kl. 10"),
      offer("gaatur", "Gåtur for pensionister", "Vi går fem kilometer langs åen og drikker kaffe bagefter.\nMødested ved stationen"),
      offer("sorg-aeldre", "Sorggruppe for ældre", "En lille gruppe for ældre, der har mistet en ægtefælle."),
      offer("fodbold", "Fodbold for drenge", "Træning for drenge på 10-12 år."),
    ])
      await putDocument(t.db, clock, a.id, "DK", doc);
    await createPerson(t.db, a, { email: "admin@a.test", roles: ["tenant_admin"] });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const ids = async (q: string) => {
    const res = await new Visitor(env.app, "a.test").get(`/api/v1/search?q=${encodeURIComponent(q)}`);
    return ((await res.json()) as { data: Hit[] }).data.map((h) => h.id).sort();
  };

  it("finds the seniors' gymnastics for 'motion for ældre' with the defaults, not the grief group", async () => {
    expect(await ids("motion for ældre")).toEqual(["stolegymnastik"]);
    expect(await ids("gå")).toEqual(["gaatur"]);
    expect(await ids("pensionister")).toEqual(["gaatur", "sorg-aeldre", "stolegymnastik"]);
  });

  it("lets the tenant's administrator change the groups on a page of their own, and nobody else", async () => {
    const staff = new Visitor(env.app, "a.test");
    await staff.signIn("staff@a.test");
    expect((await staff.get("/search/synonyms")).status).toBe(403);
    expect((await staff.post("/search/synonyms", { da: "motion, fodbold" })).status).toBe(403);

    const admin = new Visitor(env.app, "a.test");
    await admin.signIn("admin@a.test");
    const page = await (await admin.get("/search/synonyms")).text();
    expect(page).toContain("ældre, seniorer");
    const saved = await admin.post("/search/synonyms", { da: "motion, fodbold\n\nældre\n" });
    expect(saved.status).toBe(303);
    expect(await (await admin.get("/search/synonyms")).text()).toContain(">motion, fodbold</textarea>");
    // The lone word is dropped; motion now means football here, and elderly means only ældre.
    expect(await ids("motion")).toEqual(["fodbold"]);
    expect(await ids("pensionister")).toEqual(["gaatur"]);
    const trail = await t.db.selectFrom("audit_log").select("action").where("tenant_id", "=", a.id).where("action", "=", "search.synonyms.changed").execute();
    expect(trail).toHaveLength(1);
    expect((await admin.post("/search/synonyms", { da: "x".repeat(20_001) })).status).toBe(422);
  });

  it("shows on the search page how many filters are chosen, and each hit's place apart from its text", async () => {
    const html = await (await new Visitor(env.app, "a.test").get("/search?q=gymnastik&kind=offer&language=da&near=&within=")).text();
    expect(html).toContain("Filtrér (2)");
    expect(html).toMatch(/<li>Idrætshallen<\/li>/);
    expect(html).toContain("Blid gymnastik på stol for seniorer hver tirsdag.</p>");
    expect(await (await new Visitor(env.app, "a.test").get("/search?q=gymnastik")).text()).toMatch(/<summary>Filtrér<\/summary>/);
  });
});
