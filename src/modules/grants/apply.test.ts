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
import { newId } from "../../platform/ids.js";
import { findApplication } from "./applications.repository.js";
import { dueReport } from "./grants.model.js";
import { insertReport } from "./reports.repository.js";

/** A filled application as the browser posts it: a 30.000 kr. budget with 20.000 kr. applied for. */
const filled = (over: Record<string, string | string[]> = {}) => ({
  title: "Sommerlejr",
  amount: "20.000",
  "a.summary": "Sommerlejr for børn i boligområdet.",
  "a.participants": "40",
  "a.partner": "no",
  "a.partnerName": "",
  "a.startOn": "",
  "a.budget.cost.label[]": ["Transport", "Mad", ""],
  "a.budget.cost.amount[]": ["10.000", "20.000", ""],
  "a.budget.income.label[]": ["Egenbetaling", ""],
  "a.budget.income.amount[]": ["10.000", ""],
  ...over,
});

/**
 * An association's board applies: starts a draft, saves a sum written wrong and gets it back as typed,
 * checks what is missing, attaches a file (a text file called .pdf is refused), sends before the deadline
 * and both board members get the receipt with the application as a PDF. Late (00:00 the day after the
 * deadline in Copenhagen) is refused with the reason and the draft kept; an association owing a report
 * is refused; everyone else is shown nothing.
 */
