import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGrantApplication, buildScheme } from "../../../test/factories/grants.factory.js";
import packageSchema from "../../../test/fixtures/360giving/360-giving-package-schema.json" with { type: "json" };
import grantSchema from "../../../test/fixtures/360giving/360-giving-schema.json" with { type: "json" };
import { createAssociation, createTenant, createTestApp, createTestDb, dialects, type TenantFixture, type TestDb, Visitor } from "../../../test/harness.js";
import { putSettings } from "./settings.repository.js";

/**
 * The official 360Giving schemas as published. They name draft 2020-12 by its old http address, which is
 * the same meta-schema Ajv knows by https; the package names the grant schema by its 1.4.2 address.
 */
function validator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const draft = "https://json-schema.org/draft/2020-12/schema";
  const itemRef = (packageSchema.properties.grants.items as { $ref: string }).$ref;
  ajv.addSchema({ ...grantSchema, $schema: draft, $id: itemRef });
  return ajv.compile({ ...packageSchema, $schema: draft });
}

const decided = { status: "decided" as const, decidedAt: "2026-11-20T18:30:00.000Z" };

describe.each(dialects())("grants made, as 360Giving open data [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  const roundIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDb(dialect);
    env = createTestApp(t.db);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    const walkers = await createAssociation(t.db, a, "Gåklubben");
    const visitors = await createAssociation(t.db, a, "Besøgsvennerne");
    const choir = await createAssociation(t.db, a, "Koret");
    await t.db.updateTable("associations").set({ registration_number: "13585628" }).where("id", "=", visitors.id).execute();
    await putSettings(
      t.db,
      a.id,
      { funderId: "DK-CVR-29189900", funderName: "Sønderby Kommune", idPrefix: "360G-sonderby", letterTemplates: {}, appealNote: {} },
      "2026-11-01T09:00:00.000Z",
    );

    const autumn = await buildScheme(t.db, a, { status: "decided" });
    roundIds.decided = autumn.round.id;
    await t.db.updateTable("grant_rounds").set({ decided_at: decided.decidedAt, title: "Efterår 2026" }).where("id", "=", autumn.round.id).execute();
    await buildGrantApplication(t.db, a, autumn, visitors.id, {
      ...decided,
      reference: "2026-0001",
      title: "Besøgsvenner på plejehjem",
      decision: "granted",
      grantedAmount: 2_000_000,
    });
    await buildGrantApplication(t.db, a, autumn, walkers.id, {
      ...decided,
      reference: "2026-0002",
      title: "Gåture for nye i byen",
      decision: "reduced",
      grantedAmount: 1_250_050,
      decisionReason: "Puljen rakte ikke til hele beløbet.",
    });
    await buildGrantApplication(t.db, a, autumn, choir.id, {
      ...decided,
      reference: "2026-0003",
      title: "Korrejse",
      decision: "rejected",
      grantedAmount: null,
    });
    await buildGrantApplication(t.db, a, autumn, choir.id, { reference: "2026-0004", title: "Kladde", status: "draft" });

    // A round still being decided: its decisions are not public until the letters go.
    const deciding = await buildScheme(t.db, a, { status: "deciding" });
    roundIds.deciding = deciding.round.id;
    await buildGrantApplication(t.db, a, deciding, choir.id, {
      ...decided,
      reference: "2026-0005",
      title: "Ikke sendt endnu",
      decision: "granted",
      grantedAmount: 500_000,
    });
    const open = await buildScheme(t.db, a);
    roundIds.open = open.round.id;
    const empty = await buildScheme(t.db, a, { status: "decided" });
    roundIds.empty = empty.round.id;

    // Another municipality's grant.
    const theirs = await buildScheme(t.db, b, { status: "decided" });
    const theirClub = await createAssociation(t.db, b, "Fremmed forening");
    await buildGrantApplication(t.db, b, theirs, theirClub.id, {
      ...decided,
      reference: "2026-0001",
      title: "Andet sted",
      decision: "granted",
      grantedAmount: 100_000,
    });
  });
  afterAll(() => t.destroy());

  it("publishes the grants made as a 360Giving package that the official schema accepts", async () => {
    const res = await new Visitor(env.app, "a.test").get("/open-data/360giving.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("cache-control")).toContain("public");
    const data = (await res.json()) as { grants: Record<string, unknown>[]; publisher: { name: string } };
    const validate = validator();
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ grants: [{ id: "360G-x-1", title: "Uden beløb" }] }), "the schema is really applied").toBe(false);
    expect(data.publisher.name).toBe("Sønderby Kommune");
    expect(data.grants.map((g) => g.id)).toEqual(["360G-sonderby-2026-0001", "360G-sonderby-2026-0002"]);
    const [visitors, walkers] = data.grants;
    expect(visitors).toMatchObject({
      title: "Besøgsvenner på plejehjem",
      currency: "DKK",
      amountAwarded: 20000,
      awardDate: "2026-11-20",
      recipientOrganization: [{ id: "DK-CVR-13585628", name: "Besøgsvennerne" }],
      fundingOrganization: [{ id: "DK-CVR-29189900", name: "Sønderby Kommune" }],
      grantProgramme: [{ title: "§18-puljen" }],
    });
    expect(walkers?.amountAwarded).toBe(12500.5);
    expect(JSON.stringify(walkers?.recipientOrganization)).toMatch(/"id":"360G-sonderby-ORG-/);
  });

  it("answers a harvester that has the file already with 304", async () => {
    const v = new Visitor(env.app, "a.test");
    const first = await v.get("/open-data/360giving.json");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).not.toBe("");
    const again = await v.request("/open-data/360giving.json", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
  });

  it("writes the CSV with the standard's column titles, one row per grant and plain numbers", async () => {
    const res = await new Visitor(env.app, "a.test").get("/open-data/360giving.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "Identifier,Title,Description,Currency,Amount Awarded,Award Date,Recipient Org:Identifier,Recipient Org:Name,Funding Org:Identifier,Funding Org:Name,Grant Programme:Title,Last modified",
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("360G-sonderby-2026-0001");
    expect(lines[2]).toContain(",12500.5,");
  });

  it("leaves out drafts, refusals, rounds not yet decided and other tenants' grants", async () => {
    const json = await (await new Visitor(env.app, "a.test").get("/open-data/360giving.json")).text();
    for (const hidden of ["Korrejse", "Kladde", "Ikke sendt endnu", "Andet sted"]) expect(json).not.toContain(hidden);
    const theirs = (await (await new Visitor(env.app, "b.test").get("/open-data/360giving.json")).json()) as { grants: { id: string; title: string }[] };
    expect(theirs.grants.map((g) => g.title)).toEqual(["Andet sted"]);
    // Without its own identifiers, a tenant publishes under a prefix made from its slug, as itself.
    expect(theirs.grants[0]?.id).toBe("360G-sammen-b-2026-0001");
  });

  it("keeps the open-data page where it was, with links to the files", async () => {
    const html = await (await new Visitor(env.app, "a.test").get("/open-data")).text();
    expect(html).toContain("/open-data/360giving.json");
  });

  it("lists a decided round's grants on a public page, by association, with the total", async () => {
    const res = await new Visitor(env.app, "a.test").get(`/grants/rounds/${roundIds.decided}/awarded`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.indexOf("Besøgsvennerne")).toBeLessThan(html.indexOf("Gåklubben"));
    expect(html).toContain("12.500,50");
    expect(html).toContain("32.500,50");
    expect(html).not.toContain("Korrejse");
    const none = await (await new Visitor(env.app, "a.test").get(`/grants/rounds/${roundIds.empty}/awarded`)).text();
    expect(none).toContain("Der blev ikke givet tilskud i denne runde.");
  });

  it("shows no round before its decisions are sent, nor another tenant's", async () => {
    const v = new Visitor(env.app, "a.test");
    expect((await v.get(`/grants/rounds/${roundIds.deciding}/awarded`)).status).toBe(404);
    expect((await v.get(`/grants/rounds/${roundIds.open}/awarded`)).status).toBe(404);
    expect((await new Visitor(env.app, "b.test").get(`/grants/rounds/${roundIds.decided}/awarded`)).status).toBe(404);
    expect((await v.get("/grants/rounds/no-such-round/awarded")).status).toBe(404);
  });
});
