import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAssociation,
  createPerson,
  createPublishedJob,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  latestMail,
  linkIn,
  type TenantFixture,
  TestClock,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";
import { remindUnanswered } from "../applications/answer-reminders.js";

describe.each(dialects())("who read a person's data [%s]", (dialect) => {
  let t: TestDb;
  let a: TenantFixture;
  let env: ReturnType<typeof createTestApp>;
  const clock = new TestClock();
  let job: { id: string };
  let applicationId: string;
  let ole: string;
  let staffId: string;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    const b = await createTenant(t.db, { slug: "b", host: "b.test" });
    const club = await createAssociation(t.db, a, "Gåklubben");
    job = await createPublishedJob(t.db, a, club, { title: "Turleder" });
    await createPerson(t.db, a, { email: "admin@gaa.test", memberships: [{ associationId: club.id, role: "admin" }] });
    staffId = (await createPerson(t.db, a, { email: "staff@a.test", name: "Sofie Staff", roles: ["staff"] })).id;
    await createPerson(t.db, a, { email: "chef@a.test", roles: ["tenant_admin"] });
    await createPerson(t.db, b, { email: "chef@b.test", roles: ["tenant_admin"] });
    ole = (await createPerson(t.db, a, { email: "ole@a.test", name: "Ole Olsen" })).id;
    env = createTestApp(t.db, { clock });
    const applicant = new Visitor(env.app, "a.test");
    await applicant.post(`/opportunities/${job.id}/apply`, { name: "Ole Olsen", email: "ole@a.test", phone: "", message: "Gerne om onsdagen." }, { from: "/" });
    await applicant.get(linkIn((await latestMail(t.db, "ole@a.test"))?.text ?? "", "/applications/confirm"));
    applicationId = (await t.db.selectFrom("applications").select("id").executeTakeFirstOrThrow()).id;
    clock.advance(11 * 24 * 3600_000);
    await remindUnanswered({ db: t.db, clock, config: env.config, mailer: env.mailer });
  });
  afterAll(() => t.destroy());

  const as = async (email: string) => {
    const v = new Visitor(env.app, "a.test");
    await v.signIn(email);
    return v;
  };
  const reads = async () =>
    (await t.db.selectFrom("access_log").select(["action", "subject_type", "subject_id", "actor_id", "ip"]).orderBy("at").orderBy("id").execute()).map(
      (r) => `${r.action} ${r.subject_type}:${r.subject_id === ole ? "ole" : r.subject_id === applicationId ? "application" : r.subject_id}`,
    );

  it("logs every list, export and page that shows applicants, threads, people and the waiting list, one row per person shown", async () => {
    const association = await as("admin@gaa.test");
    const staff = await as("staff@a.test");
    await t.db.deleteFrom("access_log").execute();
    for (const [who, path] of [
      [association, `/opportunities/${job.id}/applications`],
      [association, `/opportunities/${job.id}/applications.csv`],
      [association, `/opportunities/${job.id}/applications/${applicationId}`],
      [staff, "/opportunities/waiting"],
      [staff, "/opportunities/waiting.csv"],
      [staff, `/people/${ole}`],
      [staff, "/people?q=ole"],
      [staff, "/people/export.csv?q=ole"],
    ] as const) {
      expect((await who.get(path)).status, path).toBe(200);
    }
    expect(await reads()).toEqual([
      "applicants.listed application:application",
      "applicants.exported application:application",
      "application.thread_read application:application",
      "waiting.listed application:application",
      "waiting.exported application:application",
      "person.viewed user:ole",
      "people.listed user:ole",
      "people.exported user:ole",
    ]);
    const rows = await t.db.selectFrom("access_log").select(["actor_id", "tenant_id"]).execute();
    expect(rows.every((r) => r.actor_id !== null && r.tenant_id === a.id)).toBe(true);
    // Reading one's own data is not someone else reading it.
    await t.db.deleteFrom("access_log").execute();
    const self = await as("ole@a.test");
    await self.get("/account/data.json");
    await staff.get(`/people/${staffId}`);
    expect(await reads()).toEqual([]);
  });

  it("shows the tenant's administrator who read whose data, and nobody else", async () => {
    const staff = await as("staff@a.test");
    await staff.get(`/people/${ole}`);
    const chef = await as("chef@a.test");
    const page = await (await chef.get("/admin/access?person=ole%40a.test")).text();
    expect(page).toContain('En person vist<br/><code class="action-code">person.viewed</code>');
    expect(page).toContain("Sofie Staff");
    expect(page).toContain("Ole Olsen");
    expect((await chef.get("/admin/access?from=last-tuesday")).status).toBe(422);
    const csv = await (await chef.get("/admin/access/export.csv?person=ole%40a.test")).text();
    expect(csv).toMatch(/person\.viewed.*Ole Olsen/);
    expect(csv).toContain("staff@a.test");
    expect((await staff.get("/admin/access")).status).toBe(403);
    expect((await staff.get("/admin/access/export.csv")).status).toBe(403);
    const foreign = new Visitor(env.app, "b.test");
    await foreign.signIn("chef@b.test");
    expect(await (await foreign.get("/admin/access")).text()).not.toContain("Ole Olsen");
  });
});
