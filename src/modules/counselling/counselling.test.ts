import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { jobContext } from "../../platform/service-context.js";
import { allTenants } from "../../platform/tenants/tenants.js";
import { countFigures } from "./figures.js";
import { personalData } from "./personal-data.js";
import { remindNextSteps } from "./reminders.js";

const INTERNAL = "Formanden virker presset – hold øje";
const AGREED = "I laver en plan for velkomst af nye frivillige";

/**
 * The counselling log: staff keep cases and conversations; the board of the association sees what was agreed
 * and the next steps, never the internal note; someone starting an association books a conversation; the
 * responsible staff member is reminded once when a next step's day comes.
 */
describe.each(dialects())("counselling [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let club: { id: string; name: string };
  let otherClub: { id: string; name: string };
  let caseId = "";
  // Sunday 22 November 2026, 11:00 in Copenhagen.
  const clock = new TestClock(new Date("2026-11-22T10:00:00.000Z"));

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    club = await createAssociation(t.db, a, "Naboernes Forening");
    otherClub = await createAssociation(t.db, a, "Skakklubben");
    await createPerson(t.db, a, { email: "staff@a.test", name: "Sofie Staff", roles: ["staff"] });
    await createPerson(t.db, a, { email: "caseworker@a.test", name: "Kaj Sagsbehandler", roles: ["caseworker"] });
    await createPerson(t.db, a, { email: "board@a.test", name: "Bente Bestyrelse", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "member@a.test", name: "Mads Medlem", memberships: [{ associationId: club.id, role: "member" }] });
    await createPerson(t.db, a, { email: "otherboard@a.test", name: "Ole Skak", memberships: [{ associationId: otherClub.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "citizen@a.test", name: "Carl Borger" });
    await createPerson(t.db, b, { email: "staff@b.test", roles: ["staff", "tenant_admin"] });
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const count = async (table: "counselling_cases" | "counselling_entries") =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const entry = (over: Record<string, string> = {}) => ({
    heldOn: "2026-11-20",
    minutes: "45",
    agreed: AGREED,
    internalNote: INTERNAL,
    nextStep: "Bente sender udkast til plan",
    nextStepOn: "2026-11-30",
    responsibleId: "",
    ...over,
  });

  it("lets someone starting an association read the four steps and book a conversation", async () => {
    const visitor = new Visitor(env.app, "a.test");
    const page = await (await visitor.get("/counselling/start")).text();
    expect(page).toContain("CVR");
    const bad = await visitor.post("/counselling/start", { name: "Karen Holm", email: "ikke-en-mail", phone: "", about: "" }, { from: "/counselling/start" });
    expect(bad.status).toBe(422);
    expect(await count("counselling_cases")).toBe(0);
    const res = await visitor.post(
      "/counselling/start",
      { name: "Karen Holm", email: "karen@example.test", phone: "+45 12 34 56 78", about: "En strikkeklub i Nørreby for unge mødre" },
      { from: "/counselling/start" },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("notice=counsellingBooked");
    const receipt = await latestMail(t.db, "karen@example.test");
    expect(receipt?.subject).toContain("forespørgsel");
    expect((await latestMail(t.db, "staff@a.test"))?.text).toContain("Karen Holm");
    const staff = await as("staff@a.test");
    expect(await (await staff.get("/start")).text()).toContain("1 ny forespørgsel om opstart");
    const list = await (await staff.get("/counselling?topic=startup")).text();
    expect(list).toContain("Karen Holm");
  });

  it("refuses bad input clearly and writes nothing", async () => {
    const staff = await as("staff@a.test");
    const before = await count("counselling_cases");
    const unknownAssociation = await staff.post(
      "/counselling/new",
      { kind: "association", associationId: "no-such-association", topic: "board", about: "", staffId: "" },
      { from: "/counselling/new" },
    );
    expect(unknownAssociation.status).toBe(422);
    expect(await unknownAssociation.text()).toContain("Vi kender ikke den forening");
    const foreign = await createAssociation(t.db, b, "Fremmed Forening");
    expect(
      (await staff.post("/counselling/new", { kind: "association", associationId: foreign.id, topic: "board" }, { from: "/counselling/new" })).status,
    ).toBe(422);
    const unknownTopic = await staff.post("/counselling/new", { kind: "association", associationId: club.id, topic: "gossip" }, { from: "/counselling/new" });
    expect(unknownTopic.status).toBe(422);
    expect(await unknownTopic.text()).toContain("Vælg et emne fra listen");
    expect(await count("counselling_cases")).toBe(before);

    const made = await staff.post(
      "/counselling/new",
      { kind: "association", associationId: club.id, topic: "recruitment", about: "Mangler frivillige" },
      { from: "/counselling/new" },
    );
    expect(made.status).toBe(303);
    caseId = (made.headers.get("location") ?? "").split("/")[2]?.split("?")[0] ?? "";
    const path = `/counselling/${caseId}`;
    for (const [fields, text] of [
      [{ minutes: "-5" }, "helt tal fra 0 til 1440"],
      [{ minutes: "1441" }, "helt tal fra 0 til 1440"],
      [{ nextStepOn: "2026-02-31" }, "åååå-mm-dd"],
      [{ responsibleId: "someone-else" }, "Vælg en medarbejder"],
    ] as const) {
      const res = await staff.post(`${path}/entries`, entry(fields), { from: path });
      expect(res.status, JSON.stringify(fields)).toBe(422);
      expect((await res.text()).toLowerCase()).toContain(text.toLowerCase());
    }
    expect(await count("counselling_entries")).toBe(0);
  });

  it("shows the board what was agreed and the next step, never the internal note", async () => {
    const staff = await as("staff@a.test");
    const path = `/counselling/${caseId}`;
    const logged = await staff.post(`${path}/entries`, entry(), { from: path });
    expect(logged.status).toBe(303);
    const page = await (await staff.get(path)).text();
    expect(page).toContain(INTERNAL);
    expect(page).toContain(AGREED);
    const board = await as("board@a.test");
    const mine = await (await board.get("/counselling/mine")).text();
    expect(mine).toContain(AGREED);
    expect(mine).toContain("Bente sender udkast til plan");
    expect(mine).not.toContain(INTERNAL);
    expect(mine).not.toContain("Mangler frivillige");
    const other = await (await (await as("otherboard@a.test")).get("/counselling/mine")).text();
    expect(other).not.toContain(AGREED);
  });

  it("keeps the log from everyone but the centre's staff", async () => {
    const path = `/counselling/${caseId}`;
    for (const email of ["board@a.test", "member@a.test", "citizen@a.test", "caseworker@a.test", "otherboard@a.test"]) {
      const v = await as(email);
      for (const p of ["/counselling", path, "/counselling/figures", "/counselling/new"]) expect((await v.get(p)).status, `${email} ${p}`).toBe(404);
      expect((await v.post(`${path}/close`, {}, { from: "/" })).status, email).toBe(404);
    }
    for (const email of ["member@a.test", "citizen@a.test", "caseworker@a.test"]) expect((await (await as(email)).get("/counselling/mine")).status).toBe(404);
    const foreign = await as("staff@b.test", "b.test");
    expect((await foreign.get(path)).status).toBe(404);
    expect((await foreign.post(`${path}/entries`, entry(), { from: "/" })).status).toBe(404);
    const anonymous = new Visitor(env.app, "a.test");
    for (const p of ["/counselling", path, "/counselling/mine"]) expect([302, 303, 401]).toContain((await anonymous.get(p)).status);
    expect(await count("counselling_entries")).toBe(1);
  });

  it("reminds the responsible staff member once when the next step's day comes, without the internal note", async () => {
    const tenant = (await allTenants(t.db)).find((x) => x.id === a.id);
    if (!tenant) throw new Error("no tenant");
    const run = () => remindNextSteps(jobContext({ db: t.db, clock, config: env.config }, tenant));
    await run();
    const before = await latestMail(t.db, "staff@a.test");
    clock.advance(8 * 86_400_000); // 30 November
    await run();
    const reminder = await latestMail(t.db, "staff@a.test");
    expect(reminder?.id).not.toBe(before?.id);
    expect(reminder?.text).toContain("Bente sender udkast til plan");
    expect(reminder?.text).not.toContain(INTERNAL);
    clock.advance(86_400_000);
    await run();
    expect((await latestMail(t.db, "staff@a.test"))?.id).toBe(reminder?.id);
    const boardMail = await t.db.selectFrom("mail_outbox").select("text").where("to_address", "=", "board@a.test").execute();
    expect(boardMail.map((m) => m.text).join("\n")).not.toContain(INTERNAL);
  });

  it("closes and reopens a case, and counts cases and hours by topic and period", async () => {
    const staff = await as("staff@a.test");
    const path = `/counselling/${caseId}`;
    expect((await staff.post(`${path}/close`, {}, { from: path })).status).toBe(303);
    expect(await (await staff.get("/counselling?status=closed")).text()).toContain(club.name);
    expect((await staff.post(`${path}/reopen`, {}, { from: path })).status).toBe(303);
    const figures = await (await staff.get("/counselling/figures?year=2026&by=quarter")).text();
    expect(figures).toContain("Rekruttering af frivillige");
    const csv = await staff.get("/counselling/figures.csv?year=2026");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(await csv.text()).toContain("Rekruttering af frivillige;1;0,8");
  });

  it("hands the initiative's contact person what is held about them, and forgets them on erasure", async () => {
    const subject = { tenantId: a.id, userId: null, email: "karen@example.test" };
    const karenCase = (await t.db.selectFrom("counselling_cases").select("id").where("contact_email", "=", "karen@example.test").executeTakeFirstOrThrow()).id;
    const staff = await as("staff@a.test");
    const note = "Karen virker usikker på økonomien";
    const logged = await staff.post(`/counselling/${karenCase}/entries`, entry({ internalNote: note }), { from: `/counselling/${karenCase}` });
    expect(logged.status).toBe(303);
    const held = JSON.stringify(await personalData.read(t.db, undefined as never, subject));
    // What staff wrote about her own conversations is hers to see when she asks for her data.
    expect(held).toContain(note);
    expect(held).toContain(AGREED);
    expect(held).toContain("Karen Holm");
    expect(held).toContain("+45 12 34 56 78");
    await personalData.erase(t.db, subject, { clock, pseudonym: "x" });
    expect(await personalData.read(t.db, undefined as never, subject)).toEqual({});
    expect(await t.db.selectFrom("counselling_cases").select("id").where("contact_name", "=", "Karen Holm").execute()).toEqual([]);
  });

  it("counts a case once per period however many conversations it had", () => {
    const f = countFigures(
      [
        { caseId: "x", heldOn: "2026-01-05", minutes: 30, topic: "board" },
        { caseId: "x", heldOn: "2026-02-05", minutes: 60, topic: "board" },
        { caseId: "y", heldOn: "2026-02-10", minutes: 15, topic: "other" },
      ],
      2026,
      "quarter",
    );
    expect(f.byPeriod[0]).toEqual({ key: "2026-Q1", cases: 2, minutes: 105 });
    expect(f.byTopic.find((r) => r.topic === "board")).toMatchObject({ cases: 1, minutes: 90 });
    expect(f.total).toMatchObject({ cases: 2, minutes: 105 });
  });
});
