import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemeForm } from "../../../test/factories/grant-scheme.factory.js";
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
import { newId } from "../../platform/ids.js";
import { insertApplication } from "./applications.repository.js";
import type { FormDefinition } from "./form.model.js";
import { applyOp, defaultForm, definitionErrors } from "./form-builder.js";
import type { Application } from "./grants.model.js";
import * as repo from "./schemes.repository.js";

const field = (label: string) => ({
  section: "project",
  type: "text",
  label_da: label,
  label_en: "",
  help_da: "",
  help_en: "",
  max: "",
  choices_da: "",
  choices_en: "",
  showIf: "",
});

describe("the form's own rules", () => {
  const form = defaultForm(["da", "en"]);

  it("starts a scheme with the project, a budget table and attachments, in the tenant's languages", () => {
    expect(form.sections.map((s) => s.title.da)).toEqual(["Om projektet", "Økonomi", "Bilag"]);
    expect(form.sections[0]?.fields.map((f) => f.key)).toEqual(["description", "targetGroup", "startDate", "endDate"]);
    expect(form.sections[0]?.fields[0]?.label).toEqual({ da: "Beskrivelse af projektet", en: "Description of the project" });
    expect(definitionErrors(form, "da")).toEqual([]);
  });

  it("refuses duplicate keys, a second budget, a choice of one, and a condition on a later field", () => {
    const broken: FormDefinition = {
      sections: [
        {
          key: "a",
          title: { da: "A" },
          help: {},
          fields: [
            { key: "x", type: "text", label: { da: "X" }, help: {}, required: false, choices: [], showIf: { field: "later", equals: "yes" } },
            { key: "x", type: "text", label: { da: "X igen" }, help: {}, required: false, choices: [] },
            { key: "one", type: "choice", label: { da: "Et valg" }, help: {}, required: false, choices: [{ key: "only", label: { da: "Kun" } }] },
            { key: "b1", type: "budget", label: { da: "Budget" }, help: {}, required: false, choices: [] },
            { key: "b2", type: "budget", label: { da: "Budget 2" }, help: {}, required: false, choices: [] },
            { key: "later", type: "yesNo", label: { da: "Senere" }, help: {}, required: false, choices: [] },
          ],
        },
      ],
    };
    expect(definitionErrors(broken, "da").map((e) => e.message)).toEqual([
      "grants.form.showIfEarlier",
      "grants.form.duplicateKey",
      "grants.form.twoChoices",
      "grants.form.oneBudget",
    ]);
  });

  it("moves a field across a section's edge and refuses to empty a section that has fields", () => {
    const moved = applyOp(form, "fieldUp", "budget");
    expect(moved.sections[0]?.fields.at(-1)?.key).toBe("budget");
    expect(moved.sections[1]?.fields).toEqual([]);
    expect(applyOp(moved, "sectionRemove", "economy").sections.map((s) => s.key)).toEqual(["project", "attachments"]);
    expect(() => applyOp(form, "sectionRemove", "economy")).toThrow();
  });
});

