import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNothingRuns, XSS_PAYLOADS } from "../../../test/factories/xss-payloads.js";
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

const guideForm = (over: Record<string, string> = {}) => ({
  title: "Sådan holder I generalforsamling",
  summary: "Indkaldelse, dagsorden og referat på en aften.",
  body: "## Før mødet\n\n- Indkald **to uger** før\n- Læs vedtægterne\n\nSpørg centret om hjælp til dirigenten.",
  category: "board",
  status: "published",
  ...over,
});

const prose = (html: string) => html.match(/<div class="prose"[^>]*>([\s\S]*?)<\/div>/)?.[1] ?? "";

describe.each(dialects())("guides: written by staff, read by everyone, found in the one search [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  const clock = new TestClock(new Date("2026-11-22T10:00:00.000Z"));

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true, languages: "da,en" });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    const club = await createAssociation(t.db, a, "Idrætsforeningen");
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "case@a.test", roles: ["caseworker"] });
    await createPerson(t.db, a, { email: "citizen@a.test" });
    await createPerson(t.db, a, { email: "board@a.test", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "builder@a.test", roles: ["bridge_builder"] });
    await createPerson(t.db, b, { email: "staff@b.test", roles: ["staff"] });
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const count = async () =>
    Number(
      (
        await t.db
          .selectFrom("guides")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const idOf = async (slug: string) => (await t.db.selectFrom("guides").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;

  it("lets staff write a guide with a preview first, publish it, and anyone read it in Danish or English", async () => {
    const staff = await as("staff@a.test");
    // The preview shows the text as it will look and saves nothing.
    const preview = await staff.post("/guides/new", { ...guideForm(), preview: "body" }, { from: "/guides/new" });
    expect(preview.status).toBe(200);
    const previewHtml = await preview.text();
    expect(previewHtml).toContain("<h2>Før mødet</h2>");
    expect(previewHtml).toContain("<strong>to uger</strong>");
    expect(await count()).toBe(0);

    const saved = await staff.post("/guides/new", guideForm({ title_en: "How to hold your AGM", body_en: "## Before\n\nSend the notice." }), {
      from: "/guides/new",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/guides/manage?notice=guidePublished");

    const reader = new Visitor(env.app, "a.test");
    const list = await (await reader.get("/guides")).text();
    expect(list).toContain("Sådan holder I generalforsamling");
    const page = await (await reader.get("/guides/saadan-holder-i-generalforsamling")).text();
    expect(prose(page)).toContain("<li>Indkald <strong>to uger</strong> før</li>");
    expect(page).toContain("Opdateret 22. november 2026");

    const english = new Visitor(env.app, "a.test", { "accept-language": "en" });
    const en = await (await english.get("/guides/saadan-holder-i-generalforsamling")).text();
    expect(en).toContain("How to hold your AGM");
    expect(en).toContain("Updated 22 November 2026");
    expect(en).toContain('<h1 class="ds-heading" data-size="xl">How to hold your AGM</h1>');
  });

  it("shows a guide not written in the reader's language in the default language, marked with its language and a note", async () => {
    const staff = await as("staff@a.test");
    await staff.post("/guides/new", guideForm({ title: "Førstehjælp ved arrangementer", category: "safety" }), { from: "/guides/new" });
    const english = new Visitor(env.app, "a.test", { "accept-language": "en" });
    const html = await (await english.get("/guides/foerstehjaelp-ved-arrangementer")).text();
    expect(html).toMatch(/<h1[^>]*lang="da"[^>]*>Førstehjælp ved arrangementer<\/h1>/);
    expect(html).toContain("This guide is not in your language yet. Here it is in Danish.");
    expect(html).toContain('<div class="prose" lang="da">');
  });

  it("keeps drafts from everyone but staff: not in the list, the page, the search or the API", async () => {
    const staff = await as("case@a.test");
    const res = await staff.post("/guides/new", guideForm({ title: "Hemmelig kladde om forsikring", status: "draft", body: "Zebraforsikring er vigtig." }), {
      from: "/guides/new",
    });
    expect(res.headers.get("location")).toBe("/guides/manage?notice=guideSaved");
    const manage = await (await staff.get("/guides/manage")).text();
    expect(manage).toContain("Hemmelig kladde om forsikring");

    const citizen = await as("citizen@a.test");
    expect(await (await citizen.get("/guides")).text()).not.toContain("Hemmelig kladde");
    expect((await citizen.get("/guides/hemmelig-kladde-om-forsikring")).status).toBe(404);
    expect(await (await citizen.get("/search?q=zebraforsikring")).text()).not.toContain("Hemmelig kladde");
    const api = (await (await citizen.get("/api/v1/guides")).json()) as { data: { title: string }[]; total: number };
    expect(api.data.map((g) => g.title)).not.toContain("Hemmelig kladde om forsikring");
    expect(api.total).toBe(2);
  });

  it("finds a published guide in the one search by words in its title, summary and body", async () => {
    const citizen = new Visitor(env.app, "a.test");
    for (const q of ["generalforsamling", "dagsorden", "dirigenten"]) {
      const html = await (await citizen.get(`/search?q=${q}`)).text();
      expect(html, q).toContain('href="/guides/saadan-holder-i-generalforsamling"');
    }
  });

  it("turns a guide back into a draft and takes it out of search and the API at once", async () => {
    const staff = await as("staff@a.test");
    const id = await idOf("foerstehjaelp-ved-arrangementer");
    await staff.post(`/guides/${id}/edit`, guideForm({ title: "Førstehjælp ved arrangementer", category: "safety", status: "draft" }), {
      from: `/guides/${id}/edit`,
    });
    const reader = new Visitor(env.app, "a.test");
    expect((await reader.get("/guides/foerstehjaelp-ved-arrangementer")).status).toBe(404);
    expect(await (await reader.get("/search?q=førstehjælp")).text()).not.toContain("/guides/foerstehjaelp");
    expect(await (await reader.get("/api/v1/guides/foerstehjaelp-ved-arrangementer")).status).toBe(404);
  });

  it("deletes a guide only after asking, and it leaves the list, the page, the search and the API", async () => {
    const staff = await as("staff@a.test");
    await staff.post("/guides/new", guideForm({ title: "Lodsedler og lotteri", summary: "Hvad må en forening?", body: "Tilladelse fra Spillemyndigheden." }));
    const id = await idOf("lodsedler-og-lotteri");
    expect(await (await staff.get(`/guides/${id}/edit`)).text()).toContain(`href="/guides/${id}/delete"`);
    const ask = await (await staff.get(`/guides/${id}/delete`)).text();
    expect(ask).toContain("Slet “Lodsedler og lotteri”?");
    expect(ask).toContain("forsvinder fra siden");
    expect(ask).toContain(`href="/guides/${id}/edit"`);
    expect(await (await staff.get("/guides/lodsedler-og-lotteri")).status).toBe(200);

    const outsiders = [await as("board@a.test"), await as("citizen@a.test"), await as("staff@b.test", "b.test")];
    for (const v of outsiders) {
      expect([403, 404]).toContain((await v.get(`/guides/${id}/delete`)).status);
      expect([403, 404]).toContain((await v.post(`/guides/${id}/delete`, {})).status);
    }
    expect((await new Visitor(env.app, "a.test").post(`/guides/${id}/delete`, {})).status).not.toBe(200);
    expect(await count()).toBeGreaterThan(0);
    expect(await t.db.selectFrom("guides").select("id").where("id", "=", id).executeTakeFirst()).toBeDefined();

    const done = await staff.post(`/guides/${id}/delete`, {}, { from: `/guides/${id}/delete` });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/guides/manage?notice=guideDeleted");
    expect(await (await staff.get("/guides/manage?notice=guideDeleted")).text()).toContain("Vejledningen er slettet.");
    expect(await t.db.selectFrom("guides").select("id").where("id", "=", id).executeTakeFirst()).toBeUndefined();
    const reader = new Visitor(env.app, "a.test");
    expect((await reader.get("/guides/lodsedler-og-lotteri")).status).toBe(404);
    expect(await (await reader.get("/search?q=lotteri")).text()).not.toContain("/guides/lodsedler");
    expect((await reader.get("/api/v1/guides/lodsedler-og-lotteri")).status).toBe(404);
    expect((await staff.get(`/guides/${id}/delete`)).status).toBe(404);
    const logged = await t.db.selectFrom("audit_log").select("action").where("entity_id", "=", id).execute();
    expect(logged.map((r) => r.action)).toContain("guides.deleted");
  });

  it("lets no citizen, board, bridge-builder or stranger write or see drafts, and keeps another tenant's guides a 404", async () => {
    const id = await idOf("hemmelig-kladde-om-forsikring");
    for (const email of ["citizen@a.test", "board@a.test", "builder@a.test"]) {
      const v = await as(email);
      for (const path of ["/guides/manage", "/guides/new", `/guides/${id}/edit`]) expect((await v.get(path)).status, `${email} ${path}`).toBe(403);
      const res = await v.post("/guides/new", guideForm({ title: "Indtrængende" }));
      expect(res.status, email).toBe(403);
      expect((await v.post(`/guides/${id}/edit`, guideForm({ title: "Overtaget" }))).status).toBe(403);
    }
    const anonymous = new Visitor(env.app, "a.test");
    expect((await anonymous.get("/guides/manage")).status).toBe(303);

    const other = await as("staff@b.test", "b.test");
    expect((await other.get(`/guides/${id}/edit`)).status).toBe(404);
    expect((await other.post(`/guides/${id}/edit`, guideForm({ title: "Overtaget" }))).status).toBe(404);
    expect((await other.get("/guides/saadan-holder-i-generalforsamling")).status).toBe(404);
    expect(await (await other.get("/guides")).text()).not.toContain("saadan-holder");
    const api = (await (await other.get("/api/v1/guides")).json()) as { total: number };
    expect(api.total).toBe(0);
    const row = await t.db.selectFrom("guides").select("texts").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.texts).toContain("Hemmelig kladde om forsikring");
  });

  it("answers bad input clearly and writes nothing: no title, a title too long, an unknown category, half an English text", async () => {
    const staff = await as("staff@a.test");
    const before = await count();
    const cases: [Record<string, string>, string, string][] = [
      [{ title: "" }, "f-title-error", "Skriv en titel på vejledningen."],
      [{ title: "x".repeat(151) }, "f-title-error", ""],
      [{ category: "astrology" }, "f-category-error", "Vælg et af emnerne på listen."],
      [{ summary_en: "Only a summary" }, "f-title_en-error", "Skriv en titel på vejledningen."],
    ];
    for (const [over, errorId, message] of cases) {
      const res = await staff.post("/guides/new", guideForm({ title: "Ny vejledning", ...over }), { from: "/guides/new" });
      expect(res.status, JSON.stringify(over)).toBe(422);
      const html = await res.text();
      expect(html).toContain(`id="${errorId}"`);
      if (message) expect(html).toContain(message);
      expect(html).toContain("ds-error-summary");
    }
    expect(await count()).toBe(before);
  });

  it("saves a guide whose body holds every known script payload and shows it safely on the page, in the preview and through the API", async () => {
    const staff = await as("staff@a.test");
    const before = await count();
    const body = XSS_PAYLOADS.map((p, i) => `Afsnit ${i}\n\n${p}`).join("\n\n");
    const preview = await staff.post("/guides/new", guideForm({ title: "Farlige tegn", body, preview: "body" }), { from: "/guides/new" });
    const previewProse = prose(await preview.text());
    expect(previewProse).toContain(`Afsnit ${XSS_PAYLOADS.length - 1}`);
    expectNothingRuns(previewProse);
    expect(await count()).toBe(before);

    const res = await staff.post("/guides/new", guideForm({ title: "Farlige tegn", body }), { from: "/guides/new" });
    expect(res.status).toBe(303);
    const reader = new Visitor(env.app, "a.test");
    const html = await (await reader.get("/guides/farlige-tegn")).text();
    const article = prose(html);
    expect(article).toContain(`Afsnit ${XSS_PAYLOADS.length - 1}`);
    expectNothingRuns(article);

    const api = (await (await reader.get("/api/v1/guides/farlige-tegn")).json()) as { bodyHtml: string };
    expect(api.bodyHtml).toContain(`Afsnit ${XSS_PAYLOADS.length - 1}`);
    expectNothingRuns(api.bodyHtml);
    const list = (await (await reader.get("/api/v1/guides")).json()) as { data: { slug: string; bodyHtml: string }[] };
    for (const g of list.data) expectNothingRuns(g.bodyHtml);
  });
});
