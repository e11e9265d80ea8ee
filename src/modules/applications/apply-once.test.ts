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
import { startSmtp } from "../../../test/smtp.js";

describe.each(dialects())("one application per person and job [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let a: TenantFixture;
  let job: { id: string };
  const title = "Lektiehjælper om tirsdagen";

  beforeAll(async () => {
    t = await createTestDb(dialect);
    smtp = await startSmtp();
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    const lektie = await createAssociation(t.db, a, "Lektiecaféen");
    await createPerson(t.db, a, { email: "admin@lektie.test", memberships: [{ associationId: lektie.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "bo@a.test", name: "Bo Borger" });
    job = await buildPublishedJob(t.db, a, lektie, { title, contactEmail: "admin@lektie.test" });
    env = createTestApp(t.db, { config: testConfig({ SMTP_URL: smtp.url, MAIL_FROM: "Sammen <no-reply@a.test>" }) });
  });
  afterAll(async () => {
    await smtp.stop();
    await t.destroy();
  });

  const rows = (email: string) => t.db.selectFrom("applications").select(["id", "status"]).where("email", "=", email).execute();
  const mails = async (to: string) =>
    t.db.selectFrom("mail_outbox").select(["subject"]).where("to_address", "=", to).orderBy("created_at").orderBy("id").execute();
  const applyAs = (v: Visitor, email: string, message = "Jeg har god tid om tirsdagen.") =>
    v.post(`/opportunities/${job.id}/apply`, { name: "Nina Nielsen", email, phone: "", message }, { from: `/opportunities/${job.id}` });

  it("keeps one application when the same address applies twice, sends a fresh link, and then tells of the first", async () => {
    const citizen = new Visitor(env.app, a.host);
    expect((await applyAs(citizen, "nina@example.org")).status).toBe(200);
    const again = await applyAs(citizen, "Nina@Example.org", "Anden gang");
    expect(again.status).toBe(200);
    expect(await again.text()).toContain("Vi har sendt en e-mail til nina@example.org");
    expect(await rows("nina@example.org")).toEqual([expect.objectContaining({ status: "unconfirmed" })]);
    expect((await mails("nina@example.org")).map((m) => m.subject)).toEqual([`Bekræft din ansøgning: ${title}`, `Bekræft din ansøgning: ${title}`]);

    // The fresh link confirms the first application, with its first message.
    const link = linkIn((await latestMail(t.db, "nina@example.org"))?.text ?? "", "/applications/confirm");
    const confirmed = await (await citizen.get(link)).text();
    expect(confirmed).toContain("Din ansøgning er sendt");
    expect(confirmed).toContain(`Din ansøgning om »${title}« blev sendt til Lektiecaféen den 22. november 2026.`);
    expect(await rows("nina@example.org")).toEqual([expect.objectContaining({ status: "new" })]);
    expect((await mails("admin@lektie.test")).length).toBe(1);

    // The same link again shows the application, not a broken link, and tells the association nothing more.
    const reused = await citizen.get(link);
    expect(reused.status).toBe(200);
    const html = await reused.text();
    expect(html).toContain(`blev sendt til Lektiecaféen den 22. november 2026.`);
    expect(html).toContain("Ny");
    expect(html).not.toContain("virker ikke");
    expect((await mails("admin@lektie.test")).length).toBe(1);

    // Applying a third time: still one row; the page says no more than before, the mail tells of the first.
    const third = await applyAs(new Visitor(env.app, a.host), "nina@example.org");
    expect(await third.text()).toContain("Vi har sendt en e-mail til nina@example.org");
    expect(await rows("nina@example.org")).toHaveLength(1);
    const told = await latestMail(t.db, "nina@example.org");
    expect(told?.subject).toBe(`Du har allerede søgt: ${title}`);
    expect(told?.text).toContain("den 22. november 2026");
    expect(told?.text).toContain("Status: Ny");
    expect((await mails("admin@lektie.test")).length).toBe(1);
  });

  it("shows a signed-in person their first application when they apply again", async () => {
    const bo = new Visitor(env.app, a.host);
    await bo.signIn("bo@a.test");
    expect(await (await applyAs(bo, "bo@a.test")).text()).toContain("Lektiecaféen har fået din ansøgning");
    const again = await applyAs(bo, "bo@a.test", "Igen");
    expect(again.status).toBe(200);
    const html = await again.text();
    expect(html).toContain("Du har allerede søgt denne opgave");
    expect(html).toContain(`Din ansøgning om »${title}« blev sendt til Lektiecaféen den 22. november 2026.`);
    expect(html).toContain('href="/applications/mine"');
    expect(await rows("bo@a.test")).toHaveLength(1);
  });

  it("makes one application of two sent at the same moment", async () => {
    const [one, two] = await Promise.all([
      applyAs(new Visitor(env.app, a.host), "samtidig@example.org"),
      applyAs(new Visitor(env.app, a.host), "samtidig@example.org"),
    ]);
    expect([one.status, two.status]).toEqual([200, 200]);
    expect(await rows("samtidig@example.org")).toHaveLength(1);
  });

  it("sends the applicant a receipt of what they sent, in the language they used", async () => {
    const visitor = new Visitor(env.app, a.host, { "accept-language": "en" });
    await applyAs(visitor, "emma@example.org", "I tutored maths for years.\nTuesdays suit me.");
    const link = linkIn((await latestMail(t.db, "emma@example.org"))?.text ?? "", "/applications/confirm");
    expect((await visitor.get(link)).status).toBe(200);
    await env.drainJobs();
    const receipt = smtp.received.find((m) => m.to.includes("emma@example.org") && m.subject.startsWith("Receipt"));
    expect(receipt?.subject).toBe(`Receipt for your application: ${title}`);
    expect(receipt?.text).toContain(`You applied for “${title}” with Lektiecaféen on 22 November 2026.`);
    // What they wrote stays sealed: the receipt names it and links to it, it does not repeat it.
    expect(receipt?.text).not.toContain("I tutored maths for years.");
    expect(receipt?.text).toContain("You can read what you wrote, and answer, in your conversation with the association:");
    expect(receipt?.text).toContain("/applications/thread?key=");
    expect(receipt?.html).toContain('<html lang="en">');
  });
});
