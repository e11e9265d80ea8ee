import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { whereStored } from "../../../test/database-dump.js";
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

/**
 * The expert pool: a board asks for a finance expert, staff match one, the expert accepts, hours are logged and
 * both rate it. The expert's contact details reach only staff and the board whose request they accepted, and only
 * once they have; bad input answers clearly and writes nothing.
 */
describe.each(dialects())("the expert pool [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let club: { id: string; name: string };
  let other: { id: string; name: string };
  let foreign: { id: string; name: string };
  let expertUser: { id: string };
  const clock = new TestClock(new Date("2026-11-30T10:00:00.000Z"));
  let requestId = "";
  let matchId = "";
  const PHONE = "+45 21 43 65 87";

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    club = await createAssociation(t.db, a, "Roklubben Bølgen");
    other = await createAssociation(t.db, a, "Skakklubben Løberen");
    foreign = await createAssociation(t.db, b, "Fremmed Forening");
    await createPerson(t.db, a, { email: "staff@a.test", name: "Sofie Staff", roles: ["staff"] });
    await createPerson(t.db, a, { email: "board@a.test", name: "Bent Bestyrelse", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "member@a.test", name: "Mette Medlem", memberships: [{ associationId: club.id, role: "member" }] });
    await createPerson(t.db, a, { email: "otherboard@a.test", name: "Ole Anden", memberships: [{ associationId: other.id, role: "admin" }] });
    expertUser = await createPerson(t.db, a, { email: "expert@a.test", name: "Eva Ekspert" });
    await createPerson(t.db, a, { email: "lawyer@a.test", name: "Lars Jurist" });
    await createPerson(t.db, a, { email: "citizen@a.test", name: "Carl Borger" });
    await createPerson(t.db, b, { email: "staff@b.test", roles: ["staff"] });
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const count = async (table: "expert_requests" | "expert_hours" | "expert_profiles" | "expert_matches") =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("signs experts up with their skills and hours, and refuses a sign-up with no skill", async () => {
    const eva = await as("expert@a.test");
    const none = await eva.post("/experts/join", { skills: [], experience: "Revisor i 20 år", hoursPerMonth: "4", phone: "" }, { from: "/experts/join" });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain("Sæt kryds ved mindst én ting");
    expect(await count("expert_profiles")).toBe(0);
    const ok = await eva.post(
      "/experts/join",
      { skills: ["finance", "fundraising"], experience: "Revisor i 20 år", hoursPerMonth: "4", phone: PHONE },
      { from: "/experts/join" },
    );
    expect(ok.headers.get("location")).toBe("/experts/me?notice=expertSaved");
    const lars = await as("lawyer@a.test");
    await lars.post("/experts/join", { skills: ["law"], experience: "Advokat", hoursPerMonth: "10", phone: "" }, { from: "/experts/join" });
    expect(await count("expert_profiles")).toBe(2);
  });

  it("refuses a board's bad request clearly and writes nothing", async () => {
    const board = await as("board@a.test");
    const from = { from: "/experts/ask" };
    const noSkill = await board.post("/experts/ask", { association: club.id, skill: "", description: "Budget", neededBy: "" }, from);
    expect(noSkill.status).toBe(422);
    const noSkillHtml = await noSkill.text();
    expect(noSkillHtml).toContain("Vælg, hvad I har brug for hjælp til.");
    expect(noSkillHtml).toContain("Område");
    expect(noSkillHtml).toContain("Beskriv opgaven");
    const long = await board.post("/experts/ask", { association: club.id, skill: "finance", description: "x".repeat(1001), neededBy: "" }, from);
    expect(long.status).toBe(422);
    expect(await long.text()).toContain("Beskrivelsen er for lang. Skriv højst 1.000 tegn.");
    for (const neededBy of ["2020-01-01", "2026-11-29"]) {
      const past = await board.post("/experts/ask", { association: club.id, skill: "finance", description: "Budget", neededBy }, from);
      expect([neededBy, past.status]).toEqual([neededBy, 422]);
      const html = await past.text();
      expect(html).toContain("Datoen er allerede passeret. Vælg i dag eller en senere dato.");
      expect(html).toContain("Budget");
    }
    for (const id of ["no-such-association", foreign.id]) {
      const unknown = await board.post("/experts/ask", { association: id, skill: "finance", description: "Budget", neededBy: "" }, from);
      expect(unknown.status).toBe(422);
      expect(await unknown.text()).not.toContain(foreign.name);
    }
    // Another association's board, and a plain member, cannot ask on the club's behalf.
    const otherBoard = await as("otherboard@a.test");
    expect((await otherBoard.post("/experts/ask", { association: club.id, skill: "finance", description: "Budget", neededBy: "" }, from)).status).toBe(403);
    expect((await (await as("member@a.test")).get("/experts/ask")).status).toBe(403);
    expect(await count("expert_requests")).toBe(0);
  });

  it("lets a board ask for a finance expert and staff see the best suited, with reasons", async () => {
    const board = await as("board@a.test");
    const asked = await board.post(
      "/experts/ask",
      { association: club.id, skill: "finance", description: "Vi skal lave budget og har ingen kasserer.", neededBy: "2027-01-31" },
      { from: "/experts/ask" },
    );
    expect(asked.status).toBe(303);
    requestId = (asked.headers.get("location") ?? "").split("/").pop()?.split("?")[0] ?? "";
    expect(await (await board.get("/experts/mine")).text()).toContain("Venter på en ekspert");
    const told = await latestMail(t.db, "kontakt@a.test");
    expect(told?.subject).toBe("Roklubben Bølgen beder om en ekspert (Økonomi)");
    expect(told?.text).toContain("Vi skal lave budget og har ingen kasserer.");
    expect(told?.text).toContain(`http://a.test/experts/requests/${requestId}`);

    const staff = await as("staff@a.test");
    const page = await (await staff.get(`/experts/requests/${requestId}`)).text();
    expect(page).toContain("Eva Ekspert");
    expect(page).toContain("Kan økonomi");
    expect(page).toContain("Har 4 timer om måneden");
    expect(page).toContain("Hjælper ingen lige nu");
    expect(page).not.toContain("Lars Jurist");
    // The suggestions never show contact details.
    expect(page).not.toContain(PHONE);
  });

  it("keeps requests from the wrong side: another board, a citizen, the expert before it is put to them, another tenant", async () => {
    for (const email of ["otherboard@a.test", "citizen@a.test", "expert@a.test", "member@a.test"])
      expect((await (await as(email)).get(`/experts/requests/${requestId}`)).status).toBe(404);
    expect((await (await as("staff@b.test", "b.test")).get(`/experts/requests/${requestId}`)).status).toBe(404);
    expect(await (await (await as("otherboard@a.test")).get("/experts/mine")).text()).not.toContain("Roklubben");
    expect((await (await as("citizen@a.test")).get("/experts/requests")).status).toBe(403);
    expect((await new Visitor(env.app, "a.test").get(`/experts/requests/${requestId}`)).status).toBe(303);
  });

  it("lets staff propose the expert, who gets a mail and accepts; only then does the board get the contact details", async () => {
    const staff = await as("staff@a.test");
    const expertId = (await t.db.selectFrom("expert_profiles").select("id").where("user_id", "=", expertUser.id).executeTakeFirstOrThrow()).id;
    const proposed = await staff.post(`/experts/requests/${requestId}/propose`, { expert: expertId }, { from: `/experts/requests/${requestId}` });
    expect(proposed.status).toBe(303);
    const mail = await latestMail(t.db, "expert@a.test");
    expect(mail?.subject).toContain("Roklubben Bølgen");
    matchId = (await t.db.selectFrom("expert_matches").select("id").executeTakeFirstOrThrow()).id;

    // Before the expert says yes, the board sees neither the match nor the contact details.
    const board = await as("board@a.test");
    expect((await board.get(`/experts/matches/${matchId}`)).status).toBe(404);
    expect(await (await board.get(`/experts/requests/${requestId}`)).text()).not.toContain(PHONE);
    expect(await (await board.get("/experts/mine")).text()).not.toContain("Eva Ekspert");
    // Another expert cannot see or answer a match put to someone else.
    const lars = await as("lawyer@a.test");
    expect((await lars.get(`/experts/matches/${matchId}`)).status).toBe(404);
    expect((await lars.post(`/experts/matches/${matchId}/answer`, { answer: "accept" }, { from: "/experts/me" })).status).toBe(404);
    expect(await (await lars.get("/experts/me")).text()).not.toContain("Roklubben");

    const eva = await as("expert@a.test");
    expect(await (await eva.get("/experts/me")).text()).toContain("Roklubben Bølgen søger hjælp til Økonomi");
    const accepted = await eva.post(`/experts/matches/${matchId}/answer`, { answer: "accept" }, { from: "/experts/me" });
    expect(accepted.status).toBe(303);
    const toBoard = await latestMail(t.db, "board@a.test");
    expect(toBoard?.text).toContain(PHONE);
    expect(toBoard?.text).toContain("expert@a.test");

    const matchPage = await (await board.get(`/experts/matches/${matchId}`)).text();
    expect(matchPage).toContain(PHONE);
    for (const email of ["otherboard@a.test", "citizen@a.test", "member@a.test"]) {
      const res = await (await as(email)).get(`/experts/matches/${matchId}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain(PHONE);
    }
    expect((await (await as("staff@b.test", "b.test")).get(`/experts/matches/${matchId}`)).status).toBe(404);
  });

  it("logs hours from both sides, refusing 0, more than 24 on a day, and a bad date", async () => {
    const board = await as("board@a.test");
    const eva = await as("expert@a.test");
    const from = { from: `/experts/matches/${matchId}` };
    for (const hours of ["0", "25", "abc", ""]) {
      const bad = await eva.post(`/experts/matches/${matchId}/hours`, { onDate: "2026-12-01", hours, what: "Budget" }, from);
      expect(bad.status).toBe(422);
      expect(await bad.text()).toContain("Skriv et antal timer over 0 og højst 24");
    }
    expect((await eva.post(`/experts/matches/${matchId}/hours`, { onDate: "2026-02-30", hours: "2", what: "Budget" }, from)).status).toBe(422);
    expect((await eva.post(`/experts/matches/${matchId}/hours`, { onDate: "2026-12-01", hours: "2,5", what: "Budget gennemgået" }, from)).status).toBe(303);
    expect((await board.post(`/experts/matches/${matchId}/hours`, { onDate: "2026-12-01", hours: "20", what: "Møde" }, from)).status).toBe(303);
    const full = await board.post(`/experts/matches/${matchId}/hours`, { onDate: "2026-12-01", hours: "2", what: "Mere" }, from);
    expect(full.status).toBe(422);
    expect(await full.text()).toContain("mere end 24 timer");
    expect(await count("expert_hours")).toBe(2);
    expect(
      (await (await as("otherboard@a.test")).post(`/experts/matches/${matchId}/hours`, { onDate: "2026-12-02", hours: "1", what: "x" }, from)).status,
    ).toBe(404);
    expect(await count("expert_hours")).toBe(2);
  });

  it("closes with a rating from each side, and shows staff the hours per expert and skill", async () => {
    const board = await as("board@a.test");
    const eva = await as("expert@a.test");
    const from = { from: `/experts/matches/${matchId}` };
    expect((await board.post(`/experts/matches/${matchId}/rate`, { rating: "9", comment: "Godt" }, from)).status).toBe(422);
    expect((await board.post(`/experts/matches/${matchId}/rate`, { rating: "5", comment: "Eva fik styr på budgettet." }, from)).status).toBe(303);
    expect((await board.post(`/experts/matches/${matchId}/rate`, { rating: "4", comment: "Igen" }, from)).status).toBe(409);
    expect((await eva.post(`/experts/matches/${matchId}/rate`, { rating: "4", comment: "En god bestyrelse at hjælpe." }, from)).status).toBe(303);
    const row = await t.db.selectFrom("expert_matches").selectAll().where("id", "=", matchId).executeTakeFirstOrThrow();
    expect([row.status, Number(row.board_rating), Number(row.expert_rating)]).toEqual(["closed", 5, 4]);
    expect((await t.db.selectFrom("expert_requests").select("status").executeTakeFirstOrThrow()).status).toBe("closed");

    const staff = await as("staff@a.test");
    const figures = await (await staff.get("/experts/hours")).text();
    expect(figures).toContain("22,5 timer");
    const csv = await (await staff.get("/experts/hours.csv")).text();
    expect(csv).toContain("Eva Ekspert");
    expect(csv).toContain("22,5");
    expect((await board.get("/experts/hours")).status).toBe(403);
  });

  it("hands the expert their profile, matches, hours and ratings, and forgets them on erasure", async () => {
    const eva = await as("expert@a.test");
    const data = await (await eva.get("/account/data.json")).json();
    expect(data.experts.expert_profile).toMatchObject({ skills: ["finance", "fundraising"], hours_per_month: 4, phone: PHONE });
    expect(data.experts.expert_matches).toEqual([
      expect.objectContaining({
        skill: "finance",
        status: "closed",
        your_rating: 4,
        board_rating: 5,
        hours: expect.arrayContaining([expect.objectContaining({ minutes: 150 })]),
      }),
    ]);
    expect((await eva.post("/account/delete", {}, { from: "/account/delete" })).status).toBe(303);
    // Only the mail the board got when she said yes still names her: it is the board's own mail.
    expect((await whereStored(t.db, [expertUser.id, "Eva Ekspert", PHONE])).filter((where) => !where.startsWith("mail_outbox."))).toEqual([]);
    expect(await count("expert_requests")).toBe(1);
  });
});
