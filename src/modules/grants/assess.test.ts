import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGrantApplication, buildScheme } from "../../../test/factories/grants.factory.js";
import {
  createAssociation,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  latestMail,
  type TenantFixture,
  TestClock,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";
import { findApplication } from "./applications.repository.js";
import { notesOf } from "./assess.repository.js";
import type { Criterion } from "./grants.model.js";
import { questionsOf } from "./questions.repository.js";
import { findRound, updateRound } from "./schemes.repository.js";
import { declarationsOf, scoresOf } from "./scores.repository.js";
import { weightedScore } from "./scoring.js";

const criteria: Criterion[] = [
  { key: "reach", label: { da: "Rækkevidde" }, weight: 2 },
  { key: "volunteers", label: { da: "Frivillige" }, weight: 1 },
];
const s = (reviewerId: string, criterionKey: string, score: number) => ({ applicationId: "a", reviewerId, criterionKey, score, createdAt: "" });

describe("weightedScore", () => {
  it("is the weighted share of the best possible, averaged over complete reviewers", () => {
    expect(weightedScore(criteria, [])).toBeNull();
    expect(weightedScore(criteria, [s("x", "reach", 5), s("x", "volunteers", 5)])).toBe(100);
    expect(weightedScore(criteria, [s("x", "reach", 4), s("x", "volunteers", 3)])).toBe(73);
    expect(weightedScore(criteria, [s("x", "reach", 4), s("x", "volunteers", 3), s("y", "reach", 2), s("y", "volunteers", 5)])).toBe(67);
    // a reviewer who left a criterion out does not count
    expect(weightedScore(criteria, [s("x", "reach", 0), s("x", "volunteers", 0), s("y", "reach", 5)])).toBe(0);
    expect(weightedScore([], [s("x", "reach", 5)])).toBeNull();
  });
});

/**
 * A caseworker's work on an application: a word on conflicts, the eligibility verdict, two caseworkers'
 * scores, the recommendation, notes and a question back to the applicant. To the applicant, another
 * tenant, the committee too early and staff without the role, none of it is there.
 */
describe.each(dialects())("assessing a grant application [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let made: Awaited<ReturnType<typeof buildScheme>>;
  let appId = "";
  let askedId = "";
  let clubId = "";
  const clock = new TestClock(new Date("2026-11-20T10:00:00.000Z"));
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    clubId = (await createAssociation(t.db, a, "Boldklubben Øst")).id;
    await createPerson(t.db, a, { email: "board@a.test", name: "Bente Bestyrelse", memberships: [{ associationId: clubId, role: "admin" }] });
    for (const n of [1, 2, 3, 4])
      ids[`cw${n}`] = (await createPerson(t.db, a, { email: `cw${n}@a.test`, name: `Sagsbehandler ${n}`, roles: ["caseworker"] })).id;
    await createPerson(t.db, a, { email: "committee@a.test", name: "Udvalgsmedlem", roles: ["committee"] });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, b, { email: "cw@b.test", roles: ["caseworker"] });
    made = await buildScheme(t.db, a);
    appId = (await buildGrantApplication(t.db, a, made, clubId, { title: "Sommerlejr ved stranden" })).id;
    askedId = (await buildGrantApplication(t.db, a, made, clubId, { title: "Klubhus" })).id;
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const page = (id = appId) => `/grants/applications/${id}/assess`;
  const post = (v: Visitor, what: string, fields: Record<string, string | string[]>, id = appId) => v.post(`${page(id)}/${what}`, fields, { from: page(id) });

  it("takes the caseworkers from a word on conflicts to a recommendation, two scoring at most", async () => {
    const cw1 = await as("cw1@a.test");
    const html = await (await cw1.get(page())).text();
    expect(html).toContain("Sommerlejr ved stranden");
    expect(html).toContain("Beskriv projektet");

    // scoring before saying whether one has a conflict is refused
    expect((await post(cw1, "scores", { score_reach: "4", score_volunteers: "3" })).status).toBe(409);
    expect(await scoresOf(t.db, a.id, [appId])).toHaveLength(0);

    expect((await post(cw1, "declaration", { conflict: "no", conflictNote: "" })).status).toBe(303);

    // "not eligible" needs a note
    const bare = await post(cw1, "eligibility", { verdict: "not_eligible", verdictNote: "" });
    expect(bare.status).toBe(422);
    expect(await bare.text()).toContain("Skriv, hvorfor ansøgningen ikke kan behandles.");
    expect((await findApplication(t.db, a.id, appId))?.eligibility).toBeNull();

    // a recommendation needs the verdict first
    expect((await post(cw1, "recommendation", { amount: "15.000", recommendation: "" })).status).toBe(409);

    expect((await post(cw1, "eligibility", { verdict: "eligible", verdictNote: "" })).status).toBe(303);
    expect((await findApplication(t.db, a.id, appId))?.eligibility).toMatchObject({ verdict: "eligible", by: ids.cw1 });

    // a score of 9 is not a score
    const nine = await post(cw1, "scores", { score_reach: "9", score_volunteers: "3" });
    expect(nine.status).toBe(422);
    expect(await nine.text()).toContain("Point skal være et helt tal fra 0 til 5.");
    expect(await scoresOf(t.db, a.id, [appId])).toHaveLength(0);

    expect((await post(cw1, "scores", { score_reach: "4", score_volunteers: "3" })).status).toBe(303);
    const cw2 = await as("cw2@a.test");
    expect((await post(cw2, "declaration", { conflict: "no", conflictNote: "" })).status).toBe(303);
    expect((await post(cw2, "scores", { score_reach: "2", score_volunteers: "5" })).status).toBe(303);

    // a third caseworker may not score
    const cw3 = await as("cw3@a.test");
    expect((await post(cw3, "declaration", { conflict: "no", conflictNote: "" })).status).toBe(303);
    expect(await (await cw3.get(page())).text()).toContain("To sagsbehandlere har allerede givet point.");
    const third = await post(cw3, "scores", { score_reach: "5", score_volunteers: "5" });
    expect(third.status).toBe(409);
    expect(new Set((await scoresOf(t.db, a.id, [appId])).map((x) => x.reviewerId))).toEqual(new Set([ids.cw1, ids.cw2]));

    // one with a conflict of interest may not score or recommend
    const cw4 = await as("cw4@a.test");
    expect((await post(cw4, "declaration", { conflict: "yes", conflictNote: "" })).status).toBe(422);
    expect((await post(cw4, "declaration", { conflict: "yes", conflictNote: "Min søster er kasserer i klubben." })).status).toBe(303);
    expect(await (await cw4.get(page())).text()).toContain("Du har erklæret dig inhabil");
    expect((await post(cw4, "recommendation", { amount: "1.000", recommendation: "" })).status).toBe(409);
    expect((await findApplication(t.db, a.id, appId))?.recommendedAmount).toBeNull();
    expect((await declarationsOf(t.db, a.id, [appId])).find((d) => d.userId === ids.cw4)).toMatchObject({ conflict: true });

    // more than was asked for (20.000 kr.) is refused with the most allowed
    const over = await post(cw1, "recommendation", { amount: "25.000", recommendation: "" });
    expect(over.status).toBe(422);
    expect(await over.text()).toContain("Beløbet er mere end det ansøgte.");
    expect((await findApplication(t.db, a.id, appId))?.status).toBe("submitted");

    expect((await post(cw1, "recommendation", { amount: "15.000", recommendation: "Godt projekt, men transporten er dyr." })).status).toBe(303);
    const assessed = await findApplication(t.db, a.id, appId);
    expect(assessed).toMatchObject({ status: "assessed", recommendedAmount: 1_500_000, recommendedBy: ids.cw1 });

    expect((await post(cw1, "notes", { body: "Kassereren er ny og har brug for hjælp med regnskabet." })).status).toBe(303);
    expect((await notesOf(t.db, a.id, appId)).map((n) => n.kind)).toEqual(["note"]);

    const after = await (await cw2.get(page())).text();
    expect(after).toContain("Kassereren er ny");
    expect(after).toContain("67 %");

    const list = await (await cw1.get(`/grants/rounds/${made.round.id}/applications`)).text();
    expect(list).toContain("Boldklubben Øst");
    expect(list).toContain(page());
    expect(list).toContain("67 % (2 bedømmere)");
    const csv = await cw1.get(`/grants/rounds/${made.round.id}/applications.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = await csv.text();
    expect(text).toContain("Boldklubben Øst");
    expect(text).toContain("20000;");
    expect(text).toContain(";15000");

    const rounds = await (await cw1.get("/grants/rounds")).text();
    expect(rounds).toContain("Forårsrunden 2027");
    expect(rounds).toContain("2 ansøgninger sendt ind · 1 færdigbehandlet");
  });

  it("asks the applicant a question, opening the fields named and mailing the board", async () => {
    const cw1 = await as("cw1@a.test");
    expect((await post(cw1, "declaration", { conflict: "no", conflictNote: "" }, askedId)).status).toBe(303);
    const unknown = await post(cw1, "questions", { question: "Hvor mange børn?", fields: ["nope"] }, askedId);
    expect(unknown.status).toBe(422);
    expect(await questionsOf(t.db, a.id, askedId)).toHaveLength(0);
    const empty = await post(cw1, "questions", { question: "", fields: [] }, askedId);
    expect(empty.status).toBe(422);

    expect((await post(cw1, "questions", { question: "Hvor mange børn deltager?", fields: ["participants", "budget"] }, askedId)).status).toBe(303);
    const asked = await findApplication(t.db, a.id, askedId);
    expect(asked).toMatchObject({ status: "questioned", reopened: ["participants", "budget"] });
    expect(await questionsOf(t.db, a.id, askedId)).toMatchObject([{ question: "Hvor mange børn deltager?", fieldKeys: ["participants", "budget"] }]);
    const mail = await latestMail(t.db, "board@a.test");
    expect(mail?.subject).toContain(asked?.reference);
    expect(mail?.text ?? "").toContain(`/grants/applications/${askedId}`);
    expect(mail?.text ?? "").toContain("Antal deltagere");

    // one open question at a time; no recommendation while it waits
    expect((await post(cw1, "questions", { question: "Og en til?", fields: [] }, askedId)).status).toBe(409);
  });

  it("shows none of it to the applicant, another tenant, the committee too early or staff without the role", async () => {
    const board = await as("board@a.test");
    expect((await board.get(page())).status).toBe(404);
    expect((await post(board, "notes", { body: "Hej" })).status).toBe(404);
    expect((await board.get("/grants/rounds")).status).toBe(403);
    expect((await board.get(`/grants/rounds/${made.round.id}/applications`)).status).toBe(403);
    // the applicant's own page, once it is built, never carries the notes or scores
    const own = await board.get(`/grants/applications/${appId}`);
    if (own.status === 200) {
      const html = await own.text();
      expect(html).not.toContain("Kassereren er ny");
      expect(html).not.toContain("Min søster er kasserer");
    }

    const other = await as("cw@b.test", "b.test");
    expect((await other.get(page())).status).toBe(404);
    expect((await other.get(`/grants/rounds/${made.round.id}/applications`)).status).toBe(404);
    expect((await post(other, "notes", { body: "Hej" })).status).toBe(404);

    const staff = await as("staff@a.test");
    expect((await staff.get(page())).status).toBe(404);
    expect((await staff.get("/grants/rounds")).status).toBe(403);

    const committee = await as("committee@a.test");
    expect((await committee.get(page())).status).toBe(404);
    expect(await (await committee.get("/grants/rounds")).text()).not.toContain("Forårsrunden 2027");
    expect((await committee.get(`/grants/rounds/${made.round.id}/applications`)).status).toBe(403);

    const anonymous = new Visitor(env.app, "a.test");
    const signIn = await anonymous.get(page());
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get("location")).toContain("/sign-in");

    // once the round is closed for decision the committee reads the assessment, but writes nothing
    const round = await findRound(t.db, a.id, made.round.id);
    if (!round) throw new Error("no round");
    await updateRound(t.db, a.id, { ...round, status: "deciding" });
    const read = await (await committee.get(page())).text();
    expect(read).toContain("Kassereren er ny");
    expect(read).not.toContain(`${page()}/scores`);
    expect((await post(committee, "notes", { body: "Hej" })).status).toBe(404);
    expect(await (await committee.get("/grants/rounds")).text()).toContain(`/grants/rounds/${made.round.id}/committee`);
    await updateRound(t.db, a.id, round);
  });
});
