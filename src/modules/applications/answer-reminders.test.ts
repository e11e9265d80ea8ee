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
  Visitor,
} from "../../../test/harness.js";
import { newId } from "../../platform/ids.js";
import { remindUnanswered } from "./answer-reminders.js";

const DAY = 24 * 3600_000;

describe.each(dialects())("the applicant who never hears back [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  const clock = new TestClock();
  let job: { id: string };

  const apply = async (name: string, email: string) => {
    const id = newId();
    const now = clock.now().toISOString();
    await t.db
      .insertInto("applications")
      .values({
        id,
        tenant_id: a.id,
        opportunity_id: job.id,
        user_id: null,
        name,
        email,
        phone: null,
        message: "Jeg vil gerne",
        status: "new",
        created_at: now,
        confirmed_at: now,
        first_answer_at: null,
        updated_at: now,
      })
      .execute();
    return id;
  };
  const mailsTo = async (to: string) =>
    await t.db.selectFrom("mail_outbox").select(["subject", "text"]).where("to_address", "=", to).orderBy("created_at").execute();
  const run = () => remindUnanswered({ db: t.db, clock, config: env.config, mailer: env.mailer });

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    const other = await createTenant(t.db, { slug: "b", host: "b.test" });
    await t.db.updateTable("tenants").set({ answer_nudge_days: 5, answer_escalate_days: 10 }).execute();
    const club = await createAssociation(t.db, a, "Gåklubben");
    await createPerson(t.db, a, { email: "admin@gaa.test", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, other, { email: "staff@b.test", roles: ["staff"] });
    job = await createPublishedJob(t.db, a, club, { title: "Turleder onsdag" });
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  it("reminds the association once after the tenant's days, tells the centre once after the second period, and stops when answered", async () => {
    const waiting = await apply("Ole Olsen", "ole@example.org");
    const answered = await apply("Else Eg", "else@example.org");

    clock.advance(4 * DAY);
    await run();
    expect(await mailsTo("kontakt@forening.test")).toEqual([]);

    const admin = new Visitor(env.app, "a.test");
    await admin.signIn("admin@gaa.test");
    await admin.post(`/opportunities/${job.id}/applications/${answered}/messages`, { body: "Hej Else, vi ringer i morgen." }, { from: "/" });

    clock.advance(1 * DAY + 1000);
    await run();
    await run();
    const nudges = await mailsTo("kontakt@forening.test");
    // The mail names no applicant; the link leads to them, for those allowed to see.
    expect(nudges.map((m) => m.subject)).toEqual(["Turleder onsdag: en ansøger venter på svar"]);
    expect(nudges[0]?.text).not.toContain("Ole");
    expect(nudges[0]?.text).toContain(`http://a.test/opportunities/${job.id}/applications/${waiting}`);
    expect(await mailsTo("kontakt@a.test")).toEqual([]);

    clock.advance(5 * DAY);
    await run();
    await run();
    const escalations = await mailsTo("kontakt@a.test");
    expect(escalations.map((m) => m.subject)).toEqual(["En ansøger har ikke fået svar: Turleder onsdag"]);
    expect(escalations[0]?.text).not.toContain("Ole");

    const staff = new Visitor(env.app, "a.test");
    await staff.signIn("staff@a.test");
    const page = await (await staff.get("/opportunities/waiting")).text();
    expect(page).toContain("Ole Olsen");
    expect(page).not.toContain("Else Eg");
    const waitingCsv = await (await staff.get("/opportunities/waiting.csv")).text();
    expect(waitingCsv).toContain("Ole Olsen;Turleder onsdag");
    expect(waitingCsv).not.toContain("Else Eg");
    const adminNow = new Visitor(env.app, "a.test");
    await adminNow.signIn("admin@gaa.test");
    expect((await adminNow.get("/opportunities/waiting")).status).toBe(403);
    expect((await adminNow.get("/opportunities/waiting.csv")).status).toBe(403);
    const foreign = new Visitor(env.app, "b.test");
    await foreign.signIn("staff@b.test");
    expect(await (await foreign.get("/opportunities/waiting")).text()).not.toContain("Ole Olsen");

    // The centre steps in by writing to the applicant; then nobody is waiting.
    expect(
      (await staff.post(`/opportunities/${job.id}/applications/${waiting}/messages`, { body: "Hej Ole, jeg hjælper dig videre." }, { from: "/" })).status,
    ).toBe(303);
    expect(await (await staff.get("/opportunities/waiting")).text()).toContain("Ingen venter for længe");

    // The centre's figures count both applicants as answered this month; associations do not see them.
    const csv = await (await staff.get("/opportunities/figures.csv")).text();
    expect(csv).toMatch(/\nnovember 2026;1;2;2;[\d,]+;0\n/);
    expect(await (await staff.get("/opportunities/figures")).text()).toContain("Dage til første svar");
    expect((await adminNow.get("/opportunities/figures")).status).toBe(403);
  });
});
