import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { whereStored } from "../../../test/database-dump.js";
import { buildGrantApplication, buildScheme } from "../../../test/factories/grants.factory.js";
import {
  createAssociation,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  type TenantFixture,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";
import { newId } from "../../platform/ids.js";
import { putProfile } from "./applications.repository.js";
import type { ApplicationProfile } from "./grants.model.js";
import { insertPayouts, markPaid } from "./payouts.repository.js";
import { answerQuestion, insertQuestion } from "./questions.repository.js";
import { insertReport } from "./reports.repository.js";
import { putDeclaration, putScores } from "./scores.repository.js";

const AT = "2026-11-20T10:00:00.000Z";

/**
 * A person's grants data: the board member who applied and reported, and the caseworker who assessed
 * and paid. Each downloads what they did and the board lists naming them; erased, neither is named
 * anywhere, and the association's applications stay.
 */
describe.each(dialects())("what grants hold about a person [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let club: { id: string; name: string };
  let karen: { id: string };
  let sofie: { id: string };
  let applicationId = "";

  beforeAll(async () => {
    t = await createTestDb(dialect);
    env = createTestApp(t.db);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    club = await createAssociation(t.db, a, "Strikkeklubben");
    karen = await createPerson(t.db, a, { email: "karen@a.test", name: "Karen Holm", memberships: [{ associationId: club.id, role: "admin" }] });
    sofie = await createPerson(t.db, a, { email: "sofie@a.test", name: "Sofie Sagsbehandler", roles: ["caseworker"] });
    const board = [
      { name: "Karen Holm", role: "Formand" },
      { name: "Per Kasserer", role: "Kasserer" },
    ];
    await putProfile(t.db, a.id, club.id, { bankAccount: "1234 5678901", board, memberCount: 40, activities: "Strik" }, karen.id, AT);
    const profile: ApplicationProfile = {
      associationId: club.id,
      name: club.name,
      registrationNumber: null,
      email: "strik@a.test",
      bankAccount: "1234 5678901",
      board,
      memberCount: 40,
      activities: "Strik",
      updatedAt: AT,
    };
    const made = await buildScheme(t.db, a, { status: "decided" });
    const application = await buildGrantApplication(t.db, a, made, club.id, {
      status: "decided",
      title: "Strikkecafé for nye i byen",
      profile,
      createdBy: karen.id,
      updatedBy: karen.id,
      submittedBy: karen.id,
      recommendedBy: sofie.id,
      recommendedAmount: 1_000_000,
      eligibility: { checks: [], verdict: "eligible", by: sofie.id, at: AT },
      decision: "granted",
      grantedAmount: 1_000_000,
      decidedBy: sofie.id,
      decidedAt: AT,
    });
    applicationId = application.id;
    await putScores(t.db, a.id, application.id, sofie.id, [
      { applicationId: application.id, reviewerId: sofie.id, criterionKey: "reach", score: 4, createdAt: AT },
    ]);
    await putDeclaration(t.db, a.id, { applicationId: application.id, userId: sofie.id, conflict: false, note: "Ingen forbindelse", declaredAt: AT });
    await t.db
      .insertInto("grant_notes")
      .values({ id: newId(), tenant_id: a.id, application_id: application.id, author_id: sofie.id, kind: "note", body: "Godt projekt", created_at: AT })
      .execute();
    const question = newId();
    await insertQuestion(t.db, a.id, {
      id: question,
      applicationId: application.id,
      askedBy: sofie.id,
      question: "Hvor mange deltagere?",
      fieldKeys: [],
      askedAt: AT,
      answer: null,
      answeredBy: null,
      answeredAt: null,
    });
    await answerQuestion(t.db, a.id, question, "Omkring 20", karen.id, AT);
    const payout = newId();
    await insertPayouts(t.db, a.id, [{ id: payout, applicationId: application.id, amount: 1_000_000, dueOn: "2026-12-01", paidAt: null, paidBy: null }], AT);
    await markPaid(t.db, a.id, [payout], sofie.id, AT);
    await insertReport(
      t.db,
      a.id,
      {
        id: newId(),
        tenantId: a.id,
        applicationId: application.id,
        associationId: club.id,
        dueOn: "2027-11-20",
        status: "approved",
        whatWasDone: "Vi strikkede",
        participants: 20,
        volunteerHours: 100,
        accounts: { cost: [], income: [] },
        spent: 1_000_000,
        toRepay: 0,
        repaidAt: null,
        reminders: [],
        submittedBy: karen.id,
        submittedAt: AT,
        reviewedBy: sofie.id,
        reviewedAt: AT,
        reviewNote: "Fint",
      },
      AT,
    );
  });
  afterAll(() => t.destroy());

  const signedIn = async (email: string) => {
    const v = new Visitor(env.app, "a.test");
    await v.signIn(email);
    return v;
  };

  it("hands the board member what she applied for, answered and reported, and the board lists that name her", async () => {
    const data = await (await (await signedIn("karen@a.test")).get("/account/data.json")).json();
    expect(data.grants.applications).toEqual([
      expect.objectContaining({ title: "Strikkecafé for nye i byen", made: true, sent: "2026-11-10T09:00:00.000Z", decided: null }),
    ]);
    expect(data.grants.questions).toEqual([expect.objectContaining({ answer: "Omkring 20", answered: AT, asked: null })]);
    expect(data.grants.reports).toEqual([expect.objectContaining({ sent: AT, reviewed: null, review_note: null })]);
    expect(data.grants.board_lists).toHaveLength(2);
    expect(data.grants.scores).toEqual([]);
    expect(JSON.stringify(data.grants)).not.toContain("Per Kasserer");
  });

  it("hands the caseworker the scores, declarations, notes and payouts she made", async () => {
    const data = await (await (await signedIn("sofie@a.test")).get("/account/data.json")).json();
    expect(data.grants.scores).toEqual([expect.objectContaining({ criterion: "reach", score: 4 })]);
    expect(data.grants.declarations).toEqual([expect.objectContaining({ conflict: false, note: "Ingen forbindelse" })]);
    expect(data.grants.notes).toEqual([expect.objectContaining({ text: "Godt projekt" })]);
    expect(data.grants.payouts_marked_paid).toHaveLength(1);
    expect(data.grants.eligibility_verdicts).toEqual([expect.objectContaining({ verdict: "eligible" })]);
    expect(data.grants.applications).toEqual([expect.objectContaining({ recommended: true, decided: AT, made: false })]);
  });

  it("forgets both on erasure, and keeps the association's application, decision and report", async () => {
    for (const email of ["karen@a.test", "sofie@a.test"]) {
      const v = await signedIn(email);
      expect((await v.post("/account/delete", {}, { from: "/account/delete" })).status).toBe(303);
    }
    expect(await whereStored(t.db, [karen.id, sofie.id, "Karen Holm", "Sofie Sagsbehandler"])).toEqual([]);
    const kept = await t.db
      .selectFrom("grant_applications")
      .select(["title", "decision", "granted_amount", "profile"])
      .where("id", "=", applicationId)
      .executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ title: "Strikkecafé for nye i byen", decision: "granted", granted_amount: 1_000_000 });
    expect(JSON.parse(kept.profile ?? "{}").board).toEqual([{ name: "Per Kasserer", role: "Kasserer" }]);
    expect(await t.db.selectFrom("grant_profiles").select("board").execute()).toEqual([
      { board: JSON.stringify([{ name: "Per Kasserer", role: "Kasserer" }]) },
    ]);
    expect(await t.db.selectFrom("grant_reports").select(["status", "what_was_done"]).execute()).toEqual([
      { status: "approved", what_was_done: "Vi strikkede" },
    ]);
    expect(await t.db.selectFrom("grant_payouts").select("paid_at").execute()).toEqual([{ paid_at: AT }]);
  });
});
