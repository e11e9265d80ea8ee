import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, createTenant, createTestApp, createTestDb, dialects, TestClock, type TestDb, testConfig, Visitor } from "../../../test/harness.js";
import { startSmtp } from "../../../test/smtp.js";
import { translator } from "../i18n/i18n.js";
import { resolveTenant } from "../tenants/tenants.js";
import { createMailer } from "./mailer.js";
import { messageIdOf, queueMail, sendMailHandler } from "./outbox.js";
import { renderMail } from "./template.js";

describe.each(dialects())("mail through SMTP [%s]", (dialect) => {
  let t: TestDb;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let env: ReturnType<typeof createTestApp>;
  let tenantId: string;
  const host = "a.test";

  beforeAll(async () => {
    t = await createTestDb(dialect);
    smtp = await startSmtp();
    const tenant = await createTenant(t.db, { slug: "a", host, isDefault: true });
    tenantId = tenant.id;
    await createPerson(t.db, tenant, { email: "nora@a.test" });
    env = createTestApp(t.db, { config: testConfig({ SMTP_URL: smtp.url, MAIL_FROM: "Sammen <no-reply@a.test>" }) });
  });
  afterAll(async () => {
    await smtp.stop();
    await t.destroy();
  });

  it("sends the queued mail in the person's language as HTML and text, and marks it sent", async () => {
    const nb = new Visitor(env.app, host, { "accept-language": "nb" });
    await nb.post("/password/forgot", { email: "nora@a.test" }, { from: "/password/forgot" });
    expect(smtp.received).toHaveLength(0);
    await env.drainJobs();
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    expect(mail?.to).toEqual(["nora@a.test"]);
    expect(mail?.subject).toBe("Nytt passord til Test a");
    expect(mail?.text).toContain("Lenken virker i én time.");
    expect(mail?.text).toMatch(/http:\/\/a\.test\/password\/reset\?token=\S+/);
    expect(mail?.html).toContain('<html lang="nb">');
    expect(mail?.html).toContain("Velg nytt passord</a>");
    const row = await t.db.selectFrom("mail_outbox").select(["status", "sent_at"]).executeTakeFirstOrThrow();
    expect(row.status).toBe("sent");
    expect(row.sent_at).not.toBeNull();
  });

  it("hides the dev mailbox when SMTP is set", async () => {
    expect((await new Visitor(env.app, host).get("/dev/mailbox")).status).toBe(404);
  });

  it("keeps a mail queued for another try when the SMTP server is down", async () => {
    const down = createTestApp(t.db, { config: testConfig({ SMTP_URL: "smtp://127.0.0.1:9" }) });
    await new Visitor(down.app, host).post("/password/forgot", { email: "nora@a.test" }, { from: "/password/forgot" });
    await down.drainJobs();
    const row = await t.db
      .selectFrom("mail_outbox")
      .select(["status", "last_error"])
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("failed");
    const job = await t.db
      .selectFrom("jobs")
      .select(["status", "attempts"])
      .where("name", "=", "mail.send")
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ status: "queued", attempts: 1 });
  });

  /** A mail in the outbox, and a sender as each worker running its job would have. */
  async function outboxMail(to: string) {
    const clock = new TestClock();
    const tenant = (await resolveTenant(t.db, host))?.tenant;
    if (!tenant) throw new Error("no tenant");
    const mail = renderMail(translator("da"), tenant, { subject: "Din booking", paragraphs: ["Den er godkendt."] });
    const id = await queueMail(t.db, clock, { tenantId, to, mail });
    const send = () =>
      sendMailHandler(t.db, clock, createMailer({ SMTP_URL: smtp.url, MAIL_FROM: "Sammen <no-reply@a.test>" }))({ id }, { id: "job", tenantId, attempts: 1 });
    return { id, clock, send };
  }
  const receivedBy = (to: string) => smtp.received.filter((m) => m.to.includes(to));

  it("sends a mail claimed twice once, with a Message-ID of its own", async () => {
    const { id, send } = await outboxMail("twice@a.test");
    const results = await Promise.allSettled([send(), send()]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(receivedBy("twice@a.test")).toHaveLength(1);
    expect(receivedBy("twice@a.test")[0]?.messageId).toBe(messageIdOf(id, "no-reply@a.test"));
    expect(messageIdOf(id, "Sammen <no-reply@a.test>")).toBe(`<${id}@a.test>`);
    // The job that lost the race runs again later and finds the mail sent.
    await send();
    expect(receivedBy("twice@a.test")).toHaveLength(1);
    expect(await t.db.selectFrom("mail_outbox").select(["status", "attempts"]).where("id", "=", id).executeTakeFirstOrThrow()).toEqual({
      status: "sent",
      attempts: 1,
    });
  });

  it("sends a mail again, under the same Message-ID, only once the worker that took it has surely died", async () => {
    const { id, clock, send } = await outboxMail("crashed@a.test");
    // A worker took it and died before SMTP answered.
    await t.db.updateTable("mail_outbox").set({ status: "sending", claimed_at: clock.now().toISOString() }).where("id", "=", id).execute();
    clock.advance(60_000);
    await expect(send()).rejects.toThrow("Another worker is sending this mail");
    expect(receivedBy("crashed@a.test")).toHaveLength(0);
    clock.advance(15 * 60_000);
    await send();
    expect(receivedBy("crashed@a.test").map((m) => m.messageId)).toEqual([`<${id}@a.test>`]);
  });
});
