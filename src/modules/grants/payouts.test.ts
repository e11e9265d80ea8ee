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
import type { Application } from "./grants.model.js";

/** A decided round's payouts: planned at once or in instalments, re-planned around what is paid, paid, and the payment file. */
describe.each(dialects())("grant payouts [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let app: Application;
  let roundId = "";
  const clock = new TestClock(new Date("2027-05-03T10:00:00.000Z"));

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    const club = await createAssociation(t.db, a, "Haveklubben");
    await createPerson(t.db, a, { email: "case@a.test", roles: ["caseworker"] });
    await createPerson(t.db, a, { email: "board@a.test", memberships: [{ associationId: club.id, role: "admin" }] });
    const made = await buildScheme(t.db, a, { status: "decided" });
    roundId = made.round.id;
    app = await buildGrantApplication(t.db, a, made, club.id, {
      status: "decided",
      decision: "granted",
      grantedAmount: 1_000_001,
      decidedAt: "2027-04-01T10:00:00.000Z",
      profile: {
        associationId: club.id,
        name: "Haveklubben",
        registrationNumber: "12345678",
        email: "k@h.test",
        bankAccount: "1234 0001234567",
        board: [],
        memberCount: 10,
        activities: "",
        updatedAt: null,
      },
    });
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const as = async (email: string) => {
    const v = new Visitor(env.app, "a.test");
    await v.signIn(email);
    return v;
  };
  const payouts = () => t.db.selectFrom("grant_payouts").selectAll().where("application_id", "=", app.id).orderBy("due_on").execute();
  const path = () => `/grants/rounds/${roundId}/payouts`;

  it("refuses a plan that does not come to what is left, writing nothing", async () => {
    const v = await as("case@a.test");
    const res = await v.post(path(), { applicationId: app.id, amount: "9.000", how: "once", count: "2" }, { from: path() });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Beløbet skal være det, der mangler at blive betalt");
    const bogus = await v.post(path(), { applicationId: app.id, amount: "-5", how: "once", count: "2" }, { from: path() });
    expect(bogus.status).toBe(422);
    expect(await payouts()).toEqual([]);
  });

  it("splits the grant evenly in instalments, the rest in the last, a month apart", async () => {
    const v = await as("case@a.test");
    const res = await v.post(path(), { applicationId: app.id, amount: "10.000,01", how: "instalments", count: "3", date1: "2027-05-01" }, { from: path() });
    expect(res.status).toBe(303);
    const rows = await payouts();
    expect(rows.map((r) => [r.amount, r.due_on])).toEqual([
      [333_333, "2027-05-01"],
      [333_333, "2027-06-01"],
      [333_335, "2027-07-01"],
    ]);
  });

  it("puts what is due and unpaid in the payment file with the bank account and a Danish sum", async () => {
    const v = await as("case@a.test");
    const res = await v.get(`${path()}.csv`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("1234 0001234567");
    expect(text).toContain("3333,33");
    expect(text).toContain("Tilskud ");
    expect(text).not.toContain("3333,35");
  });

  it("marks paid, tells the board, and re-planning keeps the paid one", async () => {
    const v = await as("case@a.test");
    const first = (await payouts())[0];
    const res = await v.post(`${path()}/paid`, { payout: [first?.id ?? ""] }, { from: path() });
    expect(res.status).toBe(303);
    const mail = await t.db.selectFrom("mail_outbox").selectAll().where("to_address", "=", "board@a.test").execute();
    expect(mail).toHaveLength(1);
    const again = await v.post(path(), { applicationId: app.id, amount: "6666,68", how: "once", count: "2" }, { from: path() });
    expect(again.status).toBe(303);
    const rows = await payouts();
    expect(rows.map((r) => [r.amount, r.paid_at !== null])).toEqual([
      [333_333, true],
      [666_668, false],
    ]);
  });

  it("shows an association's admin nothing", async () => {
    const v = await as("board@a.test");
    expect([403, 404]).toContain((await v.get(path())).status);
    expect([403, 404]).toContain((await v.get(`${path()}.csv`)).status);
  });
});
