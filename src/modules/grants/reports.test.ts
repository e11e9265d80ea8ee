import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGrantApplication, buildScheme } from "../../../test/factories/grants.factory.js";
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
import { DAY_MS } from "../../platform/clock.js";
import { jobContext } from "../../platform/service-context.js";
import { allTenants } from "../../platform/tenants/tenants.js";
import { type Application, dueReport } from "./grants.model.js";
import { remindReports } from "./report-jobs.js";
import { insertReport, overdueReports } from "./reports.repository.js";

const report = (app: Application, dueOn: string) => dueReport(`r-${app.id}`, app, dueOn);

/** A grant's report: the board sends it with its accounts, the caseworker asks for more and approves; reminders; the overdue block; the wrong side. */
describe.each(dialects())("grant reports [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let app: Application;
  let late: Application;
  const clock = new TestClock(new Date("2027-05-03T10:00:00.000Z"));

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    const b = await createTenant(t.db, { slug: "b", host: "b.test" });
    const club = await createAssociation(t.db, a, "Haveklubben");
    const other = await createAssociation(t.db, a, "Skakklubben");
    await createPerson(t.db, a, { email: "case@a.test", roles: ["caseworker"] });
    await createPerson(t.db, a, { email: "board@a.test", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "member@a.test", memberships: [{ associationId: club.id, role: "member" }] });
    await createPerson(t.db, a, { email: "other@a.test", memberships: [{ associationId: other.id, role: "admin" }] });
    await createPerson(t.db, b, { email: "case@b.test", roles: ["caseworker"] });
    const made = await buildScheme(t.db, a, { status: "decided" });
    const granted = { status: "decided" as const, decision: "granted" as const, grantedAmount: 2_000_000, decidedAt: "2027-04-01T10:00:00.000Z" };
    app = await buildGrantApplication(t.db, a, made, club.id, granted);
    late = await buildGrantApplication(t.db, a, made, club.id, granted);
    await insertReport(t.db, a.id, report(app, "2027-06-01"), "2027-04-01T10:00:00.000Z");
    await insertReport(t.db, a.id, report(late, "2027-05-01"), "2027-04-01T10:00:00.000Z");
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const row = (id: string) => t.db.selectFrom("grant_reports").selectAll().where("application_id", "=", id).executeTakeFirstOrThrow();
  const path = (x: Application) => `/grants/applications/${x.id}/report`;
  const filled = {
    whatWasDone: "Lejren blev holdt.",
    participants: "38",
    volunteerHours: "120",
    costActual0: "8.000",
    costActual1: "17.000",
    incomeActual0: "10.000",
  };

  it("finds nothing for another association's board, a plain member or another tenant's caseworker", async () => {
    for (const [email, host] of [
      ["other@a.test", "a.test"],
      ["member@a.test", "a.test"],
      ["case@b.test", "b.test"],
    ] as const) {
      expect((await (await as(email, host)).get(path(app))).status).toBe(404);
    }
  });

  it("refuses bad input with a message and writes nothing", async () => {
    const v = await as("board@a.test");
    const res = await v.post(path(app), { ...filled, intent: "send", participants: "mange", costActual0: "-5" }, { from: path(app) });
    expect(res.status).toBe(422);
    expect((await row(app.id)).status).toBe("due");
    expect((await row(app.id)).what_was_done).toBe("");
  });

  it("the board sends the accounts, is told what to pay back; more is asked; sent again; approved and locked", async () => {
    const board = await as("board@a.test");
    const page = await (await board.get(path(app))).text();
    expect(page).toContain("Transport");
    const sent = await board.post(path(app), { ...filled, intent: "send" }, { from: path(app) });
    expect(sent.status).toBe(303);
    const r1 = await row(app.id);
    expect([r1.status, r1.spent, r1.to_repay, r1.participants]).toEqual(["submitted", 1_500_000, 500_000, 38]);
    expect(await (await board.get(path(app))).text()).toContain("I skal betale 5.000");

    const staff = await as("case@a.test");
    const noNote = await staff.post(`${path(app)}/review`, { decision: "more", note: "" }, { from: path(app) });
    expect(noNote.status).toBe(422);
    expect(await staff.post(`${path(app)}/review`, { decision: "more", note: "Vedlæg kvitteringer." }, { from: path(app) })).toHaveProperty("status", 303);
    expect((await row(app.id)).status).toBe("more");
    const mails = await t.db.selectFrom("mail_outbox").selectAll().where("to_address", "=", "board@a.test").execute();
    expect(mails.some((m) => m.text.includes("Vedlæg kvitteringer."))).toBe(true);

    expect((await board.post(path(app), { ...filled, intent: "send" }, { from: path(app) })).status).toBe(303);
    expect((await staff.post(`${path(app)}/review`, { decision: "approve", note: "" }, { from: path(app) })).status).toBe(303);
    expect((await row(app.id)).status).toBe("approved");
    expect((await board.post(path(app), { ...filled, intent: "save" }, { from: path(app) })).status).toBe(409);
    expect((await staff.post(`${path(app)}/repaid`, {}, { from: path(app) })).status).toBe(303);
    expect((await row(app.id)).repaid_at).not.toBeNull();
  });

  it("finds an unapproved overdue report, and no longer once it is approved", async () => {
    expect((await overdueReports(t.db, a.id, app.associationId, "2027-05-03")).map((r) => r.applicationId)).toEqual([late.id]);
    const board = await as("board@a.test");
    await board.post(path(late), { ...filled, intent: "send" }, { from: path(late) });
    await (await as("case@a.test")).post(`${path(late)}/review`, { decision: "approve", note: "" }, { from: path(late) });
    expect(await overdueReports(t.db, a.id, app.associationId, "2027-05-03")).toEqual([]);
  });

  it("reminds 14 days before, on the day and 7 days after, once each, and never an approved report", async () => {
    const made = await buildScheme(t.db, a, { status: "decided" });
    const third = await buildGrantApplication(t.db, a, made, app.associationId, {
      status: "decided",
      decision: "granted",
      grantedAmount: 100_000,
      title: "Juletræ",
    });
    await insertReport(t.db, a.id, report(third, "2027-06-20"), "2027-04-01T10:00:00.000Z");
    const tenant = (await allTenants(t.db)).find((x) => x.id === a.id);
    if (!tenant) throw new Error("no tenant");
    const run = () => remindReports(jobContext({ db: t.db, clock, config: env.config }, tenant));
    const count = async () =>
      (await t.db.selectFrom("mail_outbox").select("text").where("to_address", "=", "board@a.test").execute()).filter((m) => m.text.includes("Juletræ")).length;
    const c = new TestClock(new Date("2027-06-06T08:00:00.000Z"));
    clock.advance(c.now().getTime() - clock.now().getTime());
    await run();
    await run();
    expect(await count()).toBe(1);
    clock.advance(14 * DAY_MS);
    await run();
    await run();
    expect(await count()).toBe(2);
    clock.advance(7 * DAY_MS);
    await run();
    await run();
    expect(await count()).toBe(3);
    const last = await t.db.selectFrom("mail_outbox").select("text").where("to_address", "=", "board@a.test").orderBy("created_at", "desc").execute();
    expect(last.find((m) => m.text.includes("Juletræ"))?.text).toContain(`a.test/grants/applications/${third.id}/report`);
    const approvedMails = (await t.db.selectFrom("mail_outbox").select("text").where("to_address", "=", "board@a.test").execute()).filter(
      (m) => m.text.includes("skal sendes") && m.text.includes(app.reference),
    );
    expect(approvedMails).toEqual([]);
  });
});
