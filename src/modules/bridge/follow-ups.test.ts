import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptReferral, buildFollowUpCase } from "../../../test/factories/bridge-followup-case.js";
import {
  createAssociation,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  type TenantFixture,
  TestClock,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";
import type { Person, StaffRole } from "../../platform/auth/policy.js";
import { DAY_MS } from "../../platform/clock.js";
import { jobContext, type ServiceContext } from "../../platform/service-context.js";
import { allTenants } from "../../platform/tenants/tenants.js";
import { bridgeJobs } from "./bridge-jobs.js";
import { FOLLOW_UP_REMINDERS_JOB } from "./follow-up-jobs.js";
import { scheduleFollowUps } from "./follow-ups.js";
import { waitingInFollowUps } from "./follow-ups-start.js";
import { findSettings } from "./settings.repository.js";

/**
 * Follow-up after 1, 3 and 6 months: planned from the first meeting, on the bridge-builder's list once due,
 * one reminder mail saying only that something waits, the outcome sealed, and the case closed with a time
 * to be deleted after the last one. Everyone else finds nothing.
 */
describe.each(dialects())("bridge-building follow-ups [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  const clock = new TestClock(new Date("2026-11-22T10:00:00.000Z"));
  const users: Record<string, string> = {};
  let caseId = "";
  let ctx: ServiceContext;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    const people: [string, TenantFixture, StaffRole[]][] = [
      ["builder@a.test", a, ["bridge_builder"]],
      ["builder2@a.test", a, ["bridge_builder"]],
      ["staff@a.test", a, ["staff"]],
      ["admin@a.test", a, ["tenant_admin"]],
      ["companion@a.test", a, []],
      ["builder@b.test", b, ["bridge_builder"]],
    ];
    for (const [email, tenant, roles] of people) users[email] = (await createPerson(t.db, tenant, { email, name: email.split("@")[0], roles })).id;
    env = createTestApp(t.db, { clock });
    const tenant = (await allTenants(t.db)).find((x) => x.id === a.id);
    if (!tenant) throw new Error("no tenant");
    ctx = jobContext({ db: t.db, clock, config: env.config }, tenant);
    const club = await createAssociation(t.db, a, "Haveklubben");
    const c = await buildFollowUpCase(t.db, a, { builderId: users["builder@a.test"] as string, companionId: users["companion@a.test"] as string });
    caseId = c.id;
    await acceptReferral(t.db, a, caseId, club.id, "2026-11-22T17:00", "Kolonihaven");
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const rows = () => t.db.selectFrom("bridge_follow_ups").selectAll().where("case_id", "=", caseId).orderBy("months").execute();
  const person = (email: string, roles: StaffRole[]): Person => ({
    kind: "person",
    tenantId: a.id,
    userId: users[email] as string,
    name: email,
    email,
    roles: new Set(roles),
    memberships: new Map(),
  });

  it("plans one follow-up per month of the settings from the first meeting, once however often it is asked", async () => {
    await scheduleFollowUps(ctx, caseId, "2026-11-22T17:00");
    await scheduleFollowUps(ctx, caseId, "2026-11-22");
    const planned = await rows();
    expect(planned.map((r) => [r.months, r.due_on])).toEqual([
      [1, "2026-12-22"],
      [3, "2027-02-22"],
      [6, "2027-05-22"],
    ]);
  });

  it("plans none for a person who did not agree to be followed up", async () => {
    const other = await buildFollowUpCase(t.db, a, {
      consent: { at: "2026-11-01T10:00:00.000Z", by: null, purposes: ["bridge_building"], how: "phone", copy: "email" },
    });
    await scheduleFollowUps(ctx, other.id, "2026-11-22");
    expect(await t.db.selectFrom("bridge_follow_ups").select("id").where("case_id", "=", other.id).execute()).toEqual([]);
  });

  it("shows nothing due until the month has passed, then the overdue follow-up with its days late; reminds once", async () => {
    const builder = await as("builder@a.test");
    const before = await (await builder.get("/bridge/follow-ups")).text();
    expect(before).toContain("Ingen opfølgninger lige nu");

    clock.advance(32 * DAY_MS); // 24 December 2026; the session has lapsed meanwhile
    const page = await (await as("builder@a.test")).get("/bridge/follow-ups");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Yasmin");
    expect(html).toContain("2 dage for sent");
    expect(html).not.toContain("Hemmelig note");

    const jobs = bridgeJobs({ db: t.db, clock, config: env.config, mailer: env.mailer });
    await jobs.handlers[FOLLOW_UP_REMINDERS_JOB]?.({}, { id: "j", tenantId: null, attempts: 0 });
    await jobs.handlers[FOLLOW_UP_REMINDERS_JOB]?.({}, { id: "j", tenantId: null, attempts: 0 });
    const mails = await t.db.selectFrom("mail_outbox").selectAll().where("to_address", "=", "builder@a.test").execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain(`/bridge/cases/${caseId}/follow-ups`);
    expect(mails[0]?.text).not.toContain("Yasmin");
    expect((await rows())[0]?.reminded_at).not.toBeNull();
    const linked = await t.db.selectFrom("bridge_mails").select("mail_id").where("case_id", "=", caseId).execute();
    expect(linked.map((m) => m.mail_id)).toContain(mails[0]?.id);

    const waiting = await waitingInFollowUps({ ...ctx, actor: person("builder@a.test", ["bridge_builder"]) });
    expect(waiting).toEqual([expect.objectContaining({ label: "bridge.start.followUpsDue", count: 1, href: "/bridge/follow-ups" })]);
    const companionCards = await waitingInFollowUps({ ...ctx, actor: person("companion@a.test", []) });
    expect(companionCards).toEqual([expect.objectContaining({ label: "bridge.start.companion", count: 1, href: "/bridge/companion" })]);
  });

  it("shows the case's follow-ups only to its bridge-builder: another, staff, a companion and another tenant get 404", async () => {
    const path = `/bridge/cases/${caseId}/follow-ups`;
    expect((await (await as("builder@a.test")).get(path)).status).toBe(200);
    for (const email of ["builder2@a.test", "staff@a.test", "companion@a.test"]) expect((await (await as(email)).get(path)).status, email).toBe(404);
    expect((await (await as("builder@b.test", "b.test")).get(path)).status).toBe(404);
    expect((await (await as("staff@a.test")).get("/bridge/follow-ups")).status).toBe(404);
    const outsider = await as("builder2@a.test");
    const sent = await outsider.post(path, { followUpId: "x", outcome: "still_coming", why: "", personWords: "" });
    expect(sent.status).toBe(404);
  });

  it("refuses a follow-up without an outcome, or a stop without a reason, and writes nothing", async () => {
    const builder = await as("builder@a.test");
    const [first] = await rows();
    const path = `/bridge/cases/${caseId}/follow-ups`;
    const none = await builder.post(path, { followUpId: first?.id ?? "", outcome: "", why: "", personWords: "" });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain("Vælg, hvordan det går.");
    const noWhy = await builder.post(path, { followUpId: first?.id ?? "", outcome: "stopped", why: "", personWords: "" });
    expect(noWhy.status).toBe(422);
    expect(await noWhy.text()).toContain("Skriv et par ord om hvorfor.");
    const wrong = await builder.post(path, { followUpId: "nope", outcome: "still_coming", why: "", personWords: "" });
    expect(wrong.status).toBe(422);
    expect((await rows()).every((r) => r.done_at === null)).toBe(true);
  });

  it("records the outcome sealed, and after the last closes the case to be deleted after the retention months", async () => {
    const builder = await as("builder@a.test");
    const path = `/bridge/cases/${caseId}/follow-ups`;
    const [first, second, third] = await rows();
    const ok = await builder.post(path, {
      followUpId: first?.id ?? "",
      outcome: "still_coming",
      why: "Glad for holdet",
      personWords: "Jeg glæder mig hver tirsdag",
    });
    expect(ok.status).toBe(303);
    const stored = (await rows())[0];
    expect(stored?.outcome).toBe("still_coming");
    expect(stored?.why).not.toContain("Glad for holdet");
    expect(stored?.person_words).not.toContain("tirsdag");
    const again = await builder.post(path, { followUpId: first?.id ?? "", outcome: "stopped", why: "x", personWords: "" });
    expect(again.status).toBe(409);
    const html = await (await builder.get(path)).text();
    expect(html).toContain("Jeg glæder mig hver tirsdag");

    await builder.post(path, { followUpId: second?.id ?? "", outcome: "still_coming", why: "", personWords: "" });
    let c = await t.db.selectFrom("bridge_cases").selectAll().where("id", "=", caseId).executeTakeFirstOrThrow();
    expect(c.status).toBe("taking_part");
    await builder.post(path, { followUpId: third?.id ?? "", outcome: "stopped", why: "Flyttede", personWords: "" });
    c = await t.db.selectFrom("bridge_cases").selectAll().where("id", "=", caseId).executeTakeFirstOrThrow();
    expect(c.status).toBe("closed");
    expect(c.purge_after?.slice(0, 10)).toBe("2027-12-24");
    const audits = await t.db
      .selectFrom("audit_log")
      .select("action")
      .where("tenant_id", "=", a.id)
      .where("action", "=", "bridge.follow_up_recorded")
      .execute();
    expect(audits).toHaveLength(3);
  });

  it("lets the centre tailor the months, the retention and the welcome list; bad input changes nothing", async () => {
    expect((await (await as("staff@a.test")).get("/bridge/settings")).status).toBe(404);
    expect((await (await as("companion@a.test")).get("/bridge/settings")).status).toBe(404);
    const admin = await as("admin@a.test");
    expect((await admin.get("/bridge/settings")).status).toBe(200);
    const bad = await admin.post("/bridge/settings", { followUpMonths: "0, 40", retentionMonths: "x", welcomeItems: "" }, { from: "/bridge/settings" });
    expect(bad.status).toBe(422);
    const text = await bad.text();
    expect(text).toContain("Skriv 1 til 6 tal mellem 1 og 36");
    expect(text).toContain("Skriv et helt tal mellem 1 og 60.");
    expect((await findSettings(t.db, a.id)).followUpMonths).toEqual([1, 3, 6]);
    const ok = await admin.post("/bridge/settings", { followUpMonths: "4, 2, 2", retentionMonths: "6", welcomeItems: "Kaffe ved døren\n\n Vis rundt " });
    expect(ok.status).toBe(303);
    expect(await findSettings(t.db, a.id)).toEqual({ followUpMonths: [2, 4], retentionMonths: 6, welcomeItems: ["Kaffe ved døren", "Vis rundt"] });
    expect(await findSettings(t.db, b.id)).toEqual({ followUpMonths: [1, 3, 6], retentionMonths: 12, welcomeItems: [] });
    const staff = await as("staff@a.test");
    expect((await staff.post("/bridge/settings", { followUpMonths: "1", retentionMonths: "1", welcomeItems: "" })).status).toBe(404);
  });
});
