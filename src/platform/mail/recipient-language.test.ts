import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAssociation,
  createPerson,
  createPublishedJob,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  type TenantFixture,
  TestClock,
  type TestDb,
  testConfig,
  Visitor,
} from "../../../test/harness.js";
import { startSmtp } from "../../../test/smtp.js";
import { remindRenewals } from "../../modules/opportunities/renewal-reminders.js";
import type { Lang } from "../i18n/i18n.js";
import { recipientLanguage } from "./recipient-language.js";

const tenant: { languages: Lang[]; defaultLanguage: Lang } = { languages: ["da", "nb", "en"], defaultLanguage: "da" };

describe("the language a mail goes in", () => {
  it("is the recipient's setting, else the language they used, else the tenant's default", () => {
    expect(recipientLanguage({ userLanguage: "en", usedLanguage: "nb", tenant })).toBe("en");
    expect(recipientLanguage({ userLanguage: null, usedLanguage: "nb", tenant })).toBe("nb");
    expect(recipientLanguage({ tenant })).toBe("da");
  });

  it("is only ever a language the tenant offers", () => {
    expect(recipientLanguage({ userLanguage: "nl", usedLanguage: "en", tenant })).toBe("en");
    expect(recipientLanguage({ userLanguage: "xx", usedLanguage: "nl", tenant })).toBe("da");
  });
});

describe.each(dialects())("mail in the recipient's language [%s]", (dialect) => {
  let t: TestDb;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  const clock = new TestClock();
  const host = "a.test";
  const received = (to: string) => smtp.received.filter((m) => m.to.includes(to));

  beforeAll(async () => {
    t = await createTestDb(dialect);
    smtp = await startSmtp();
    a = await createTenant(t.db, { slug: "a", host, isDefault: true });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    const contact = await createPerson(t.db, a, { email: "kontakt@forening.test" });
    await t.db.updateTable("users").set({ language: "en" }).where("id", "=", contact.id).execute();
    env = createTestApp(t.db, { clock, config: testConfig({ SMTP_URL: smtp.url, MAIL_FROM: "Sammen <no-reply@a.test>" }) });
  });
  afterAll(async () => {
    await smtp.stop();
    await t.destroy();
  });

  it("writes to a person whose setting is English in English, though the staff member who caused it browses in Danish", async () => {
    const club = await createAssociation(t.db, a, "Gåklubben");
    const job = await createPublishedJob(t.db, a, club, { title: "Turleder onsdag" });
    await t.db.updateTable("opportunities").set({ status: "pending", published_at: null }).where("id", "=", job.id).execute();
    const staff = new Visitor(env.app, host, { "accept-language": "da" });
    await staff.signIn("staff@a.test");
    expect(await (await staff.get("/opportunities/moderation")).text()).toContain('lang="da"');
    expect((await staff.post(`/opportunities/${job.id}/decision`, { decision: "approve", note: "" }, { from: "/opportunities/moderation" })).status).toBe(303);
    await env.drainJobs();
    const [approved] = received("kontakt@forening.test");
    expect(approved?.subject).toBe("Your posting is approved: Turleder onsdag");
    expect(approved?.html).toContain('<html lang="en">');
  });

  it("writes to someone without an account in the language they used", async () => {
    const club = await createAssociation(t.db, a, "Læseklubben");
    const job = await createPublishedJob(t.db, a, club, { title: "Højtlæser" });
    const applicant = new Visitor(env.app, host, { "accept-language": "nb" });
    const form = { name: "Kari", email: "kari@example.org", phone: "", message: "Jeg vil gjerne lese høyt." };
    expect((await applicant.post(`/opportunities/${job.id}/apply`, form, { from: `/opportunities/${job.id}` })).status).toBe(200);
    await env.drainJobs();
    const [confirm] = received("kari@example.org");
    expect(confirm?.subject).toBe("Bekreft søknaden din: Højtlæser");
    expect(confirm?.html).toContain('<html lang="nb">');
  });

  it("writes a scheduled reminder in the recipient's language too", async () => {
    const club = await createAssociation(t.db, a, "Svømmeklubben");
    await createPublishedJob(t.db, a, club, { title: "Svømmetræner", expiresOn: "2026-11-25" });
    smtp.received.length = 0;
    await remindRenewals({ db: t.db, clock, config: env.config, mailer: env.mailer });
    await env.drainJobs();
    expect(received("kontakt@forening.test").map((m) => m.subject)).toEqual(["Your posting runs out soon: Svømmetræner"]);
  });
});
