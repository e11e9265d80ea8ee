import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAssociation,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  latestMail,
  type TenantFixture,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";

const tasks =
  "Du hjælper børn i 4.-6. klasse med lektierne to timer hver tirsdag på biblioteket. Du forklarer, lytter og hjælper dem i gang. Vi er altid mindst tre frivillige sammen.";

/** Under pre-moderation an edit of a published job waits beside it; the published job stays public and findable. */
describe.each(dialects())("changes to published jobs wait for approval [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let lektie: { id: string };
  let category: string;
  let id: string;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    const b = await createTenant(t.db, { slug: "b", host: "b.test" });
    lektie = await createAssociation(t.db, a, "Lektiecaféen");
    const other = await createAssociation(t.db, a, "Gåklubben");
    await createPerson(t.db, a, { email: "admin@lektie.test", name: "Lise Lektie", memberships: [{ associationId: lektie.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "admin@gaa.test", memberships: [{ associationId: other.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, b, { email: "staff@b.test", roles: ["staff"] });
    category = (await t.db.selectFrom("taxonomy_terms").select("id").where("tenant_id", "=", a.id).where("code", "=", "learning").executeTakeFirstOrThrow()).id;
    env = createTestApp(t.db);
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const posting = (change: Record<string, string | string[]> = {}) => ({
    associationId: lektie.id,
    title: "Lektiehjælper for børn i 4.-6. klasse",
    categoryId: category,
    tasks,
    benefits: "Et godt fællesskab, kaffe og et kursus i lektiehjælp hvert efterår.",
    commitment: "weekly",
    hoursPerWeek: "2",
    oneOffDate: "",
    place: "Sønderby Bibliotek",
    postcode: "8000",
    startDate: "2027-01-05",
    minAge: "18",
    languages: ["da"],
    suits: ["young"],
    contactName: "Lise Lektie",
    contactEmail: "admin@lektie.test",
    expiresOn: "2027-06-30",
    intent: "submit",
    ...change,
  });
  const publicPage = async () => (await new Visitor(env.app, "a.test").get(`/opportunities/${id}`)).text();
  const search = async (q: string) =>
    (
      (await (await new Visitor(env.app, "a.test").get(`/api/v1/search?q=${encodeURIComponent(q)}&kind=opportunity`)).json()) as { data: { id: string }[] }
    ).data.map((d) => d.id);

  it("shows staff a new posting with its text, checklist score, sender and date, and says what approving did", async () => {
    const admin = await as("admin@lektie.test");
    const res = await admin.post("/opportunities/new", posting(), { from: "/opportunities" });
    id = (res.headers.get("location") ?? "").split("/")[2]?.split("?")[0] ?? "";
    const staff = await as("staff@a.test");
    const queue = await (await staff.get("/opportunities/moderation")).text();
    expect(queue).toContain("Ny");
    expect(queue).toContain("Lektiecaféen · Lise Lektie");
    expect(queue).toContain("Du hjælper børn i 4.-6. klasse med lektierne");
    expect(queue).toMatch(/Tjekliste: \d af 7 opfyldt/);
    expect(queue).toMatch(/\d+ af 100 point/);
    const approved = await staff.post(`/opportunities/${id}/decision`, { decision: "approve", note: "" }, { from: "/opportunities/moderation" });
    expect(approved.headers.get("location")).toBe("/opportunities/moderation?notice=jobApproved");
    expect(await (await staff.get("/opportunities/moderation?notice=jobApproved")).text()).toContain(
      "Godkendt. Jobbet er offentligt, og foreningen har fået besked.",
    );
  });

  it("keeps the published job public and findable while an edit waits; staff see the difference; rejecting keeps it and mails why", async () => {
    const admin = await as("admin@lektie.test");
    const edit = await admin.post(`/opportunities/${id}/edit`, posting({ title: "Lektiehjælper til matematik i 4.-6. klasse", hoursPerWeek: "3" }), {
      from: `/opportunities/${id}/edit`,
    });
    expect(edit.headers.get("location")).toBe(`/opportunities/${id}?notice=changePending`);
    expect(await publicPage()).toContain("Lektiehjælper for børn i 4.-6. klasse");
    expect(await publicPage()).not.toContain("matematik");
    expect(await search("lektiehjælper")).toEqual([id]);
    expect(await search("matematik")).toEqual([]);
    expect(await (await admin.get(`/opportunities/${id}/edit`)).text()).toContain("Din ændring venter på godkendelse");

    const other = await as("admin@gaa.test");
    expect((await other.get("/opportunities/moderation")).status).toBe(403);
    expect((await other.post(`/opportunities/${id}/decision`, { decision: "approve", note: "" }, { from: "/" })).status).toBe(403);
    expect((await other.post(`/opportunities/${id}/withdraw-change`, {}, { from: "/" })).status).toBe(403);
    expect((await (await as("staff@b.test", "b.test")).post(`/opportunities/${id}/decision`, { decision: "approve", note: "" }, { from: "/" })).status).toBe(
      404,
    );

    const staff = await as("staff@a.test");
    const queue = await (await staff.get("/opportunities/moderation")).text();
    expect(queue).toContain("Ændring af en offentlig side");
    expect(queue).toMatch(/<del>2<\/del>/);
    expect(queue).toMatch(/<ins>3<\/ins>/);
    expect(queue).toContain("<ins>Lektiehjælper til matematik i 4.-6. klasse</ins>");
    const res = await staff.post(`/opportunities/${id}/decision`, { decision: "reject", note: "Skriv hvilke klassetrin." }, { from: "/" });
    expect(res.headers.get("location")).toBe("/opportunities/moderation?notice=changeRejected");
    expect(await publicPage()).toContain("Lektiehjælper for børn i 4.-6. klasse");
    expect((await latestMail(t.db, "admin@lektie.test"))?.text).toContain("Skriv hvilke klassetrin.");
  });

  it("puts an approved change in place of the published job, and search follows", async () => {
    const admin = await as("admin@lektie.test");
    await admin.post(`/opportunities/${id}/edit`, posting({ title: "Lektiehjælper til matematik i 4.-6. klasse" }), { from: "/" });
    const staff = await as("staff@a.test");
    await staff.post(`/opportunities/${id}/decision`, { decision: "approve", note: "" }, { from: "/" });
    expect(await publicPage()).toContain("Lektiehjælper til matematik i 4.-6. klasse");
    expect(await search("matematik")).toEqual([id]);
    const actions = (await t.db.selectFrom("audit_log").select("action").where("entity_id", "=", id).execute()).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["opportunity.change_submitted", "opportunity.change_rejected", "opportunity.change_approved"]));
  });
});