describe.each(dialects())("the form builder [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  const clock = new TestClock(new Date("2026-11-22T10:00:00.000Z"));
  let admin: Visitor;
  let schemeId = "";
  let base = "";

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true, languages: "da,en" });
    await createPerson(t.db, a, { email: "admin@a.test", roles: ["tenant_admin"] });
    env = createTestApp(t.db, { clock });
    admin = new Visitor(env.app, "a.test");
    await admin.signIn("admin@a.test");
    await admin.post("/grants/schemes/new", schemeForm("Puljen"));
    schemeId = (await repo.listSchemes(t.db, a.id))[0]?.id ?? "";
    base = `/grants/schemes/${schemeId}/form`;
  });
  afterAll(() => t.destroy());

  const versions = async () =>
    (await t.db.selectFrom("grant_form_versions").select(["version", "definition"]).where("scheme_id", "=", schemeId).execute()).length;
  const latest = async () => {
    const v = await repo.latestFormVersion(t.db, a.id, schemeId);
    if (!v) throw new Error("no form");
    return v;
  };

  it("shows the form's sections and version, and links to the preview", async () => {
    const html = await (await admin.get(base)).text();
    expect(html).toContain("Om projektet");
    expect(html).toContain("Dette er version 1.");
    expect(html).toContain(`/grants/schemes/${schemeId}/preview`);
  });

  it("adds a yes/no field, a choice and a field shown only on an answer, in place while nobody has applied", async () => {
    expect((await admin.post(`${base}/fields/new`, { ...field("Har I søgt andre steder?"), type: "yesNo", required: "on" })).status).toBe(303);
    const choice = await admin.post(`${base}/fields/new`, {
      ...field("Hvor ofte mødes I?"),
      type: "choice",
      choices_da: "Hver uge\r\nHver måned\r\n",
      choices_en: "Every week\nEvery month",
    });
    expect(choice.status).toBe(303);
    const where = await admin.post(`${base}/fields/new`, { ...field("Hvor har I søgt?"), type: "longText", max: "500", showIf: "harISoegtAndreSteder=yes" });
    expect(where.status).toBe(303);
    const v = await latest();
    expect(v.version).toBe(1);
    const fields = v.definition.sections[0]?.fields ?? [];
    expect(fields.slice(-3).map((f) => [f.key, f.type, f.showIf?.field ?? null])).toEqual([
      ["harISoegtAndreSteder", "yesNo", null],
      ["hvorOfteMoedesI", "choice", null],
      ["hvorHarISoegt", "longText", "harISoegtAndreSteder"],
    ]);
    expect(fields.find((f) => f.key === "hvorOfteMoedesI")?.choices).toEqual([
      { key: "hverUge", label: { da: "Hver uge", en: "Every week" } },
      { key: "hverMaaned", label: { da: "Hver måned", en: "Every month" } },
    ]);
    expect(fields.find((f) => f.key === "hvorHarISoegt")?.max).toBe(500);
  });

  it("answers bad fields with 422 and writes nothing", async () => {
    const before = JSON.stringify((await latest()).definition);
    const later = await admin.post(`${base}/fields/description`, { ...field("Beskrivelse af projektet"), showIf: "harISoegtAndreSteder=yes" });
    expect(later.status).toBe(422);
    expect(await later.text()).toContain("der står før det");
    const long = await admin.post(`${base}/fields/new`, field("x".repeat(201)));
    expect(long.status).toBe(422);
    expect(await long.text()).toContain("Teksten er for lang.");
    const one = await admin.post(`${base}/fields/new`, { ...field("Et valg"), type: "choice", choices_da: "Kun én" });
    expect(one.status).toBe(422);
    expect(await one.text()).toContain("mindst to muligheder");
    const uneven = await admin.post(`${base}/fields/new`, { ...field("Et andet valg"), type: "choice", choices_da: "Ja\nNej\nMåske", choices_en: "Yes\nNo" });
    expect(uneven.status).toBe(422);
    expect(await uneven.text()).toContain("lige så mange muligheder");
    const budget = await admin.post(`${base}/fields/new`, { ...field("Endnu et budget"), type: "budget" });
    expect(budget.status).toBe(422);
    const noLabel = await admin.post(`${base}/fields/new`, field(""));
    expect(noLabel.status).toBe(422);
    expect(await noLabel.text()).toContain("Skriv feltets overskrift");
    const moveAbove = await admin.post(`${base}/change`, { op: "fieldUp", key: "hvorHarISoegt" });
    expect(moveAbove.status).toBe(303);
    const breaks = await admin.post(`${base}/change`, { op: "fieldUp", key: "hvorHarISoegt" });
    expect(breaks.status).toBe(422);
    expect(await breaks.text()).toContain("skal stå efter det");
    const inUse = await admin.post(`${base}/change`, { op: "fieldRemove", key: "harISoegtAndreSteder" });
    expect(inUse.status).toBe(422);
    await admin.post(`${base}/change`, { op: "fieldDown", key: "hvorHarISoegt" });
    expect(JSON.stringify((await latest()).definition)).toBe(before);
  });

  it("renames and adds sections", async () => {
    expect((await admin.post(`${base}/sections/project`, { title_da: "Projektet", title_en: "The project", help_da: "", help_en: "" })).status).toBe(303);
    expect(
      (await admin.post(`${base}/sections/new`, { title_da: "Samarbejde", title_en: "", help_da: "Hvem arbejder I sammen med?", help_en: "" })).status,
    ).toBe(303);
    const v = await latest();
    expect(v.definition.sections.map((s) => [s.key, s.title.da])).toEqual([
      ["project", "Projektet"],
      ["economy", "Økonomi"],
      ["attachments", "Bilag"],
      ["samarbejde", "Samarbejde"],
    ]);
  });

  it("saves a new version once an application was made on the form; the application keeps the old one", async () => {
    const club = await createAssociation(t.db, a, "Søndre Skakklub");
    const round = { id: newId(), tenantId: a.id, schemeId, title: "Forår", opensAt: "2026-11-01T00:00:00.000Z", deadlineAt: null, secondDeadlineAt: null };
    await repo.insertRound(t.db, a.id, {
      ...round,
      budget: 100,
      status: "open",
      decisionBody: "",
      decidedAt: null,
      createdAt: round.opensAt,
      updatedAt: round.opensAt,
    });
    const v1 = await latest();
    const now = clock.now().toISOString();
    const application: Application = {
      id: newId(),
      tenantId: a.id,
      roundId: round.id,
      schemeId,
      associationId: club.id,
      formVersionId: v1.id,
      reference: "2026-0001",
      status: "draft",
      title: "Skak for alle",
      amountRequested: 0,
      answers: {},
      profile: null,
      reopened: [],
      language: "da",
      createdBy: null,
      createdAt: now,
      updatedBy: null,
      updatedAt: now,
      submittedBy: null,
      submittedAt: null,
      eligibility: null,
      recommendedAmount: null,
      recommendation: null,
      recommendedBy: null,
      recommendedAt: null,
      decision: null,
      grantedAmount: null,
      decisionReason: null,
      decidedBy: null,
      decidedAt: null,
      letterSentAt: null,
    };
    await insertApplication(t.db, a.id, application);
    await repo.freezeFormVersion(t.db, a.id, v1.id, now);

    const page = await (await admin.get(base)).text();
    expect(page).toContain("1 ansøgning bruger version 1.");
    expect((await admin.post(`${base}/fields/new`, { ...field("Antal deltagere"), type: "number" })).status).toBe(303);
    const v2 = await latest();
    expect(v2.version).toBe(2);
    expect(v2.definition.sections[0]?.fields.at(-1)?.key).toBe("antalDeltagere");
    const kept = await repo.findFormVersion(t.db, a.id, v1.id);
    expect(kept?.definition).toEqual(v1.definition);
    const stored = await t.db.selectFrom("grant_applications").select("form_version_id").where("id", "=", application.id).executeTakeFirstOrThrow();
    expect(stored.form_version_id).toBe(v1.id);
    // A second change goes into version 2, which nobody has applied on.
    await admin.post(`${base}/change`, { op: "fieldRemove", key: "antalDeltagere" });
    expect(await versions()).toBe(2);
    expect((await latest()).definition.sections[0]?.fields.some((f) => f.key === "antalDeltagere")).toBe(false);
  });
});
