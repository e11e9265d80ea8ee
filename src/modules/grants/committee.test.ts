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
import { findApplication } from "./applications.repository.js";
import type { Application } from "./grants.model.js";
import { findRound } from "./schemes.repository.js";
import { declarationsOf } from "./scores.repository.js";

/**
 * The committee's sitting: closed for decision only after the deadline, seen by the deciding body only
 * then, decisions for the whole round in one form with the budget left, and nothing written when a
 * rule says no (over budget, a reduction without a reason, a member with a conflict of interest).
 */
describe.each(dialects())("the committee's sitting [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  // Before the deadline of 1 March 2027 (23:59 in Copenhagen).
  const clock = new TestClock(new Date("2027-02-20T10:00:00.000Z"));
  let made: Awaited<ReturnType<typeof buildScheme>>;
  let first: Application;
  let second: Application;
  let third: Application;
  let committeePath = "";

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    const club = await createAssociation(t.db, a, "Boldklubben");
    const choir = await createAssociation(t.db, a, "Koret");
    await createPerson(t.db, a, { email: "case@a.test", roles: ["caseworker"] });
    await createPerson(t.db, a, { email: "member1@a.test", roles: ["committee"] });
    await createPerson(t.db, a, { email: "member2@a.test", roles: ["committee"] });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "board@a.test", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, b, { email: "case@b.test", roles: ["caseworker"] });
    // A budget of 50.000 kr.; three applications for 20.000 kr. each.
    made = await buildScheme(t.db, a, { budget: 5_000_000 });
    const assessed = { status: "assessed" as const, recommendedAmount: 2_000_000, recommendation: "Et godt projekt." };
    first = await buildGrantApplication(t.db, a, made, club.id, { ...assessed, title: "Sommerlejr" });
    second = await buildGrantApplication(t.db, a, made, choir.id, { ...assessed, title: "Korrejse", recommendedAmount: 1_500_000 });
    third = await buildGrantApplication(t.db, a, made, choir.id, { title: "Node­indkøb" });
    await buildGrantApplication(t.db, a, made, club.id, { status: "draft", title: "Kladde" });
    committeePath = `/grants/rounds/${made.round.id}/committee`;
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const rowOf = (app: Application, decision: string, amount = "", reason = "") => ({
    [`decision_${app.id}`]: decision,
    [`amount_${app.id}`]: amount,
    [`reason_${app.id}`]: reason,
  });

  it("shows a committee member nothing while the round is open; the caseworker cannot close it before the deadline", async () => {
    const member = await as("member1@a.test");
    expect((await member.get(committeePath)).status).toBe(404);
    const caseworker = await as("case@a.test");
    const page = await caseworker.get(committeePath);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain("Gem beslutningerne");
    const refused = await caseworker.post(`/grants/rounds/${made.round.id}/close`, {}, { from: `/grants/rounds/${made.round.id}/close` });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Runden kan først lukkes, når ansøgningsfristen er overskredet.");
    expect((await findRound(t.db, a.id, made.round.id))?.status).toBe("open");
  });

  it("is refused from the wrong side: staff without the role, an association's board, another tenant, anonymous", async () => {
    clock.advance(new Date("2027-03-02T08:00:00.000Z").getTime() - clock.now().getTime());
    for (const email of ["staff@a.test", "board@a.test", "member1@a.test"]) {
      const v = await as(email);
      expect((await v.get(`/grants/rounds/${made.round.id}/close`)).status, email).toBe(404);
      expect((await v.post(`/grants/rounds/${made.round.id}/close`, {})).status, email).toBe(404);
    }
    const other = await as("case@b.test", "b.test");
    expect((await other.get(`/grants/rounds/${made.round.id}/committee`)).status).toBe(404);
    expect((await other.post(`/grants/rounds/${made.round.id}/close`, {})).status).toBe(404);
    const anonymous = new Visitor(env.app, "a.test");
    const res = await anonymous.get(committeePath);
    expect([302, 303, 401]).toContain(res.status);
    expect((await findRound(t.db, a.id, made.round.id))?.status).toBe("open");
  });

  it("closes after the deadline, saying what is not assessed and what stays a draft; then the member sees the list", async () => {
    const caseworker = await as("case@a.test");
    const confirm = await (await caseworker.get(`/grants/rounds/${made.round.id}/close`)).text();
    expect(confirm).toContain("3 ansøgninger er sendt");
    expect(confirm).toContain("1 ansøgning er endnu ikke vurderet");
    expect(confirm).toContain("1 kladde er ikke sendt");
    const closed = await caseworker.post(`/grants/rounds/${made.round.id}/close`, {}, { from: `/grants/rounds/${made.round.id}/close` });
    expect(closed.status).toBe(303);
    expect((await findRound(t.db, a.id, made.round.id))?.status).toBe("deciding");

    const member = await as("member1@a.test");
    const page = await member.get(committeePath);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Sommerlejr");
    expect(html).toContain("Korrejse");
    expect(html).not.toContain("Kladde");
    expect(html).toContain("Gem beslutningerne");
    expect(html).toContain("Et godt projekt.");
    const board = await as("board@a.test");
    expect((await board.get(committeePath)).status).toBe(404);
    const start = await (await member.get("/start")).text();
    expect(start).toContain("1 ansøgningsrunde venter på jeres beslutning");
  });

  it("refuses a reduction without a reason, and a sum above the requested, writing nothing", async () => {
    const member = await as("member1@a.test");
    const noReason = await member.post(committeePath, { ...rowOf(first, "granted"), ...rowOf(second, "reduced", "10.000") }, { from: committeePath });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toContain("Skriv en begrundelse");
    const tooMuch = await member.post(committeePath, { ...rowOf(first, "granted", "25.000") }, { from: committeePath });
    expect(tooMuch.status).toBe(422);
    expect(await tooMuch.text()).toContain("højere end det, foreningen har søgt om");
    const notBelow = await member.post(committeePath, { ...rowOf(first, "reduced", "20.000", "For meget") }, { from: committeePath });
    expect(notBelow.status).toBe(422);
    expect((await findApplication(t.db, a.id, first.id))?.status).toBe("assessed");
  });

  it("records decisions in one sitting, leaving one undecided, and shows the budget left", async () => {
    const member = await as("member1@a.test");
    const saved = await member.post(
      committeePath,
      { ...rowOf(first, "granted"), ...rowOf(second, "reduced", "10.000", "Rejsen kan gøres billigere."), ...rowOf(third, "") },
      { from: committeePath },
    );
    expect(saved.status).toBe(303);
    const one = await findApplication(t.db, a.id, first.id);
    expect(one).toMatchObject({ status: "decided", decision: "granted", grantedAmount: 2_000_000, decisionReason: null });
    expect(one?.decidedAt).toBeTruthy();
    expect(await findApplication(t.db, a.id, second.id)).toMatchObject({
      decision: "reduced",
      grantedAmount: 1_000_000,
      decisionReason: "Rejsen kan gøres billigere.",
    });
    expect((await findApplication(t.db, a.id, third.id))?.status).toBe("submitted");
    const html = await (await member.get(committeePath)).text();
    // 50.000 − 20.000 − 10.000 = 20.000 left.
    expect(html).toMatch(/Bevilget indtil nu<\/dt><dd>30\.000\s*kr\./);
    expect(html).toMatch(/Tilbage<\/dt><dd><strong>20\.000\s*kr\./);
  });

  it("refuses a decision that would take the round over its budget, with nothing written", async () => {
    const member = await as("member2@a.test");
    // 20.000 + 10.000 + 20.000 = 50.000 is within; raising the second to 15.000 makes 55.000.
    const over = await member.post(
      committeePath,
      { ...rowOf(first, "granted", "20.000"), ...rowOf(second, "granted", "15.000"), ...rowOf(third, "granted", "20.000") },
      { from: committeePath },
    );
    expect(over.status).toBe(422);
    expect(await over.text()).toContain("mere end budgettet");
    expect((await findApplication(t.db, a.id, third.id))?.status).toBe("submitted");
    expect((await findApplication(t.db, a.id, second.id))?.grantedAmount).toBe(1_000_000);
  });

  it("keeps a member who declares a conflict of interest from deciding that application", async () => {
    const member = await as("member2@a.test");
    const refused = await member.post(
      committeePath,
      { ...rowOf(third, "rejected", "", "Ikke socialt arbejde."), [`conflict_${third.id}`]: "on", [`conflictNote_${third.id}`]: "Jeg synger i koret." },
      { from: committeePath },
    );
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Du har erklæret dig inhabil i denne ansøgning");
    expect((await findApplication(t.db, a.id, third.id))?.status).toBe("submitted");
    expect(await declarationsOf(t.db, a.id, [third.id])).toEqual([]);

    const declared = await member.post(
      committeePath,
      { [`conflict_${third.id}`]: "on", [`conflictNote_${third.id}`]: "Jeg synger i koret." },
      { from: committeePath },
    );
    expect(declared.status).toBe(303);
    const [declaration] = await declarationsOf(t.db, a.id, [third.id]);
    expect(declaration).toMatchObject({ conflict: true, note: "Jeg synger i koret." });
    const html = await (await member.get(committeePath)).text();
    expect(html).toContain("Du har erklæret dig inhabil. De andre i udvalget træffer beslutningen.");
    expect(html).not.toContain(`name="decision_${third.id}"`);
    const again = await member.post(committeePath, { ...rowOf(third, "rejected", "", "Nej."), [`conflict_${third.id}`]: "on" }, { from: committeePath });
    expect(again.status).toBe(422);
    expect((await findApplication(t.db, a.id, third.id))?.status).toBe("submitted");
  });
});