describe.each(dialects())("an association applies for a grant [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  const clock = new TestClock(new Date("2026-11-22T10:00:00.000Z"));
  const setClock = (iso: string) => clock.advance(new Date(iso).getTime() - clock.now().getTime());
  let made: Awaited<ReturnType<typeof buildScheme>>;
  const clubs: Record<string, string> = {};
  let draftId = "";

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    for (const name of ["club", "late", "inTime", "owing", "other"]) clubs[name] = (await createAssociation(t.db, a, `Forening ${name}`)).id;
    const admin = (id: string) => ({ associationId: id, role: "admin" as const });
    await createPerson(t.db, a, {
      email: "ida@a.test",
      name: "Ida Formand",
      memberships: [admin(clubs.club as string), admin(clubs.late as string), admin(clubs.inTime as string), admin(clubs.owing as string)],
    });
    await createPerson(t.db, a, { email: "ole@a.test", name: "Ole Kasserer", memberships: [admin(clubs.club as string)] });
    await createPerson(t.db, a, { email: "member@a.test", memberships: [{ associationId: clubs.club as string, role: "member" }] });
    await createPerson(t.db, a, { email: "otherboard@a.test", memberships: [admin(clubs.other as string)] });
    await createPerson(t.db, a, { email: "case@a.test", roles: ["caseworker"] });
    await createPerson(t.db, b, { email: "admin@b.test", roles: ["tenant_admin", "caseworker"] });
    made = await buildScheme(t.db, a);
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const start = async (v: Visitor, association: string) => v.post(`/grants/apply/${made.round.id}`, { association }, { from: "/grants/mine" });
  const page = (id: string) => `/grants/applications/${id}`;
  const save = (v: Visitor, id: string, fields: Record<string, string | string[]>, action = "save") =>
    v.post(page(id), { ...fields, action }, { from: page(id) });

  it("starts a draft, and opens the same one when asked again", async () => {
    const ida = await as("ida@a.test");
    const res = await start(ida, clubs.club as string);
    expect(res.status).toBe(303);
    draftId = res.headers.get("location")?.split("/").pop() ?? "";
    const again = await start(ida, clubs.club as string);
    expect(again.headers.get("location")).toBe(page(draftId));
    const html = await (await ida.get(page(draftId))).text();
    expect(html).toContain("Beskriv projektet");
    expect(html).toContain("Svar kun hvis »Samarbejder I med andre?« er »Ja«.");
    expect(html).toContain("Forening club");
  });

  it("saves a draft with a sum written wrong, keeps it as typed, and says who saved", async () => {
    const ole = await as("ole@a.test");
    const res = await save(ole, draftId, { title: "Sommerlejr", amount: "20.000,,5", "a.summary": "Noget om lejren" });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('value="20.000,,5"');
    expect(html).toContain("Skriv det beløb, I søger om, med tal");
    expect(html).toContain("Sidst gemt af Ole Kasserer");
    const kept = await findApplication(t.db, a.id, draftId);
    expect(kept?.status).toBe("draft");
    expect(kept?.answers).toMatchObject({ summary: "Noget om lejren", "~amount": "20.000,,5" });
  });

  it("lists what is missing when the board checks", async () => {
    const ida = await as("ida@a.test");
    const html = await (await save(ida, draftId, { title: "Sommerlejr", amount: "20.000", "a.summary": "Noget om lejren" }, "check")).text();
    expect(html).toContain("Svar på »Antal deltagere«.");
    expect(html).toContain('href="#f-a.participants"');
    expect(html).toContain("Svar på »Budget«.");
  });

  it("refuses bad input when sending, writing nothing", async () => {
    const ida = await as("ida@a.test");
    const before = await findApplication(t.db, a.id, draftId);
    const cases: [Record<string, string | string[]>, string][] = [
      [filled({ amount: "60.000" }), "I kan højst søge om"],
      [filled({ amount: "15.000" }), "Budgettet går ikke op: udgifter"],
      [filled({ "a.summary": "x".repeat(2001) }), "er for lang: højst 2000 tegn"],
    ];
    for (const [fields, message] of cases) {
      const res = await save(ida, draftId, fields, "submit");
      expect(res.status).toBe(422);
      expect(await res.text()).toContain(message);
    }
    expect(await findApplication(t.db, a.id, draftId)).toEqual(before);
  });

  it("refuses a text file called .pdf and takes a real PDF", async () => {
    const ida = await as("ida@a.test");
    const res = await ida.upload(
      `${page(draftId)}/files`,
      { field: "accounts" },
      { name: "regnskab.pdf", content: "bare tekst", type: "application/pdf", field: "file.accounts" },
      { from: page(draftId) },
    );
    expect(res.status).toBe(415);
    expect(await res.text()).toContain("Filen kan ikke bruges");
    expect(await t.db.selectFrom("grant_application_files").selectAll().execute()).toHaveLength(0);
    const ok = await ida.upload(
      `${page(draftId)}/files`,
      { field: "accounts" },
      { name: "regnskab.pdf", content: "%PDF-1.4\n%âãÏÓ\n", type: "application/pdf", field: "file.accounts" },
      { from: page(draftId) },
    );
    expect(ok.status).toBe(303);
    expect(await t.db.selectFrom("grant_application_files").selectAll().execute()).toHaveLength(1);
  });

  it("shows a draft to nobody but its association's board", async () => {
    for (const email of ["otherboard@a.test", "member@a.test", "case@a.test"]) {
      const v = await as(email);
      expect((await v.get(page(draftId))).status, email).toBe(404);
      expect((await v.get(`${page(draftId)}/receipt.pdf`)).status, email).toBe(404);
    }
    const other = await as("otherboard@a.test");
    expect((await start(other, clubs.club as string)).status).toBe(404);
    const stranger = await as("admin@b.test", "b.test");
    expect((await stranger.get(page(draftId))).status).toBe(404);
    const anonymous = await new Visitor(env.app, "a.test").get(page(draftId));
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toContain("/sign-in");
  });

  it("sends the application: the receipt with the PDF goes to every board member", async () => {
    const ida = await as("ida@a.test");
    const res = await save(ida, draftId, filled(), "submit");
    expect(res.status).toBe(303);
    const sent = await findApplication(t.db, a.id, draftId);
    expect(sent).toMatchObject({ status: "submitted", amountRequested: 2_000_000, title: "Sommerlejr" });
    expect(sent?.profile?.name).toBe("Forening club");
    for (const to of ["ida@a.test", "ole@a.test"]) {
      const mail = await t.db.selectFrom("mail_outbox").selectAll().where("to_address", "=", to).executeTakeFirstOrThrow();
      expect(mail.subject).toContain(sent?.reference);
      const [pdf] = JSON.parse(mail.attachments ?? "[]") as { content: string; contentType: string }[];
      expect(pdf?.contentType).toBe("application/pdf");
      expect(
        Buffer.from(pdf?.content ?? "", "base64")
          .subarray(0, 4)
          .toString(),
      ).toBe("%PDF");
    }
    const receipt = await ida.get(`${page(draftId)}/receipt.pdf`);
    expect(receipt.status).toBe(200);
    expect(
      Buffer.from(await receipt.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe("%PDF");
    const html = await (await ida.get(page(draftId))).text();
    expect(html).toContain("Sendt – venter på behandling");
    expect(html).toContain("Sommerlejr for børn i boligområdet.");
    const caseworker = await as("case@a.test");
    expect((await caseworker.get(`${page(draftId)}/receipt.pdf`)).status).toBe(200);
  });

  it("refuses an association that owes a report, naming the grant and its due date", async () => {
    const earlier = await buildGrantApplication(t.db, a, made, clubs.owing as string, { status: "decided", title: "Julefrokost" });
    await insertReport(
      t.db,
      a.id,
      dueReport(newId(), { id: earlier.id, tenantId: a.id, associationId: clubs.owing as string }, "2026-11-21"),
      "2026-11-01T09:00:00.000Z",
    );
    const ida = await as("ida@a.test");
    const res = await start(ida, clubs.owing as string);
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("rapporten for »Julefrokost«");
    expect(html).toContain("21. november 2026");
  });

  it("takes an application at 23:59 on the deadline day in Copenhagen and refuses it at 00:00, keeping the draft", async () => {
    let ida = await as("ida@a.test");
    const inTime = (await start(ida, clubs.inTime as string)).headers.get("location") ?? "";
    const late = (await start(ida, clubs.late as string)).headers.get("location") ?? "";
    const lateId = late.split("/").pop() as string;
    await save(ida, lateId, filled({ title: "For sent" }));
    const kept = await findApplication(t.db, a.id, lateId);

    setClock("2027-03-01T22:59:30.000Z");
    ida = await as("ida@a.test");
    expect((await ida.post(inTime, { ...filled(), action: "submit" }, { from: inTime })).status).toBe(303);

    setClock("2027-03-01T23:00:00.000Z");
    ida = await as("ida@a.test");
    const refused = await ida.post(late, { ...filled(), action: "submit" }, { from: late });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toMatch(/Fristen var 1\. mar\.? 2027[^<]*23[.:]59/);
    expect(await findApplication(t.db, a.id, lateId)).toEqual(kept);
    // Saving a late draft still keeps what was typed.
    expect((await ida.post(late, { ...filled({ title: "Stadig gemt" }), action: "save" }, { from: late })).status).toBe(303);
    expect((await findApplication(t.db, a.id, lateId))?.title).toBe("Stadig gemt");
  });
});
