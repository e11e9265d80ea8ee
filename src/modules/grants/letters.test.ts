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
import { findApplication, updateApplication } from "./applications.repository.js";
import type { Application } from "./grants.model.js";
import { lettersOf } from "./letters.repository.js";
import { reportOf } from "./reports.repository.js";
import { findRound } from "./schemes.repository.js";
import { putSettings } from "./settings.repository.js";

/**
 * The decision letters: one mail to each of the association's admins with the letter as a PDF, in the
 * application's language, from the tenant's own template where it wrote one, with the appeal note; a
 * report falls due on each grant; the letters go once. The PDF of a letter is the association's and the
 * caseworkers' alone.
 */
describe.each(dialects())("the decision letters [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  const clock = new TestClock(new Date("2027-03-10T09:00:00.000Z"));
  let made: Awaited<ReturnType<typeof buildScheme>>;
  let granted: Application;
  let rejected: Application;
  let undecided: Application;
  const decidedAt = "2027-03-08T15:00:00.000Z";

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    const club = await createAssociation(t.db, a, "Boldklubben");
    const choir = await createAssociation(t.db, a, "International Choir");
    await createPerson(t.db, a, { email: "case@a.test", roles: ["caseworker"] });
    await createPerson(t.db, a, { email: "member@a.test", roles: ["committee"] });
    await createPerson(t.db, a, { email: "formand@club.test", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "kasserer@club.test", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "spiller@club.test", memberships: [{ associationId: club.id, role: "member" }] });
    await createPerson(t.db, a, { email: "chair@choir.test", memberships: [{ associationId: choir.id, role: "admin" }] });
    await createPerson(t.db, b, { email: "case@b.test", roles: ["caseworker"] });
    made = await buildScheme(t.db, a, { status: "deciding", scheme: { reportMonths: 6 } });
    granted = await buildGrantApplication(t.db, a, made, club.id, {
      status: "decided",
      title: "Sommerlejr",
      decision: "granted",
      grantedAmount: 1_500_000,
      decidedAt,
    });
    rejected = await buildGrantApplication(t.db, a, made, choir.id, {
      status: "decided",
      title: "Concert tour",
      language: "en",
      decision: "rejected",
      grantedAmount: 0,
      decisionReason: "Touring is outside the scheme.",
      decidedAt,
    });
    undecided = await buildGrantApplication(t.db, a, made, choir.id, { status: "assessed", title: "Noder" });
    await putSettings(
      t.db,
      a.id,
      {
        funderId: null,
        funderName: null,
        idPrefix: null,
        letterTemplates: { granted: { da: { subject: "Godt nyt fra kommunen: {title}", body: "Kære {association}\n\nI får {amount} til {title}." } } },
        appealNote: {},
      },
      decidedAt,
    );
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const lettersPath = () => `/grants/rounds/${made.round.id}/letters`;
  const mailsTo = (to: string) => t.db.selectFrom("mail_outbox").selectAll().where("to_address", "=", to).orderBy("created_at").execute();
  const committee = () => `/grants/rounds/${made.round.id}/committee`;

  it("is refused from the wrong side: a committee member, a board, another tenant's caseworker, anonymous", async () => {
    for (const email of ["member@a.test", "formand@club.test"]) {
      const v = await as(email);
      expect((await v.post(lettersPath(), {})).status, email).toBe(404);
    }
    const board = await as("formand@club.test");
    expect((await board.get(committee())).status).toBe(404);
    const other = await as("case@b.test", "b.test");
    expect((await other.post(lettersPath(), {})).status).toBe(404);
    expect((await other.get(committee())).status).toBe(404);
    const anonymous = new Visitor(env.app, "a.test");
    const res = await anonymous.get(committee());
    expect([302, 303, 401]).toContain(res.status);
    expect((await findRound(t.db, a.id, made.round.id))?.status).toBe("deciding");
  });

  it("waits until every application has its decision, naming those that have none", async () => {
    const caseworker = await as("case@a.test");
    const res = await caseworker.post(lettersPath(), {}, { from: committee() });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain(undecided.reference);
    expect((await findRound(t.db, a.id, made.round.id))?.status).toBe("deciding");
    expect(await mailsTo("formand@club.test")).toHaveLength(0);
  });

  it("sends each admin the letter with a PDF, in the application's language, from the tenant's template, with the appeal note", async () => {
    const still = await findApplication(t.db, a.id, undecided.id);
    if (!still) throw new Error("missing");
    await updateApplication(t.db, a.id, {
      ...still,
      status: "decided",
      decision: "rejected",
      grantedAmount: 0,
      decisionReason: "Ikke nok frivillige.",
      decidedAt,
    });
    const caseworker = await as("case@a.test");
    const res = await caseworker.post(lettersPath(), {}, { from: committee() });
    expect(res.status).toBe(303);
    const round = await findRound(t.db, a.id, made.round.id);
    expect(round?.status).toBe("decided");
    expect(round?.decidedAt).toBeTruthy();

    for (const to of ["formand@club.test", "kasserer@club.test"]) {
      const mails = await mailsTo(to);
      expect(mails, to).toHaveLength(1);
      const [mail] = mails;
      expect(mail?.subject).toBe("Godt nyt fra kommunen: Sommerlejr");
      expect(mail?.text).toMatch(/I får 15\.000\skr\. til Sommerlejr\./);
      expect(mail?.text).toContain("Hvis I er uenige i afgørelsen");
      const attachments = JSON.parse(mail?.attachments ?? "[]") as { filename: string; contentType: string; content: string }[];
      expect(attachments).toHaveLength(1);
      expect(attachments[0]?.contentType).toBe("application/pdf");
      expect(
        Buffer.from(attachments[0]?.content ?? "", "base64")
          .subarray(0, 4)
          .toString(),
      ).toBe("%PDF");
    }
    expect(await mailsTo("spiller@club.test")).toHaveLength(0);
    const choirMails = await mailsTo("chair@choir.test");
    expect(choirMails.map((m) => m.subject).sort()).toEqual(["Afslag på ansøgning: Noder", "Application not granted: Concert tour"]);
    const english = choirMails.find((m) => m.subject.startsWith("Application"));
    expect(english?.text).toContain("Touring is outside the scheme.");
    expect(english?.text).toContain("If you disagree with the decision");

    const [letter] = await lettersOf(t.db, a.id, rejected.id);
    expect(letter).toMatchObject({ language: "en", subject: "Application not granted: Concert tour" });
    expect((await findApplication(t.db, a.id, granted.id))?.letterSentAt).toBeTruthy();
    // Decided on 8 March 2027; the scheme gives 6 months for the report.
    expect(await reportOf(t.db, a.id, granted.id)).toMatchObject({ status: "due", dueOn: "2027-09-08", associationId: granted.associationId, reminders: [] });
    expect(await reportOf(t.db, a.id, rejected.id)).toBeUndefined();
  });

  it("never sends twice", async () => {
    const caseworker = await as("case@a.test");
    const again = await caseworker.post(lettersPath(), {}, { from: committee() });
    expect(again.status).toBe(409);
    expect(await mailsTo("formand@club.test")).toHaveLength(1);
    expect(await lettersOf(t.db, a.id, granted.id)).toHaveLength(1);
  });

  it("lists the letters for the caseworker and gives each PDF only to those who may see its application", async () => {
    const caseworker = await as("case@a.test");
    const page = await (await caseworker.get(committee())).text();
    const [letter] = await lettersOf(t.db, a.id, granted.id);
    const [other] = await lettersOf(t.db, a.id, rejected.id);
    expect(page).toContain(`/grants/letters/${letter?.id}.pdf`);
    const pdf = await caseworker.get(`/grants/letters/${letter?.id}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe("%PDF");

    const board = await as("formand@club.test");
    expect((await board.get(`/grants/letters/${letter?.id}.pdf`)).status).toBe(200);
    expect((await board.get(`/grants/letters/${other?.id}.pdf`)).status).toBe(404);
    const player = await as("spiller@club.test");
    expect((await player.get(`/grants/letters/${letter?.id}.pdf`)).status).toBe(404);
    const stranger = await as("case@b.test", "b.test");
    expect((await stranger.get(`/grants/letters/${letter?.id}.pdf`)).status).toBe(404);
    const anonymous = new Visitor(env.app, "a.test");
    expect([302, 303, 401]).toContain((await anonymous.get(`/grants/letters/${letter?.id}.pdf`)).status);
  });
});
