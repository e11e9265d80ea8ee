import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, createTenant, createTestApp, createTestDb, dialects, type TestDb, testConfig, Visitor } from "../../../test/harness.js";
import { startSmtp } from "../../../test/smtp.js";

describe.each(dialects())("mail through SMTP [%s]", (dialect) => {
  let t: TestDb;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let env: ReturnType<typeof createTestApp>;
  const host = "a.test";

  beforeAll(async () => {
    t = await createTestDb(dialect);
    smtp = await startSmtp();
    const tenant = await createTenant(t.db, { slug: "a", host, isDefault: true });
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
});
