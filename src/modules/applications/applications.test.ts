import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPublishedJob } from "../../../test/factories/opportunity.factory.js";
import {
  createAssociation,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  latestMail,
  linkIn,
  type TenantFixture,
  type TestDb,
  testConfig,
  Visitor,
} from "../../../test/harness.js";

describe.each(dialects())("applications for a volunteer job [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let job: { id: string };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    const lektie = await createAssociation(t.db, a, "Lektiecaféen");
    const other = await createAssociation(t.db, a, "Gåklubben");
    await createPerson(t.db, a, { email: "admin@lektie.test", name: "Lise Lektie", memberships: [{ associationId: lektie.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "admin@gaa.test", memberships: [{ associationId: other.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "borger@a.test", name: "Bo Borger" });
    job = await buildPublishedJob(t.db, a, lektie, { title: "Lektiehjælper for børn i 4.-6. klasse", contactEmail: "admin@lektie.test" });
    env = createTestApp(t.db);
  });
  afterAll(() => t.destroy());

  const count = async (table: "applications") => (await t.db.selectFrom(table).select("id").execute()).length;

  async function adminOf(email = "admin@lektie.test") {
    const v = new Visitor(env.app, a.host);
    await v.signIn(email);
    return v;
  }

  it("takes an application without an account once the e-mail is confirmed, and the association works it", async () => {
    const id = job.id;
    const citizen = new Visitor(env.app, a.host);
    const bad = await citizen.post(
      `/opportunities/${id}/apply`,
      { name: "Nina", email: "nina@", phone: "", message: "Jeg vil gerne" },
      { from: `/opportunities/${id}` },
    );
    expect(bad.status).toBe(422);
    expect(await count("applications")).toBe(0);

    const res = await citizen.post(
      `/opportunities/${id}/apply`,
      { name: "Nina Nielsen", email: "nina@example.org", phone: "", message: "Jeg er lærer på pension." },
      { from: `/opportunities/${id}` },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("nina@example.org");
    const admin = await adminOf();
    expect(await (await admin.get(`/opportunities/${id}/applications`)).text()).not.toContain("Nina Nielsen");

    const confirm = linkIn((await latestMail(t.db, "nina@example.org"))?.text ?? "", "/applications/confirm");
    expect((await citizen.get(confirm)).status).toBe(200);
    expect((await latestMail(t.db, "admin@lektie.test"))?.subject).toBe("Ny ansøger: Lektiehjælper for børn i 4.-6. klasse");
    // A second click shows the application sent, and tells the association nothing more.
    expect((await citizen.get(confirm)).status).toBe(200);

    const pipeline = await (await admin.get(`/opportunities/${id}/applications`)).text();
    expect(pipeline).toContain("Nina Nielsen");
    const application = await t.db.selectFrom("applications").select(["id", "status", "first_answer_at"]).executeTakeFirstOrThrow();
    expect(application).toMatchObject({ status: "new", first_answer_at: null });
    expect((await admin.post(`/opportunities/${id}/applications/${application.id}`, { status: "contacted" }, { from: "/" })).status).toBe(303);
    const moved = await t.db.selectFrom("applications").select(["status", "first_answer_at"]).executeTakeFirstOrThrow();
    expect(moved.status).toBe("contacted");
    const csv = await admin.get(`/opportunities/${id}/applications.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(await csv.text()).toMatch(/Nina Nielsen;nina@example.org;;Jeg er lærer på pension\.;\d{1,2}\. [a-z]+\.? \d{4},? \d{2}\.\d{2};Kontaktet/);
    expect(moved.first_answer_at).not.toBeNull();
    expect((await admin.post(`/opportunities/${id}/applications/${application.id}`, { status: "hired!" }, { from: "/" })).status).toBe(422);
  });

  it("lets the association and the applicant write to each other, threaded by the link in the e-mail", async () => {
    const application = await t.db
      .selectFrom("applications")
      .select(["id", "opportunity_id"])
      .where("email", "=", "nina@example.org")
      .executeTakeFirstOrThrow();
    const thread = `/opportunities/${application.opportunity_id}/applications/${application.id}`;
    const admin = await adminOf();
    const messages = async () => (await t.db.selectFrom("application_messages").select(["sender", "body"]).orderBy("created_at").execute()).length;

    const empty = await admin.post(`${thread}/messages`, { body: "  " }, { from: thread });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("Skriv en besked, før du sender.");
    expect(await messages()).toBe(0);

    const sent = await admin.post(`${thread}/messages`, { body: "Hej Nina. Kan du komme forbi tirsdag kl. 16? <b>Vi glæder os</b>" }, { from: thread });
    expect(sent.status).toBe(303);
    const mail = await latestMail(t.db, "nina@example.org");
    expect(mail?.subject).toBe("Besked fra Lektiecaféen");
    // The mail says there is a message, not what it says: the text stays sealed in Sammen.
    expect(mail?.text).toContain("Læs beskeden og svar i Sammen.");
    expect(`${mail?.text}${mail?.html}`).not.toContain("tirsdag kl. 16");
    const reply = linkIn(mail?.text ?? "", "/applications/thread");

    const citizen = new Visitor(env.app, a.host);
    const page = await (await citizen.get(reply)).text();
    expect(page).toContain("Kan du komme forbi tirsdag kl. 16? &lt;b&gt;Vi glæder os&lt;/b&gt;");
    expect(page).toContain("Jeg er lærer på pension.");
    const key = new URL(`http://x${reply}`).searchParams.get("key") ?? "";
    const answered = await citizen.post("/applications/thread", { key, body: "Ja, det passer fint." }, { from: reply });
    expect(answered.status).toBe(303);
    const toAssociation = await latestMail(t.db, "admin@lektie.test");
    expect(toAssociation?.subject).toBe("Svar fra ansøgeren om Lektiehjælper for børn i 4.-6. klasse");
    expect(`${toAssociation?.text}${toAssociation?.html}`).not.toMatch(/Nina|passer fint/);
    const both = await (await admin.get(thread)).text();
    expect(both.indexOf("Kan du komme forbi")).toBeLessThan(both.indexOf("Ja, det passer fint."));
    expect(await (await citizen.get(reply)).text()).toContain("Ja, det passer fint.");

    // From the wrong side: a forged or foreign key, another association, another tenant.
    expect((await citizen.get(`/applications/thread?key=${application.id}.forged`)).status).toBe(404);
    expect((await citizen.post("/applications/thread", { key: `${application.id}.forged`, body: "Hej" }, { from: "/" })).status).toBe(404);
    expect((await new Visitor(env.app, b.host).get(reply)).status).toBe(404);
    const otherAdmin = await adminOf("admin@gaa.test");
    expect((await otherAdmin.get(thread)).status).toBe(403);
    expect((await otherAdmin.post(`${thread}/messages`, { body: "Hej" }, { from: "/" })).status).toBe(403);
    expect(await messages()).toBe(2);
  });

  it("takes a signed-in person's application at once and lists it on their page", async () => {
    const id = job.id;
    const citizen = new Visitor(env.app, a.host);
    await citizen.signIn("borger@a.test");
    const res = await citizen.post(
      `/opportunities/${id}/apply`,
      { name: "Bo Borger", email: "borger@a.test", phone: "+45 12 34 56 78", message: "Tirsdage passer mig fint." },
      { from: `/opportunities/${id}` },
    );
    expect(await res.text()).toContain("Lektiecaféen har fået din ansøgning");
    const mine = await (await citizen.get("/applications/mine")).text();
    expect(mine).toContain("Lektiehjælper for børn i 4.-6. klasse");
    expect(mine).toContain("Ny");
    const data = await (await citizen.get("/account/data.json")).json();
    expect(data.applications).toEqual([expect.objectContaining({ volunteer_job: "Lektiehjælper for børn i 4.-6. klasse", status: "new" })]);
  });

  it("limits applications that mail an unconfirmed address, per sender and per inbox, and keeps what was written", async () => {
    const proxied = createTestApp(t.db, { config: testConfig({ TRUST_PROXY: "true" }) });
    const limit = proxied.config.RATE_LIMIT_PER_15_MIN;
    const id = job.id;
    const from = (address: string) => new Visitor(proxied.app, a.host, { "x-forwarded-for": address });
    const apply = (who: Visitor, email: string, message = "Jeg vil gerne hjælpe om tirsdagen.") =>
      who.post(`/opportunities/${id}/apply`, { name: "Nogen", email, phone: "", message }, { from: `/opportunities/${id}` });
    const mailsTo = async (to: string) => (await t.db.selectFrom("mail_outbox").select("id").where("to_address", "=", to).execute()).length;

    const sender = from("203.0.113.50");
    for (let i = 0; i < limit; i += 1) expect((await apply(sender, `modtager${i}@example.org`)).status).toBe(200);
    const refused = await apply(sender, "endnu-en@example.org", "Mine egne ord om hvorfor.");
    expect(refused.status).toBe(429);
    const html = await refused.text();
    expect(html).toContain("Der er sendt for mange ansøgninger herfra eller til denne e-mailadresse");
    expect(html).toContain('value="endnu-en@example.org"');
    expect(html).toContain("Mine egne ord om hvorfor.");
    expect(await mailsTo("endnu-en@example.org")).toBe(0);

    for (let i = 0; i < limit; i += 1) expect((await apply(from(`198.51.100.${i + 1}`), "offer@example.org")).status).toBe(200);
    expect((await apply(from("198.51.100.200"), "offer@example.org")).status).toBe(429);
    expect(await mailsTo("offer@example.org")).toBe(limit);
  });
});
