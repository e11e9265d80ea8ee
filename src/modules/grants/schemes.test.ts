import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roundForm, schemeForm } from "../../../test/factories/grant-scheme.factory.js";
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
import * as repo from "./schemes.repository.js";

/**
 * Schemes and rounds: the tenant's administrator sets them up, the public list shows the active ones
 * with their open rounds, and nobody else reaches the administrator's pages.
 */
describe.each(dialects())("grant schemes and rounds [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  // Sunday 22 November 2026, 11:00 in Copenhagen.
  const clock = new TestClock(new Date("2026-11-22T10:00:00.000Z"));
  let admin: Visitor;
  let schemeId = "";
  let roundId = "";
  let clubId = "";

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true, languages: "da,en" });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    const club = await createAssociation(t.db, a, "Søndre Skakklub");
    clubId = club.id;
    await createPerson(t.db, a, { email: "admin@a.test", roles: ["tenant_admin"] });
    await createPerson(t.db, a, { email: "board@a.test", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "member@a.test", memberships: [{ associationId: club.id, role: "member" }] });
    await createPerson(t.db, a, { email: "case@a.test", roles: ["caseworker"] });
    await createPerson(t.db, a, { email: "committee@a.test", roles: ["committee"] });
    await createPerson(t.db, b, { email: "admin@b.test", roles: ["tenant_admin"] });
    env = createTestApp(t.db, { clock });
    admin = await as("admin@a.test");
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const count = async (table: "grant_schemes" | "grant_rounds") =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("creates a scheme with weighted criteria, its texts in English, and a first form to apply on", async () => {
    const res = await admin.post("/grants/schemes/new", schemeForm("Puljen til lokale aktiviteter"));
    expect(res.status).toBe(303);
    const [scheme] = await repo.listSchemes(t.db, a.id);
    if (!scheme) throw new Error("no scheme");
    schemeId = scheme.id;
    expect(res.headers.get("location")).toBe(`/grants/schemes/${scheme.id}/form?notice=grantSchemeCreated`);
    expect(scheme.maxAmount).toBe(2_500_000);
    expect(scheme.requiresRegistration).toBe(true);
    expect(scheme.criteria).toEqual([
      { key: "lokalForankring", label: { da: "Lokal forankring" }, weight: 3 },
      { key: "flereNyeFrivillige", label: { da: "Flere nye frivillige" }, weight: 2 },
    ]);
    expect(scheme.translations).toEqual({ en: { title: "Local activities pool" } });
    expect(scheme.reportDemands).toEqual(["activities", "accounts"]);
    const form = await repo.latestFormVersion(t.db, a.id, scheme.id);
    expect(form?.version).toBe(1);
    expect(form?.definition.sections.map((s) => s.key)).toEqual(["project", "economy", "attachments"]);
    expect(form?.definition.sections[1]?.fields[0]?.type).toBe("budget");

    const audit = await t.db.selectFrom("audit_log").select("action").where("entity_id", "=", scheme.id).execute();
    expect(audit.map((r) => r.action)).toContain("grants.scheme_created");
  });

  it("keeps a criterion's key when its label is changed, and offers more rows without saving", async () => {
    const more = await admin.post(`/grants/schemes/${schemeId}`, { ...schemeForm("Puljen"), addRow: "criterion" });
    expect(more.status).toBe(200);
    expect((await more.text()).match(/name="criterionLabel"/g)?.length).toBe(5);
    expect((await repo.findScheme(t.db, a.id, schemeId))?.title).toBe("Puljen til lokale aktiviteter");

    const res = await admin.post(
      `/grants/schemes/${schemeId}`,
      schemeForm("Puljen til lokale aktiviteter", {
        criterionKey: ["lokalForankring", ""],
        criterionLabel: ["Forankring i lokalområdet", ""],
        criterionWeight: ["4", ""],
      }),
    );
    expect(res.status).toBe(303);
    expect((await repo.findScheme(t.db, a.id, schemeId))?.criteria).toEqual([
      { key: "lokalForankring", label: { da: "Forankring i lokalområdet" }, weight: 4 },
    ]);
  });

  it("answers bad input with messages in the reader's language and writes nothing", async () => {
    const before = await count("grant_schemes");
    const res = await admin.post("/grants/schemes/new", schemeForm("Ny pulje", { maxAmount: "mange penge" }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Skriv et beløb med tal");
    expect(html).toContain('value="Ny pulje"');
    const weight = await admin.post("/grants/schemes/new", schemeForm("Ny pulje", { criterionWeight: ["11", "2", ""] }));
    expect(weight.status).toBe(422);
    expect(await weight.text()).toContain("Skriv en vægt fra 1 til 10.");
    expect(await count("grant_schemes")).toBe(before);

    const empty = await admin.post("/grants/schemes/new", schemeForm("", { whoMayApply: "" }));
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("Udfyld feltet.");
    expect(await count("grant_schemes")).toBe(before);
  });

  it("stores a round's deadline as the instant it names in Copenhagen, and checks the second deadline", async () => {
    const bad = await admin.post(`/grants/schemes/${schemeId}/rounds/new`, roundForm({ secondDeadlineDate: "2027-02-01", secondDeadlineTime: "12:00" }));
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Den anden frist skal ligge efter den første.");
    const past = await admin.post(`/grants/schemes/${schemeId}/rounds/new`, roundForm({ deadlineDate: "2026-11-20" }));
    expect(past.status).toBe(422);
    expect(await past.text()).toContain("Fristen er allerede overskredet.");
    expect(await count("grant_rounds")).toBe(0);

    const res = await admin.post(`/grants/schemes/${schemeId}/rounds/new`, roundForm({ secondDeadlineDate: "2027-06-15", secondDeadlineTime: "12:00" }));
    expect(res.status).toBe(303);
    const [round] = await repo.listRounds(t.db, a.id, schemeId);
    if (!round) throw new Error("no round");
    roundId = round.id;
    // 23:59 on 1 March is winter time (UTC+1); 12:00 on 15 June is summer time (UTC+2).
    expect(round.deadlineAt).toBe("2027-03-01T22:59:00.000Z");
    expect(round.secondDeadlineAt).toBe("2027-06-15T10:00:00.000Z");
    expect(round.opensAt).toBe("2026-10-31T23:00:00.000Z");
    expect(round.budget).toBe(25_000_000);
    expect(round.status).toBe("open");

    const edit = await admin.get(`/grants/rounds/${round.id}/edit`);
    const html = await edit.text();
    expect(html).toContain('value="2027-03-01"');
    expect(html).toContain('value="23:59"');
    const changed = await admin.post(`/grants/rounds/${round.id}/edit`, roundForm({ title: "Forår 2027 (forlænget)", deadlineDate: "2027-03-08" }));
    expect(changed.status).toBe(303);
    expect((await repo.findRound(t.db, a.id, round.id))?.deadlineAt).toBe("2027-03-08T22:59:00.000Z");
  });

  it("opens an all-year scheme's round without a deadline", async () => {
    await admin.post("/grants/schemes/new", schemeForm("Små hurtige tilskud", { allYear: "on", maxAmount: "5000" }));
    const scheme = (await repo.listSchemes(t.db, a.id)).find((s) => s.title === "Små hurtige tilskud");
    if (!scheme) throw new Error("no scheme");
    expect(scheme.allYear).toBe(true);
    const form = await admin.get(`/grants/schemes/${scheme.id}/rounds/new`);
    expect(await form.text()).not.toContain('name="deadlineDate"');
    const res = await admin.post(`/grants/schemes/${scheme.id}/rounds/new`, roundForm({ title: "Hele året 2027", deadlineDate: "", deadlineTime: "" }));
    expect(res.status).toBe(303);
    const [round] = await repo.listRounds(t.db, a.id, scheme.id);
    expect(round?.deadlineAt).toBeNull();
  });

  it("lists active schemes publicly with deadlines and an Apply button for the board; a draft stays hidden", async () => {
    await admin.post("/grants/schemes/new", schemeForm("Hemmelig kladde", { status: "draft" }));
    const draft = (await repo.listSchemes(t.db, a.id)).find((s) => s.title === "Hemmelig kladde");
    if (!draft) throw new Error("no draft");

    const anonymous = new Visitor(env.app, "a.test");
    const page = await (await anonymous.get("/grants")).text();
    expect(page).toContain("Puljen til lokale aktiviteter");
    expect(page).toContain("Små hurtige tilskud");
    expect(page).toContain("25.000");
    expect(page).toContain("8. marts");
    expect(page).toContain("Kan søges hele året");
    expect(page).not.toContain("Hemmelig kladde");
    expect(page).not.toContain(`/grants/apply/${roundId}`);
    expect(page).toContain("logge ind som bestyrelsesmedlem");
    expect((await anonymous.get(`/grants/schemes/${draft.id}/about`)).status).toBe(404);
    expect((await anonymous.get(`/grants/schemes/${schemeId}/about`)).status).toBe(200);

    const board = await as("board@a.test");
    const boardPage = await (await board.get("/grants")).text();
    expect(boardPage).toContain(`action="/grants/apply/${roundId}"`);
    expect(boardPage).toContain(`value="${clubId}"`);
    const member = await as("member@a.test");
    expect(await (await member.get("/grants")).text()).not.toContain("/grants/apply/");
    expect((await member.get(`/grants/schemes/${draft.id}/about`)).status).toBe(404);

    const english = await (await anonymous.request("/grants", { headers: { "accept-language": "en" } })).text();
    expect(english).toContain("Local activities pool");
  });

  it("keeps every administrator's page from the board, a member, caseworkers, the committee and another tenant", async () => {
    const gets = [
      "/grants/schemes",
      "/grants/schemes/new",
      `/grants/schemes/${schemeId}`,
      `/grants/schemes/${schemeId}/form`,
      `/grants/schemes/${schemeId}/form/fields/new`,
      `/grants/schemes/${schemeId}/form/fields/description`,
      `/grants/schemes/${schemeId}/form/sections/new`,
      `/grants/schemes/${schemeId}/form/sections/project`,
      `/grants/schemes/${schemeId}/rounds/new`,
      `/grants/rounds/${roundId}/edit`,
      "/grants/settings",
    ];
    const posts: [string, Record<string, string | string[]>][] = [
      ["/grants/schemes/new", schemeForm("Ulovlig")],
      [`/grants/schemes/${schemeId}`, schemeForm("Ulovlig")],
      [`/grants/schemes/${schemeId}/rounds/new`, roundForm()],
      [`/grants/rounds/${roundId}/edit`, roundForm({ title: "Ulovlig" })],
      [`/grants/schemes/${schemeId}/form/change`, { op: "fieldRemove", key: "description" }],
      [`/grants/schemes/${schemeId}/form/fields/new`, { type: "text", label_da: "Ulovlig" }],
      [`/grants/schemes/${schemeId}/form/fields/description`, { type: "text", label_da: "Ulovlig" }],
      [`/grants/schemes/${schemeId}/form/sections/new`, { title_da: "Ulovlig" }],
      [`/grants/schemes/${schemeId}/form/sections/project`, { title_da: "Ulovlig" }],
      ["/grants/settings", { funderId: "", funderName: "Ulovlig", idPrefix: "" }],
    ];
    const schemes = await count("grant_schemes");
    const form = await repo.latestFormVersion(t.db, a.id, schemeId);
    for (const email of ["board@a.test", "member@a.test", "case@a.test", "committee@a.test"]) {
      const v = await as(email);
      const csrf = await v.csrfToken();
      for (const path of gets) expect([path, (await v.get(path)).status]).toEqual([path, 403]);
      for (const [path, fields] of posts) expect([path, (await v.post(path, fields, { csrf })).status]).toEqual([path, 403]);
    }
    const other = await as("admin@b.test", "b.test");
    const csrf = await other.csrfToken();
    for (const path of gets.filter((p) => p.includes(schemeId) || p.includes(roundId))) expect([path, (await other.get(path)).status]).toEqual([path, 404]);
    for (const [path, fields] of posts.filter(([p]) => p.includes(schemeId) || p.includes(roundId)))
      expect([path, (await other.post(path, fields, { csrf })).status]).toEqual([path, 404]);
    expect((await other.get(`/grants/schemes/${schemeId}/about`)).status).toBe(404);
    const anonymous = new Visitor(env.app, "a.test");
    expect((await anonymous.get("/grants/schemes")).status).toBe(303);
    expect(await count("grant_schemes")).toBe(schemes);
    expect((await repo.findScheme(t.db, a.id, schemeId))?.title).toBe("Puljen til lokale aktiviteter");
    expect((await repo.latestFormVersion(t.db, a.id, schemeId))?.definition).toEqual(form?.definition);
  });

  it("keeps the funder's identifiers and the tenant's own letters; the house's text is not stored", async () => {
    const page = await (await admin.get("/grants/settings")).text();
    expect(page).toContain("Tilsagn om tilskud: {title}");
    const bad = await admin.post("/grants/settings", { funderId: "CVR 12345678", funderName: "Søndre Kommune", idPrefix: "sonderby" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("360G-");
    const res = await admin.post("/grants/settings", {
      funderId: "DK-CVR-12345678",
      funderName: "Søndre Kommune",
      idPrefix: "360G-sonderby",
      subject_granted_da: "Tilsagn om tilskud: {title}",
      body_granted_da: "Kære {association}\n\nI får {amount}.",
      appeal_da: "Klag til byrådet inden 4 uger.",
    });
    expect(res.status).toBe(303);
    const row = await t.db.selectFrom("grant_settings").selectAll().where("tenant_id", "=", a.id).executeTakeFirstOrThrow();
    expect(row.funder_id).toBe("DK-CVR-12345678");
    expect(row.id_prefix).toBe("360G-sonderby");
    expect(JSON.parse(row.letter_templates)).toEqual({
      granted: { da: { subject: "Tilsagn om tilskud: {title}", body: "Kære {association}\n\nI får {amount}." } },
    });
    expect(JSON.parse(row.appeal_note)).toEqual({ da: "Klag til byrådet inden 4 uger." });
  });
});
