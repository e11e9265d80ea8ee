import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { forEachTenantContext } from "../../platform/service-context.js";
import { remindEndings } from "./reminders.js";

/** Cooperation agreements: recorded by a caseworker, shown in part in the public register and the API, kept from everyone else, reminded once before the end. */
describe.each(dialects())("cooperation agreements [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let club: { id: string; name: string };
  let choir: { id: string; name: string };
  let foreign: { id: string; name: string };
  const clock = new TestClock(new Date("2027-03-01T09:00:00.000Z"));

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    club = await createAssociation(t.db, a, "Lektiecaféen");
    choir = await createAssociation(t.db, a, "Koret");
    foreign = await createAssociation(t.db, b, "Fremmed forening");
    await createPerson(t.db, a, { email: "case@a.test", name: "Cecilie Case", roles: ["caseworker"] });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "board@a.test", memberships: [{ associationId: club.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "member@a.test", memberships: [{ associationId: club.id, role: "member" }] });
    await createPerson(t.db, a, { email: "choir@a.test", memberships: [{ associationId: choir.id, role: "admin" }] });
    await createPerson(t.db, a, { email: "citizen@a.test" });
    await createPerson(t.db, b, { email: "case@b.test", roles: ["caseworker", "tenant_admin"] });
    env = createTestApp(t.db, { clock });
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const form = (over: Record<string, string | string[]> = {}) => ({
    title: "Lektiecafé på biblioteket",
    purpose: "Hjælp til lektier for børn i 4.–9. klasse.",
    level: "partnership",
    status: "agreed",
    municipalUnit: "Kultur og Fritid",
    municipalityGives: "Lokale på biblioteket to eftermiddage om ugen",
    party: [club.id, ""],
    partyGives: ["Ti frivillige lektiehjælpere", ""],
    startsOn: "2027-01-01",
    endsOn: "2027-04-15",
    isPublic: "on",
    contactName: "Hanne Hemmelig",
    contactEmail: "hanne@lektie.test",
    contactPhone: "12345678",
    notes: "Intern bemærkning om budget",
    ...over,
  });
  const count = async () =>
    Number(
      (
        await t.db
          .selectFrom("agreements")
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  let id = "";

  it("offers the associations in the reader's alphabetical order (Danish: Æ, Ø, Å last)", async () => {
    await createAssociation(t.db, a, "Åens Venner");
    await createAssociation(t.db, a, "Ældreklubben");
    await createAssociation(t.db, a, "Zoneklubben");
    const v = await as("case@a.test");
    const html = await (await v.get("/agreements/new")).text();
    const select = html.slice(html.indexOf('id="f-party"'), html.indexOf("</select>", html.indexOf('id="f-party"')));
    const names = [...select.matchAll(/<option value="[^"]+"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(names).toEqual(["Koret", "Lektiecaféen", "Zoneklubben", "Ældreklubben", "Åens Venner"]);
  });

  it("refuses an end before the start, no party and an unknown association, in words, writing nothing", async () => {
    const v = await as("case@a.test");
    const early = await v.post("/agreements/new", form({ endsOn: "2026-12-01" }), { from: "/agreements/new" });
    expect(early.status).toBe(422);
    expect(await early.text()).toContain("Slutdatoen skal ligge efter startdatoen.");
    const none = await v.post("/agreements/new", form({ party: ["", ""] }), { from: "/agreements/new" });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain("Vælg mindst én forening.");
    for (const unknown of ["no-such-association", foreign.id]) {
      const res = await v.post("/agreements/new", form({ party: [unknown] }), { from: "/agreements/new" });
      expect(res.status).toBe(422);
      expect(await res.text()).toContain("Vi kan ikke finde den forening.");
    }
    expect(await count()).toBe(0);
  });

  it("lets a caseworker record an agreement that then shows in the public register and the API, without its private parts", async () => {
    const v = await as("case@a.test");
    const res = await v.post("/agreements/new", form(), { from: "/agreements/new" });
    expect(res.status).toBe(303);
    id = (res.headers.get("location") ?? "").split("/")[2]?.split("?")[0] ?? "";
    const page = await (await v.get(`/agreements/${id}`)).text();
    expect(page).toContain("Lektiecaféen");
    expect(page).toContain("Ti frivillige lektiehjælpere");
    expect(page).toContain("Partnerskab");

    const register = await (await new Visitor(env.app, "a.test").get("/agreements")).text();
    expect(register).toContain("Lektiecafé på biblioteket");
    expect(register).toContain("Ti frivillige lektiehjælpere");
    expect(register).toContain("Lokale på biblioteket");
    for (const secret of ["Hanne Hemmelig", "hanne@lektie.test", "Intern bemærkning"]) expect(register).not.toContain(secret);

    const api = await new Visitor(env.app, "a.test").get("/api/v1/agreements");
    expect(api.status).toBe(200);
    const json = JSON.stringify(await api.json());
    expect(json).toContain("Lektiecafé på biblioteket");
    expect(json).toContain('"level":"partnership"');
    for (const secret of ["Hanne", "hanne@lektie.test", "Intern"]) expect(json).not.toContain(secret);
    // Another tenant's register and API know nothing of it.
    expect(await (await new Visitor(env.app, "b.test").get("/agreements")).text()).not.toContain("Lektiecafé");
    expect(JSON.stringify(await (await new Visitor(env.app, "b.test").get("/api/v1/agreements")).json())).not.toContain("Lektiecafé");
  });

  it("keeps a draft and an agreement not marked public out of the register and the API", async () => {
    const v = await as("case@a.test");
    await v.post("/agreements/new", form({ title: "Hemmelig aftale", isPublic: "" }), { from: "/agreements/new" });
    await v.post("/agreements/new", form({ title: "Udkast til aftale", status: "draft" }), { from: "/agreements/new" });
    const register = await (await new Visitor(env.app, "a.test").get("/agreements")).text();
    const api = JSON.stringify(await (await new Visitor(env.app, "a.test").get("/api/v1/agreements")).json());
    for (const title of ["Hemmelig aftale", "Udkast til aftale"]) {
      expect(register).not.toContain(title);
      expect(api).not.toContain(title);
    }
  });

  it("shows the agreement in full to the party's board, and to nobody else from the wrong side", async () => {
    const board = await as("board@a.test");
    const seen = await (await board.get(`/agreements/${id}`)).text();
    expect(seen).toContain("Intern bemærkning om budget");
    expect(seen).not.toContain(`action="/agreements/${id}/renew"`);
    expect(await (await board.get("/agreements/mine")).text()).toContain("Lektiecafé på biblioteket");
    expect((await board.post(`/agreements/${id}/end`, {}, { from: "/agreements/mine" })).status).toBe(403);
    expect((await board.get("/agreements/manage")).status).toBe(403);

    for (const email of ["choir@a.test", "member@a.test", "citizen@a.test", "staff@a.test"]) {
      const v = await as(email);
      const res = await v.get(`/agreements/${id}`);
      expect(res.status, email).toBe(404);
      expect(await (await v.get("/agreements/manage.csv")).text(), email).not.toContain("Hanne");
    }
    expect((await (await as("choir@a.test")).get("/agreements/mine")).status).toBe(200);
    expect(await (await (await as("choir@a.test")).get("/agreements/mine")).text()).not.toContain("Lektiecafé på biblioteket");
    expect((await (await as("staff@a.test")).get("/agreements/manage")).status).toBe(403);

    const other = await as("case@b.test", "b.test");
    expect((await other.get(`/agreements/${id}`)).status).toBe(404);
    expect((await other.post(`/agreements/${id}/end`, {}, { from: "/agreements/manage" })).status).toBe(404);
    expect(await (await other.get("/agreements/manage")).text()).not.toContain("Lektiecafé");

    const anonymous = await new Visitor(env.app, "a.test").get(`/agreements/${id}`);
    expect([302, 303, 401]).toContain(anonymous.status);
    const row = await t.db.selectFrom("agreements").select("status").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.status).toBe("agreed");
  });

  it("exports the list as CSV with the filters applied", async () => {
    const v = await as("case@a.test");
    const res = await v.get("/agreements/manage.csv?level=partnership&status=agreed");
    expect(res.headers.get("content-type")).toContain("text/csv");
    const csv = await res.text();
    expect(csv).toContain("Lektiecafé på biblioteket");
    expect(csv).toContain("Lektiecaféen: Ti frivillige lektiehjælpere");
    expect(csv).toContain("15. april 2027");
    expect(csv).not.toContain("Udkast til aftale");
  });

  it("reminds the caseworker and the contact person once, 60 days before the end, and shows the days left on the start page", async () => {
    const deps = { db: t.db, clock, config: env.config };
    await forEachTenantContext(deps, remindEndings);
    const mails = () =>
      t.db.selectFrom("mail_outbox").select(["to_address", "subject", "text"]).where("subject", "like", "%Lektiecafé på biblioteket%").execute();
    const sent = await mails();
    expect(sent.map((m) => m.to_address).sort()).toEqual(["case@a.test", "hanne@lektie.test"]);
    expect(sent[0]?.subject).toContain("15. april 2027");
    // The level as the tenant's scale names it.
    expect(sent[0]?.text).toContain("Niveau: Partnerskab.");
    clock.advance(DAY_MS);
    await forEachTenantContext(deps, remindEndings);
    expect(await mails()).toHaveLength(2);
    const start = await (await (await as("case@a.test")).get("/start")).text();
    expect(start).toContain("Udløber om 44 dage");
  });

  it("renews an agreement as a new draft period, keeping the old one as history", async () => {
    const v = await as("case@a.test");
    const res = await v.post(`/agreements/${id}/renew`, {}, { from: `/agreements/${id}` });
    expect(res.status).toBe(303);
    const next = (res.headers.get("location") ?? "").split("/")[2]?.split("?")[0] ?? "";
    expect(next).not.toBe(id);
    const rows = await t.db
      .selectFrom("agreements")
      .select(["id", "status", "starts_on", "ends_on", "previous_id"])
      .where("series_id", "=", id)
      .orderBy("starts_on")
      .execute();
    expect(rows.map((r) => [r.status, r.starts_on, r.ends_on, r.previous_id])).toEqual([
      ["agreed", "2027-01-01", "2027-04-15", null],
      ["draft", "2027-04-16", "2027-07-29", id],
    ]);
    expect(await (await v.get(`/agreements/${next}`)).text()).toContain("Aftalens perioder");
    expect((await v.post(`/agreements/${id}/end`, { confirm: "yes", endsOn: "2027-03-02" }, { from: `/agreements/${id}/end` })).status).toBe(303);
    expect(await (await new Visitor(env.app, "a.test").get("/agreements")).text()).not.toContain("Lektiecafé på biblioteket");
  });

  it("keeps documents for the keepers and the party's board only", async () => {
    const v = await as("case@a.test");
    const pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF";
    const bad = await v.upload(
      `/agreements/${id}/documents`,
      {},
      { name: "aftale.pdf", content: "not a pdf", type: "application/pdf" },
      { from: `/agreements/${id}` },
    );
    expect(bad.status).toBe(415);
    expect(await t.db.selectFrom("agreement_documents").selectAll().execute()).toHaveLength(0);
    const ok = await v.upload(`/agreements/${id}/documents`, {}, { name: "aftale.pdf", content: pdf, type: "application/pdf" }, { from: `/agreements/${id}` });
    expect(ok.status).toBe(303);
    const doc = await t.db.selectFrom("agreement_documents").select("id").executeTakeFirstOrThrow();
    const path = `/agreements/${id}/documents/${doc.id}`;
    expect(await (await (await as("board@a.test")).get(path)).text()).toContain("%PDF");
    expect((await (await as("choir@a.test")).get(path)).status).toBe(404);
    expect((await (await as("case@b.test", "b.test")).get(path)).status).toBe(404);
  });
});
