import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildScheme } from "../../../test/factories/grants.factory.js";
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
  Visitor,
} from "../../../test/harness.js";

/** The tenant's scale of levels, the agreement named on its grant schemes' and premises' pages, and ending only once confirmed. */
describe.each(dialects())("agreement levels, links back and ending [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let club: { id: string; name: string };
  let schemeId = "";
  let premiseId = "";
  const clock = new TestClock(new Date("2027-03-01T09:00:00.000Z"));

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    club = await createAssociation(t.db, a, "Lektiecaféen");
    const choir = await createAssociation(t.db, a, "Koret");
    await createPerson(t.db, a, { email: "case@a.test", roles: ["caseworker"] });
    await createPerson(t.db, a, { email: "admin@a.test", roles: ["tenant_admin"] });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "board@a.test", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "choir@a.test", memberships: [{ associationId: choir.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "citizen@a.test" });
    await createPerson(t.db, b, { email: "case@b.test", roles: ["caseworker", "tenant_admin"] });
    schemeId = (await buildScheme(t.db, a, { scheme: { title: "Foreningspuljen" } })).scheme.id;
    premiseId = await buildPremise(t.db, a, { name: "Medborgerhuset" });
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const levels = (tenantId: string) =>
    t.db.selectFrom("agreement_levels").select(["id", "position", "names"]).where("tenant_id", "=", tenantId).orderBy("position").execute();
  const agreementForm = (over: Record<string, string | string[]> = {}) => ({
    title: "Lektiecafé på biblioteket",
    purpose: "Hjælp til lektier.",
    level: "partnership",
    status: "agreed",
    municipalUnit: "Kultur og Fritid",
    municipalityGives: "Lokale",
    party: [club.id],
    partyGives: ["Frivillige"],
    startsOn: "2027-01-01",
    endsOn: "2027-12-31",
    isPublic: "on",
    contactName: "",
    contactEmail: "",
    contactPhone: "",
    notes: "",
    link: [`grant_scheme:${schemeId}`, `premise:${premiseId}`],
    ...over,
  });
  let custom = "";
  let agreementId = "";

  it("starts a tenant with the four default levels and lets a caseworker add, rename and reorder them", async () => {
    const v = await as("case@a.test");
    const page = await v.get("/agreements/manage/levels");
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const name of ["Information", "Dialog", "Samarbejde", "Partnerskab"]) expect(html).toContain(name);
    expect((await levels(a.id)).map((l) => l.id)).toEqual(["information", "dialogue", "cooperation", "partnership"]);

    // A name is needed in the tenant's own language, and two levels do not share one.
    const empty = await v.post("/agreements/manage/levels", { name_da: "  " }, { from: "/agreements/manage/levels" });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("Skriv niveauets navn.");
    const twice = await v.post("/agreements/manage/levels", { name_da: "dialog" }, { from: "/agreements/manage/levels" });
    expect(twice.status).toBe(422);
    expect(await twice.text()).toContain("Der er allerede et niveau med det navn.");
    expect(await levels(a.id)).toHaveLength(4);

    const added = await v.post(
      "/agreements/manage/levels",
      { name_da: "Fælles drift", description_da: "Vi driver noget sammen.", name_en: "Running it together" },
      { from: "/agreements/manage/levels" },
    );
    expect(added.status).toBe(303);
    const after = await levels(a.id);
    expect(after).toHaveLength(5);
    custom = after[4]?.id ?? "";
    expect(JSON.parse(after[4]?.names ?? "{}")).toMatchObject({ da: "Fælles drift", en: "Running it together" });

    const up = await v.post(`/agreements/manage/levels/${custom}/move`, { direction: "up" }, { from: "/agreements/manage/levels" });
    expect(up.status).toBe(303);
    expect((await levels(a.id)).map((l) => l.id)).toEqual(["information", "dialogue", "cooperation", custom, "partnership"]);

    const renamed = await v.post(
      `/agreements/manage/levels/partnership`,
      { name_da: "Tæt partnerskab", name_en: "Close partnership" },
      { from: "/agreements/manage/levels/partnership" },
    );
    expect(renamed.status).toBe(303);
    expect(await (await v.get("/agreements/manage/levels")).text()).toContain("Tæt partnerskab");

    // Each level in the reader's language, as in the list; the tenant's other languages below it.
    const english = new Visitor(env.app, "a.test", { "accept-language": "en" });
    await english.signIn("case@a.test");
    const inEnglish = await (await english.get("/agreements/manage/levels")).text();
    expect(inEnglish).toMatch(/2\.\s*Dialogue/);
    expect(inEnglish).not.toMatch(/2\.\s*Dialog</);
    expect(inEnglish).toContain("Close partnership");
    expect(await (await english.get("/agreements/manage/levels/partnership")).text()).toContain("Close partnership");

    // The tenant's administrator keeps the scale too.
    expect((await (await as("admin@a.test")).get("/agreements/manage/levels")).status).toBe(200);
  });

  it("keeps the scale from the wrong side: board, citizen, staff without the role, another tenant", async () => {
    for (const email of ["board@a.test", "citizen@a.test", "staff@a.test"]) {
      const v = await as(email);
      expect((await v.get("/agreements/manage/levels")).status, email).toBe(403);
      expect((await v.post(`/agreements/manage/levels/${custom}/remove`, {}, { from: "/agreements/manage/levels" })).status, email).toBe(403);
      expect((await v.post("/agreements/manage/levels", { name_da: "Snyd" }, { from: "/agreements/manage/levels" })).status, email).toBe(403);
    }
    const other = await as("case@b.test", "b.test");
    expect((await other.get(`/agreements/manage/levels/${custom}`)).status).toBe(404);
    expect((await other.post(`/agreements/manage/levels/${custom}`, { name_da: "Kapret" }, { from: "/agreements/manage/levels" })).status).toBe(404);
    expect((await other.post(`/agreements/manage/levels/${custom}/move`, { direction: "up" }, { from: "/agreements/manage/levels" })).status).toBe(404);
    expect((await other.post(`/agreements/manage/levels/${custom}/remove`, {}, { from: "/agreements/manage/levels" })).status).toBe(404);
    expect(await (await other.get("/agreements/manage/levels")).text()).not.toContain("Fælles drift");
    expect((await levels(a.id)).map((l) => l.id)).toContain(custom);
    // Another tenant's level cannot be given to an agreement.
    const foreign = await (await as("case@a.test")).post("/agreements/new", agreementForm({ level: "no-such-level" }), { from: "/agreements/new" });
    expect(foreign.status).toBe(422);
    expect(await foreign.text()).toContain("Vælg et niveau.");
    const otherCustom = await other.post("/agreements/new", { ...agreementForm({ level: custom }), party: [], link: [] }, { from: "/agreements/new" });
    expect(otherCustom.status).toBe(422);
    expect(await t.db.selectFrom("agreements").selectAll().execute()).toHaveLength(0);
  });

  it("names the tenant's levels in the register, the list, the CSV and the API, and refuses to remove a level in use", async () => {
    const v = await as("case@a.test");
    const res = await v.post("/agreements/new", agreementForm({ level: custom }), { from: "/agreements/new" });
    expect(res.status).toBe(303);
    agreementId = (res.headers.get("location") ?? "").split("/")[2]?.split("?")[0] ?? "";
    // The grant scheme and the premise it names are links to their pages.
    const page = await (await v.get(`/agreements/${agreementId}`)).text();
    expect(page).toContain(`href="/grants/schemes/${schemeId}/about"`);
    expect(page).toContain(`href="/premises/${premiseId}"`);
    expect(await (await new Visitor(env.app, "a.test").get("/agreements")).text()).toContain("Fælles drift");
    expect(await (await v.get(`/agreements/manage?level=${custom}`)).text()).toContain("Lektiecafé på biblioteket");
    expect(await (await v.get(`/agreements/manage?level=partnership`)).text()).not.toContain("Lektiecafé på biblioteket");
    expect(await (await v.get(`/agreements/manage.csv?level=${custom}`)).text()).toContain("Fælles drift");
    const api = (await (await new Visitor(env.app, "a.test").get("/api/v1/agreements")).json()) as { data: Record<string, unknown>[] };
    expect(api.data[0]).toMatchObject({
      level: custom,
      levelName: "Fælles drift",
      levelRank: 4,
      levelNames: { da: "Fælles drift", en: "Running it together" },
    });

    const refused = await v.post(`/agreements/manage/levels/${custom}/remove`, {}, { from: "/agreements/manage/levels" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Niveauet kan ikke fjernes, fordi der er aftaler med det");
    expect((await levels(a.id)).map((l) => l.id)).toContain(custom);

    const removed = await v.post("/agreements/manage/levels/information/remove", {}, { from: "/agreements/manage/levels" });
    expect(removed.status).toBe(303);
    expect((await levels(a.id)).map((l) => l.id)).not.toContain("information");
  });

  it("names the agreement on the grant scheme's and the premise's pages, to those allowed to see it", async () => {
    const pages = [`/grants/schemes/${schemeId}/about`, `/premises/${premiseId}`];
    for (const path of pages) {
      const keeper = await (await (await as("case@a.test")).get(path)).text();
      expect(keeper, path).toContain("Del af samarbejdsaftalen");
      expect(keeper, path).toContain(`href="/agreements/${agreementId}"`);
      const board = await (await (await as("board@a.test")).get(path)).text();
      expect(board, path).toContain(`href="/agreements/${agreementId}"`);
      // The public, and another association's board, get the public register's entry.
      const citizen = await (await new Visitor(env.app, "a.test").get(path)).text();
      expect(citizen, path).toContain(`href="/agreements#${agreementId}"`);
      const choir = await (await (await as("choir@a.test")).get(path)).text();
      expect(choir, path).toContain(`href="/agreements#${agreementId}"`);
    }
    // Out of the register, it is named only to those who may see it in full.
    await t.db.updateTable("agreements").set({ is_public: 0 }).where("id", "=", agreementId).execute();
    for (const path of pages) {
      expect(await (await new Visitor(env.app, "a.test").get(path)).text(), path).not.toContain("Lektiecafé på biblioteket");
      expect(await (await (await as("choir@a.test")).get(path)).text(), path).not.toContain("Del af samarbejdsaftalen");
      expect(await (await (await as("board@a.test")).get(path)).text(), path).toContain(`href="/agreements/${agreementId}"`);
    }
    await t.db.updateTable("agreements").set({ is_public: 1 }).where("id", "=", agreementId).execute();
  });

  it("ends an agreement only once confirmed on its own page, keeping it as history and mailing nobody", async () => {
    const v = await as("case@a.test");
    const mails = async () => (await t.db.selectFrom("mail_outbox").select("id").execute()).length;
    const before = await mails();
    const ask = await v.get(`/agreements/${agreementId}/end`);
    expect(ask.status).toBe(200);
    const html = await ask.text();
    expect(html).toContain("Ja, afslut aftalen");
    expect(html).toContain(`href="/agreements/${agreementId}"`);
    expect(html).toContain('value="2027-03-01"');

    // Without the confirmation nothing ends: the page asks first.
    const bare = await v.post(`/agreements/${agreementId}/end`, {}, { from: `/agreements/${agreementId}` });
    expect(bare.status).toBe(200);
    expect(await bare.text()).toContain("Ja, afslut aftalen");
    const ahead = await v.post(
      `/agreements/${agreementId}/end`,
      { confirm: "yes", endsOn: "2027-06-01", endNote: "" },
      { from: `/agreements/${agreementId}/end` },
    );
    expect(ahead.status).toBe(422);
    expect(await ahead.text()).toContain("En aftale kan ikke afsluttes frem i tiden.");
    const row = () =>
      t.db.selectFrom("agreements").select(["status", "ends_on", "end_note", "ended_at"]).where("id", "=", agreementId).executeTakeFirstOrThrow();
    expect((await row()).status).toBe("agreed");

    for (const email of ["board@a.test", "staff@a.test"]) {
      const res = await (await as(email)).post(
        `/agreements/${agreementId}/end`,
        { confirm: "yes", endsOn: "2027-03-01" },
        { from: `/agreements/${agreementId}` },
      );
      expect(res.status, email).toBe(403);
    }
    expect((await (await as("case@b.test", "b.test")).get(`/agreements/${agreementId}/end`)).status).toBe(404);

    const ended = await v.post(
      `/agreements/${agreementId}/end`,
      { confirm: "yes", endsOn: "2027-02-28", endNote: "Foreningen har lukket lektiecaféen." },
      { from: `/agreements/${agreementId}/end` },
    );
    expect(ended.status).toBe(303);
    expect(await row()).toMatchObject({ status: "ended", ends_on: "2027-02-28", end_note: "Foreningen har lukket lektiecaféen." });
    expect(await mails()).toBe(before);
    const page = await (await v.get(`/agreements/${agreementId}`)).text();
    expect(page).toContain("Foreningen har lukket lektiecaféen.");
    expect(await (await v.get("/agreements/manage?status=ended")).text()).toContain("Lektiecafé på biblioteket");
    expect(await (await new Visitor(env.app, "a.test").get("/agreements")).text()).not.toContain("Lektiecafé på biblioteket");
  });
});
