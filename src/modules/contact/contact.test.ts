import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  latestMail,
  linkIn,
  type TenantFixture,
  TestClock,
  type TestDb,
  testConfig,
  Visitor,
} from "../../../test/harness.js";
import { DAY_MS } from "../../platform/clock.js";
import { dataKeyring } from "../../platform/crypto/data-key.js";
import { jobContext } from "../../platform/service-context.js";
import { allTenants } from "../../platform/tenants/tenants.js";
import { personalData } from "./personal-data.js";
import { deleteOldEnquiries, remindUnanswered } from "./reminders.js";

/**
 * Contact that reaches the right person: a topic names who answers; the citizen's enquiry reaches that
 * person (and nobody else's inbox), the answer reaches the citizen by mail and by her private link,
 * the staff's note never does; reminders go once, closed enquiries are deleted after the tenant's period.
 */
describe.each(dialects())("contact that reaches the right person [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  // Sunday 22 November 2026, 11:00 in Copenhagen.
  const clock = new TestClock(new Date("2026-11-22T10:00:00.000Z"));
  let premisesTopic = "";
  let grantsTopic = "";
  let otherTenantTopic = "";
  let enquiryId = "";
  let followPath = "";

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    await createPerson(t.db, a, { email: "admin@a.test", name: "Ada Admin", roles: ["tenant_admin"] });
    await createPerson(t.db, a, { email: "lokaler@a.test", name: "Lise Lokaler", roles: ["caseworker"] });
    await createPerson(t.db, a, { email: "tilskud@a.test", name: "Tove Tilskud", roles: ["staff"] });
    await createPerson(t.db, a, { email: "borger@a.test", name: "Carl Borger" });
    await createPerson(t.db, b, { email: "admin@b.test", roles: ["tenant_admin", "staff"] });
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const userId = async (email: string) => (await t.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  const topicForm = (name: string, unit: string, who: { staffUserId?: string; inboxEmail?: string }) => ({
    name_da: name,
    name_en: `${name} (en)`,
    unitName: unit,
    staffUserId: who.staffUserId ?? "",
    inboxEmail: who.inboxEmail ?? "",
    position: "1",
    active: "on",
  });
  const enquiryCount = async () => (await t.db.selectFrom("contact_enquiries").select("id").execute()).length;

  it("lets the administrator give topics to a staff person or a unit's inbox, resolved in the tenant", async () => {
    const admin = await as("admin@a.test");
    const from = "/contact/topics/new";
    // Someone of another tenant, or a citizen, cannot be made responsible.
    const stranger = await userId("admin@b.test");
    const bad = await admin.post(from, topicForm("Lokaler", "Kultur og Fritid", { staffUserId: stranger }), { from });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Vælg en medarbejder fra listen.");
    const citizen = await admin.post(from, topicForm("Lokaler", "Kultur og Fritid", { staffUserId: await userId("borger@a.test") }), { from });
    expect(citizen.status).toBe(422);
    const none = await admin.post(from, topicForm("Lokaler", "Kultur og Fritid", {}), { from });
    expect(await none.text()).toContain("Vælg en medarbejder, eller skriv en fælles indbakke.");
    expect(await t.db.selectFrom("contact_topics").select("id").execute()).toEqual([]);

    expect((await admin.post(from, topicForm("Lokaler", "Kultur og Fritid", { staffUserId: await userId("lokaler@a.test") }), { from })).status).toBe(303);
    expect((await admin.post(from, topicForm("Tilskud", "Frivilligcentret", { staffUserId: await userId("tilskud@a.test") }), { from })).status).toBe(303);
    expect((await admin.post(from, topicForm("Andet", "Borgerservice", { inboxEmail: "Borgerservice@A.test" }), { from })).status).toBe(303);
    const topics = await t.db.selectFrom("contact_topics").select(["id", "unit_name", "inbox_email"]).orderBy("unit_name").execute();
    premisesTopic = topics.find((x) => x.unit_name === "Kultur og Fritid")?.id ?? "";
    grantsTopic = topics.find((x) => x.unit_name === "Frivilligcentret")?.id ?? "";
    expect(topics.find((x) => x.unit_name === "Borgerservice")?.inbox_email).toBe("borgerservice@a.test");

    const adminB = await as("admin@b.test", "b.test");
    expect((await adminB.post(from, topicForm("Foreninger", "Kommunen B", { inboxEmail: "b@b.test" }), { from })).status).toBe(303);
    otherTenantTopic = (await t.db.selectFrom("contact_topics").select("id").where("tenant_id", "=", b.id).executeTakeFirstOrThrow()).id;
    // Another tenant's administrator cannot open or change this tenant's topic.
    expect((await adminB.get(`/contact/topics/${premisesTopic}`)).status).toBe(404);
    // Staff and citizens have no say over topics.
    expect((await (await as("tilskud@a.test")).get("/contact/topics")).status).toBe(403);
  });

  it("shows who to contact about what, never a staff person's own address", async () => {
    const html = await (await new Visitor(env.app, "a.test").get("/contact/who")).text();
    expect(html).toContain("Kultur og Fritid");
    expect(html).toContain("borgerservice@a.test");
    expect(html).not.toContain("lokaler@a.test");
    expect(html).not.toContain("tilskud@a.test");
    expect(html).not.toContain("Kommunen B");
  });

  it("refuses bad input with a clear word and writes nothing", async () => {
    const citizen = new Visitor(env.app, "a.test");
    const form = { name: "Karen Holm", email: "karen@example.test", phone: "", topicId: premisesTopic, message: "Kan vi låne salen?" };
    const cases: [Record<string, string>, string][] = [
      [{ ...form, topicId: "" }, "Vælg, hvad det handler om."],
      [{ ...form, topicId: "no-such-topic" }, "Vælg et af emnerne på listen."],
      [{ ...form, topicId: otherTenantTopic }, "Vælg et af emnerne på listen."],
      [{ ...form, email: "karen-at-example" }, "e-mail"],
      [{ ...form, message: "x".repeat(4001) }, "Skriv højst 4.000 tegn."],
      [{ ...form, name: "" }, "Skriv dit navn."],
    ];
    for (const [fields, words] of cases) {
      const res = await citizen.post("/contact", fields, { from: "/contact" });
      expect([fields.topicId, res.status]).toEqual([fields.topicId, 422]);
      expect(await res.text()).toContain(words);
    }
    expect(await enquiryCount()).toBe(0);
    // Everything missing: the summary names the problems in the form's order, the topic first.
    const empty = await (await citizen.post("/contact", { name: "", email: "", phone: "", topicId: "", message: "" }, { from: "/contact" })).text();
    const summary = empty.slice(empty.indexOf("ds-error-summary"), empty.indexOf("</ul>", empty.indexOf("ds-error-summary")));
    const order = ["#f-topicId", "#f-name", "#f-email", "#f-message"].map((href) => summary.indexOf(href));
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it("fills in the signed-in person's name and address, which she may change", async () => {
    const signedIn = new Visitor(env.app, "a.test");
    await signedIn.signIn("borger@a.test");
    const page = await (await signedIn.get("/contact")).text();
    expect(page).toMatch(/name="name"[^>]*value="Carl Borger"|value="Carl Borger"[^>]*name="name"/);
    expect(page).toMatch(/name="email"[^>]*value="borger@a.test"|value="borger@a.test"[^>]*name="email"/);
    expect(await (await new Visitor(env.app, "a.test").get("/contact")).text()).not.toContain("Carl Borger");
  });

  it("brings a citizen's enquiry to the topic's person only, who answers; the sender reads it by her link", async () => {
    const citizen = new Visitor(env.app, "a.test");
    const sent = await citizen.post(
      "/contact",
      {
        name: "Karen Holm",
        email: "Karen@Example.test",
        phone: "+45 12 34 56 78",
        topicId: premisesTopic,
        message: "Kan vores strikkeklub låne salen om tirsdagen?",
      },
      { from: "/contact" },
    );
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe("/contact/sent");
    const receipt = await latestMail(t.db, "karen@example.test");
    expect(receipt?.subject).toContain("Lokaler");
    followPath = linkIn(receipt?.text ?? "", "/contact/enquiries/follow/");
    const toStaff = await latestMail(t.db, "lokaler@a.test");
    expect(toStaff?.subject).toContain("Lokaler");
    enquiryId =
      linkIn(toStaff?.text ?? "", "/contact/enquiries/")
        .split("/")
        .pop() ?? "";
    expect(toStaff?.text).not.toContain("strikkeklub");
    expect(await latestMail(t.db, "tilskud@a.test")).toBeUndefined();

    // In Lise's inbox, not in Tove's (another topic), and not for another tenant.
    const lise = await as("lokaler@a.test");
    expect(await (await lise.get("/contact/enquiries")).text()).toContain("Karen Holm");
    const tove = await as("tilskud@a.test");
    expect(await (await tove.get("/contact/enquiries")).text()).not.toContain("Karen Holm");
    expect((await tove.get(`/contact/enquiries/${enquiryId}`)).status).toBe(404);
    expect((await tove.post(`/contact/enquiries/${enquiryId}/answer`, { answer: "Snyd" }, { from: "/contact/enquiries" })).status).toBe(404);
    expect((await (await as("admin@b.test", "b.test")).get(`/contact/enquiries/${enquiryId}`)).status).toBe(404);
    // A citizen, signed in or not, guessing the id.
    expect((await (await as("borger@a.test")).get(`/contact/enquiries/${enquiryId}`)).status).toBe(404);
    expect([302, 303, 401]).toContain((await new Visitor(env.app, "a.test").get(`/contact/enquiries/${enquiryId}`)).status);
    // The administrator sees all.
    expect(await (await (await as("admin@a.test")).get("/contact/enquiries")).text()).toContain("Karen Holm");

    // Her start page tells Lise what waits.
    expect(await (await lise.get("/start")).text()).toContain("1 henvendelse venter på svar");

    // A note for the staff, then the answer.
    expect((await lise.post(`/contact/enquiries/${enquiryId}/note`, { note: "HEMMELIG NOTE: ring til skolen" }, { from: "/contact/enquiries" })).status).toBe(
      303,
    );
    expect((await lise.post(`/contact/enquiries/${enquiryId}/answer`, { answer: "" }, { from: "/contact/enquiries" })).status).toBe(422);
    const answered = await lise.post(
      `/contact/enquiries/${enquiryId}/answer`,
      { answer: "Ja, salen er ledig tirsdag kl. 19." },
      { from: "/contact/enquiries" },
    );
    expect(answered.status).toBe(303);
    const answer = await latestMail(t.db, "karen@example.test");
    expect(answer?.text).toContain("Ja, salen er ledig tirsdag kl. 19.");
    expect(answer?.text).not.toContain("HEMMELIG");

    const page = await (await new Visitor(env.app, "a.test").get(followPath)).text();
    expect(page).toContain("Ja, salen er ledig tirsdag kl. 19.");
    expect(page).toContain("Besvaret");
    expect(page).not.toContain("HEMMELIG");
    expect(page).not.toContain("Lise Lokaler");
  });

  it("answers a wrong or guessed follow link, or one of another tenant, with a 404", async () => {
    const v = new Visitor(env.app, "a.test");
    expect((await v.get("/contact/enquiries/follow/not-the-token-at-all-000000000")).status).toBe(404);
    expect((await v.get(`/contact/enquiries/follow/${enquiryId}`)).status).toBe(404);
    expect((await new Visitor(env.app, "b.test").get(followPath)).status).toBe(404);
  });

  it("moves an enquiry to another topic, whose person is told and now sees it", async () => {
    const citizen = new Visitor(env.app, "a.test");
    await citizen.post(
      "/contact",
      { name: "Jens Jensen", email: "jens@example.test", topicId: premisesTopic, message: "Om tilskud til vores klub." },
      { from: "/contact" },
    );
    const id =
      linkIn((await latestMail(t.db, "lokaler@a.test"))?.text ?? "", "/contact/enquiries/")
        .split("/")
        .pop() ?? "";
    const lise = await as("lokaler@a.test");
    expect((await lise.post(`/contact/enquiries/${id}/move`, { topicId: otherTenantTopic }, { from: "/contact/enquiries" })).status).toBe(422);
    expect((await lise.post(`/contact/enquiries/${id}/move`, { topicId: grantsTopic }, { from: "/contact/enquiries" })).status).toBe(303);
    expect((await latestMail(t.db, "tilskud@a.test"))?.subject).toContain("Tilskud");
    expect((await lise.get(`/contact/enquiries/${id}`)).status).toBe(404);
    expect(await (await (await as("tilskud@a.test")).get("/contact/enquiries")).text()).toContain("Jens Jensen");
  });

  it("reminds the responsible person once when the deadline passes, then the administrators", async () => {
    const [tenant] = (await allTenants(t.db)).filter((x) => x.id === a.id);
    if (!tenant) throw new Error("no tenant");
    const ctx = () => jobContext({ db: t.db, clock, config: env.config }, tenant);
    const reminders = async (to: string) =>
      (await t.db.selectFrom("mail_outbox").select("subject").where("to_address", "=", to).execute()).filter((m) => m.subject.includes("venter på svar"))
        .length;
    await remindUnanswered(ctx());
    expect(await reminders("tilskud@a.test")).toBe(0);
    clock.advance(6 * DAY_MS);
    await remindUnanswered(ctx());
    await remindUnanswered(ctx());
    expect(await reminders("tilskud@a.test")).toBe(1);
    const escalations = async () => (await t.db.selectFrom("mail_outbox").select("subject").where("to_address", "=", "admin@a.test").execute()).length;
    expect(await escalations()).toBe(0);
    clock.advance(4 * DAY_MS);
    await remindUnanswered(ctx());
    await remindUnanswered(ctx());
    expect(await escalations()).toBe(1);
  });

  it("hands a sender's enquiries over by her address and forgets them; deletes closed ones after the tenant's period", async () => {
    const subject = { tenantId: a.id, userId: null, email: "jens@example.test" };
    const data = (await personalData.read(t.db, dataKeyring(testConfig()), subject)) as { contact_enquiries: { message: string }[] };
    expect(data.contact_enquiries.map((e) => e.message)).toEqual(["Om tilskud til vores klub."]);
    await personalData.erase(t.db, subject, { clock, pseudonym: "x" });
    expect(await t.db.selectFrom("contact_enquiries").select("id").where("sender_email", "=", "jens@example.test").execute()).toEqual([]);

    const lise = await as("lokaler@a.test");
    expect((await lise.post(`/contact/enquiries/${enquiryId}/close`, {}, { from: "/contact/enquiries" })).status).toBe(303);
    const [tenant] = (await allTenants(t.db)).filter((x) => x.id === a.id);
    if (!tenant) throw new Error("no tenant");
    await deleteOldEnquiries(jobContext({ db: t.db, clock, config: env.config }, tenant));
    expect(await enquiryCount()).toBe(1);
    clock.advance(366 * DAY_MS);
    await deleteOldEnquiries(jobContext({ db: t.db, clock, config: env.config }, tenant));
    expect(await enquiryCount()).toBe(0);
  });
});
