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

const concreteTasks =
  "Du hjælper børn i 4.-6. klasse med lektierne to timer hver tirsdag på biblioteket. Du forklarer, lytter og hjælper dem i gang. Vi er altid mindst tre frivillige sammen.";

describe.each(dialects())("volunteer jobs and applications [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let lektie: { id: string };
  let other: { id: string };
  let category: string;
  let foreignCategory: string;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    lektie = await createAssociation(t.db, a, "Lektiecaféen");
    other = await createAssociation(t.db, a, "Gåklubben");
    await createPerson(t.db, a, { email: "admin@lektie.test", name: "Lise Lektie", memberships: [{ associationId: lektie.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "admin@gaa.test", memberships: [{ associationId: other.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "borger@a.test", name: "Bo Borger" });
    await createPerson(t.db, b, { email: "staff@b.test", roles: ["staff"] });
    category = (await t.db.selectFrom("taxonomy_terms").select("id").where("tenant_id", "=", a.id).where("code", "=", "learning").executeTakeFirstOrThrow()).id;
    foreignCategory = (
      await t.db.selectFrom("taxonomy_terms").select("id").where("tenant_id", "=", b.id).where("code", "=", "learning").executeTakeFirstOrThrow()
    ).id;
    env = createTestApp(t.db);
  });
  afterAll(() => t.destroy());

  const posting = (change: Record<string, string | string[]> = {}) => ({
    associationId: lektie.id,
    title: "Lektiehjælper for børn i 4.-6. klasse",
    categoryId: category,
    tasks: concreteTasks,
    benefits: "Et godt fællesskab, kaffe og et kursus i lektiehjælp hvert efterår.",
    commitment: "weekly",
    hoursPerWeek: "2",
    oneOffDate: "",
    place: "Sønderby Bibliotek",
    postcode: "8000",
    startDate: "2027-01-05",
    minAge: "18",
    needsCertificate: "on",
    languages: ["da", "en"],
    suits: ["young", "seniors"],
    contactName: "Lise Lektie",
    contactEmail: "admin@lektie.test",
    expiresOn: "2027-06-30",
    intent: "submit",
    ...change,
  });
  const count = async (table: "opportunities" | "applications") => (await t.db.selectFrom(table).select("id").execute()).length;

  async function adminOf(email = "admin@lektie.test") {
    const v = new Visitor(env.app, a.host);
    await v.signIn(email);
    return v;
  }

  it("holds back a vague posting with the checklist, keeps what was typed, and writes nothing", async () => {
    const v = await adminOf();
    const before = await count("opportunities");
    const res = await v.post("/opportunities/new", posting({ title: "Frivillige søges", tasks: "Hjælp os!" }), { from: "/opportunities" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Titlen siger, hvad opgaven er");
    expect(html).toContain("Opgaverne er beskrevet konkret");
    expect(html).toContain('value="Frivillige søges"');
    expect(await count("opportunities")).toBe(before);
  });

  it("previews a posting as volunteers will see it, with the checklist, and writes nothing", async () => {
    const v = await adminOf();
    const before = await count("opportunities");
    const res = await v.post("/opportunities/new", posting({ intent: "preview", title: "Lektiehjælper <i>hver tirsdag</i>" }), { from: "/opportunities" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Sådan ser opslaget ud");
    expect(html).toContain("Lektiehjælper &lt;i&gt;hver tirsdag&lt;/i&gt;");
    expect(html).toContain("Kræver børneattest");
    expect(html).toContain("2 timer om ugen");
    expect(html).toContain("Lektiecaféen");
    expect(await count("opportunities")).toBe(before);

    const vague = await v.post("/opportunities/new", posting({ intent: "preview", tasks: "Hjælp os!" }), { from: "/opportunities" });
    expect(vague.status).toBe(200);
    expect(await vague.text()).toContain("Opgaverne er beskrevet konkret");
    const outsider = await adminOf("admin@gaa.test");
    expect((await outsider.post("/opportunities/new", posting({ intent: "preview" }), { from: "/opportunities" })).status).toBe(403);
    expect(await count("opportunities")).toBe(before);
  });

  it("sends a good posting for approval; staff approve it; then everyone sees it", async () => {
    const v = await adminOf();
    const res = await v.post("/opportunities/new", posting(), { from: "/opportunities" });
    expect(res.status).toBe(303);
    const id = (res.headers.get("location") ?? "").split("/")[2]?.split("?")[0] ?? "";
    const anonymous = new Visitor(env.app, a.host);
    expect((await anonymous.get(`/opportunities/${id}`)).status).toBe(404);
    expect(await (await anonymous.get("/opportunities")).text()).not.toContain("Lektiehjælper for børn");

    const staff = new Visitor(env.app, a.host);
    await staff.signIn("staff@a.test");
    expect(await (await staff.get("/opportunities/moderation")).text()).toContain("Lektiehjælper for børn");
    expect((await staff.post(`/opportunities/${id}/decision`, { decision: "approve", note: "" }, { from: "/opportunities/moderation" })).status).toBe(303);
    expect((await latestMail(t.db, "admin@lektie.test"))?.subject).toBe("Jeres opslag er godkendt: Lektiehjælper for børn i 4.-6. klasse");

    const list = await (await anonymous.get("/opportunities")).text();
    expect(list).toContain("Lektiehjælper for børn i 4.-6. klasse");
    const page = await (await anonymous.get(`/opportunities/${id}`)).text();
    expect(page).toContain("Kræver børneattest");
    expect(page).toContain("2 timer om ugen");
  });

  it("shows an HTML payload in a job text as text", async () => {
    const v = await adminOf();
    const res = await v.post("/opportunities/new", posting({ tasks: `<script>alert("x")</script> ${concreteTasks}`, intent: "draft" }), {
      from: "/opportunities",
    });
    expect(res.status).toBe(303);
    const html = await (await v.get(res.headers.get("location") ?? "")).text();
    expect(html).not.toContain('<script>alert("x")</script>');
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  it.each([
    [{ expiresOn: "2020-01-01" }, "Udløbsdatoen skal ligge efter i dag"],
    [{ hoursPerWeek: "400" }, "Skriv et helt tal"],
    [{ contactEmail: "nope" }, "gyldig e-mailadresse"],
    [{ commitment: "one_off", oneOffDate: "" }, "Skriv datoen for et job"],
    [{ languages: ["klingon"] }, "Værdien er ikke gyldig"],
  ])("refuses %o and writes nothing", async (change, message) => {
    const v = await adminOf();
    const before = await count("opportunities");
    const res = await v.post("/opportunities/new", posting(change), { from: "/opportunities" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(message);
    expect(await count("opportunities")).toBe(before);
  });

  it("refuses a category from another tenant", async () => {
    const v = await adminOf();
    const before = await count("opportunities");
    expect((await v.post("/opportunities/new", posting({ categoryId: foreignCategory }), { from: "/opportunities" })).status).toBe(422);
    expect(await count("opportunities")).toBe(before);
  });

  it("keeps another association's admin, citizens and another tenant's staff away from the posting", async () => {
    const id = (await t.db.selectFrom("opportunities").select("id").where("status", "=", "published").executeTakeFirstOrThrow()).id;
    const otherAdmin = await adminOf("admin@gaa.test");
    expect((await otherAdmin.get(`/opportunities/${id}/edit`)).status).toBe(403);
    expect((await otherAdmin.get(`/opportunities/${id}/applications`)).status).toBe(403);
    expect((await otherAdmin.get(`/opportunities/${id}/applications.csv`)).status).toBe(403);
    expect((await otherAdmin.post("/opportunities/new", posting(), { from: "/opportunities" })).status).toBe(403);
    const citizen = new Visitor(env.app, a.host);
    await citizen.signIn("borger@a.test");
    expect((await citizen.get("/opportunities/moderation")).status).toBe(403);
    const foreign = new Visitor(env.app, b.host);
    await foreign.signIn("staff@b.test");
    expect((await foreign.get(`/opportunities/${id}`)).status).toBe(404);
    expect((await foreign.get(`/opportunities/${id}/applications`)).status).toBe(404);
    expect((await foreign.get(`/opportunities/${id}/applications.csv`)).status).toBe(404);
  });

  it("copies an earlier posting into a new form without its dates, for its own association only", async () => {
    const old = await t.db.selectFrom("opportunities").select(["id", "title"]).where("association_id", "=", lektie.id).executeTakeFirstOrThrow();
    const admin = await adminOf();
    const form = await (await admin.get(`/opportunities/new?association=${lektie.id}&from=${old.id}`)).text();
    expect(form).toContain(`value="${old.title}"`);
    expect(form).toMatch(/name="expiresOn"[^>]*value=""|name="expiresOn"(?![^>]*value=)/);
    expect(form).toContain('action="/opportunities/new"');
    const otherAdmin = await adminOf("admin@gaa.test");
    expect((await otherAdmin.get(`/opportunities/new?association=${other.id}&from=${old.id}`)).status).toBe(403);
    expect((await admin.get(`/opportunities/new?association=${other.id}&from=${old.id}`)).status).toBe(403);
  });

  it("asks staff for a note when sending a posting back", async () => {
    const v = await adminOf();
    const res = await v.post("/opportunities/new", posting({ title: "Lektiehjælper om torsdagen i Aby" }), { from: "/opportunities" });
    const id = (res.headers.get("location") ?? "").split("/")[2]?.split("?")[0] ?? "";
    const staff = new Visitor(env.app, a.host);
    await staff.signIn("staff@a.test");
    expect((await staff.post(`/opportunities/${id}/decision`, { decision: "reject", note: "" }, { from: "/" })).status).toBe(422);
    expect((await staff.post(`/opportunities/${id}/decision`, { decision: "reject", note: "Skriv hvilken klasse." }, { from: "/" })).status).toBe(303);
    expect((await latestMail(t.db, "admin@lektie.test"))?.text).toContain("Skriv hvilken klasse.");
  });
});
