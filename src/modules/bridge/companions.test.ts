import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptReferral, buildFollowUpCase } from "../../../test/factories/bridge-followup-case.js";
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
import type { StaffRole } from "../../platform/auth/policy.js";

/**
 * Companions (følgevenner): a pool of trained volunteers, ranked for a person by area, language and times;
 * the one asked gets a mail with no details and a page with the person's first name and the first
 * meeting's time and place. Nothing else of the case, and nothing at all for anyone else.
 */
describe.each(dialects())("bridge-building companions [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  const clock = new TestClock(new Date("2026-11-22T10:00:00.000Z"));
  const users: Record<string, string> = {};
  let caseId = "";
  let noConsentId = "";

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    const people: [string, string, TenantFixture, StaffRole[]][] = [
      ["builder@a.test", "Birte Brobygger", a, ["bridge_builder"]],
      ["builder2@a.test", "Bo Brobygger", a, ["bridge_builder"]],
      ["staff@a.test", "Sofie Staff", a, ["staff"]],
      ["ella@a.test", "Ella Følgeven", a, []],
      ["niels@a.test", "Niels Følgeven", a, []],
      ["builder@b.test", "Berit Brobygger", b, ["bridge_builder"]],
    ];
    for (const [email, name, tenant, roles] of people) users[email] = (await createPerson(t.db, tenant, { email, name, roles })).id;
    env = createTestApp(t.db, { clock });
    const club = await createAssociation(t.db, a, "Haveklubben");
    const c = await buildFollowUpCase(t.db, a, { builderId: users["builder@a.test"] as string });
    caseId = c.id;
    await acceptReferral(t.db, a, caseId, club.id, "2026-12-01T17:30", "Kolonihaven, Søndervej 4");
    noConsentId = (
      await buildFollowUpCase(t.db, a, {
        builderId: users["builder@a.test"] as string,
        consent: { at: "2026-11-01T10:00:00.000Z", by: null, purposes: ["bridge_building"], how: "phone", copy: "email" },
      })
    ).id;
  });
  afterAll(() => t.destroy());

  const as = async (email: string, host = "a.test") => {
    const v = new Visitor(env.app, host);
    await v.signIn(email);
    return v;
  };
  const companionOf = async (id: string) =>
    (await t.db.selectFrom("bridge_cases").select("companion_id").where("id", "=", id).executeTakeFirstOrThrow()).companion_id;

  it("keeps the pool for bridge-builders: anyone else finds no page", async () => {
    expect((await (await as("builder@a.test")).get("/bridge/companions")).status).toBe(200);
    for (const email of ["staff@a.test", "ella@a.test"]) expect((await (await as(email)).get("/bridge/companions")).status, email).toBe(404);
    const staff = await as("staff@a.test");
    expect((await staff.post("/bridge/companions", { email: "ella@a.test", postcode: "", trainedOn: "" })).status).toBe(404);
    expect(await t.db.selectFrom("bridge_companions").select("user_id").execute()).toEqual([]);
  });

  it("adds people with an account by e-mail; an unknown address, a bad postcode or a second time writes nothing", async () => {
    const builder = await as("builder@a.test");
    const unknown = await builder.post("/bridge/companions", { email: "nobody@a.test", postcode: "", trainedOn: "" });
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain("Der er ingen konto med den e-mailadresse");
    const badPostcode = await builder.post("/bridge/companions", { email: "ella@a.test", postcode: "abc", trainedOn: "2026-02-30" });
    expect(badPostcode.status).toBe(422);
    const otherTenant = await builder.post("/bridge/companions", { email: "builder@b.test", postcode: "", trainedOn: "" });
    expect(otherTenant.status).toBe(422);
    expect(await t.db.selectFrom("bridge_companions").select("user_id").execute()).toEqual([]);

    const ella = await builder.post("/bridge/companions", {
      email: "ella@a.test",
      postcode: "8000",
      languages: ["en", "da"],
      slots: ["tue-morning", "sat-morning"],
      trainedOn: "2026-10-01",
    });
    expect(ella.status).toBe(303);
    expect((await builder.post("/bridge/companions", { email: "niels@a.test", postcode: "9000", languages: ["nl"], trainedOn: "" })).status).toBe(303);
    const twice = await builder.post("/bridge/companions", { email: "ella@a.test", postcode: "", trainedOn: "" });
    expect(twice.status).toBe(422);
    expect(await twice.text()).toContain("Personen er allerede følgeven.");
    const list = await (await builder.get("/bridge/companions")).text();
    expect(list).toContain("Ella Følgeven");
    expect(list).toContain("Niels Følgeven");
  });

  it("ranks the candidates by area, shared language and times, each with its reasons", async () => {
    const builder = await as("builder@a.test");
    const page = await builder.get(`/bridge/cases/${caseId}/companion`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html.indexOf("Ella Følgeven")).toBeGreaterThan(-1);
    expect(html.indexOf("Ella Følgeven")).toBeLessThan(html.indexOf("Niels Følgeven"));
    expect(html).toMatch(/Samme postnummer|Bor .* væk/);
    expect(html).toContain("Taler");
    expect(html).toContain("Kan på de samme tider: Tirsdag formiddag");
  });

  it("does not ask anyone for a person who did not agree to a companion, nor anyone outside the active pool", async () => {
    const builder = await as("builder@a.test");
    const refused = await builder.post(`/bridge/cases/${noConsentId}/companion`, { companionId: users["ella@a.test"] as string });
    expect(refused.status).toBe(422);
    expect(await companionOf(noConsentId)).toBeNull();
    const stranger = await builder.post(`/bridge/cases/${caseId}/companion`, { companionId: users["staff@a.test"] as string });
    expect(stranger.status).toBe(422);
    expect(await companionOf(caseId)).toBeNull();
  });

  it("asks the companion with a mail that names no one; their page shows first name, time, place and whom to call", async () => {
    const builder = await as("builder@a.test");
    const assigned = await builder.post(`/bridge/cases/${caseId}/companion`, { companionId: users["ella@a.test"] as string });
    expect(assigned.status).toBe(303);
    expect(await companionOf(caseId)).toBe(users["ella@a.test"]);
    const mail = await latestMail(t.db, "ella@a.test");
    expect(mail?.text).toContain("/bridge/companion");
    expect(mail?.text).not.toContain("Yasmin");
    expect(mail?.text).not.toContain("Kolonihaven");
    const linked = await t.db.selectFrom("bridge_mails").select("mail_id").where("case_id", "=", caseId).execute();
    expect(linked.map((m) => m.mail_id)).toContain(mail?.id);

    const ella = await as("ella@a.test");
    const page = await ella.get("/bridge/companion");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Yasmin");
    expect(html).toContain("Kolonihaven, Søndervej 4");
    expect(html).toContain("17.30");
    expect(html).toContain("Birte Brobygger");
    for (const secret of ["Ensom efter flytning", "Hemmelig note", "yasmin@example.test", "Strikning", "God til planter"]) expect(html).not.toContain(secret);
    const logged = await t.db
      .selectFrom("access_log")
      .select(["subject_id", "actor_id"])
      .where("action", "=", "bridge.companion.page_read")
      .where("actor_id", "=", users["ella@a.test"] as string)
      .execute();
    expect(logged.map((r) => r.subject_id)).toEqual([caseId]);

    // The companion has no way into the case itself.
    for (const path of [`/bridge/cases/${caseId}/companion`, `/bridge/cases/${caseId}/follow-ups`]) expect((await ella.get(path)).status, path).toBe(404);
    // Niels, not asked, sees nobody.
    expect(await (await (await as("niels@a.test")).get("/bridge/companion")).text()).toContain("Du følger ingen lige nu");
  });

  it("shows the case's companion page only to its bridge-builder: another, staff and another tenant get 404", async () => {
    const path = `/bridge/cases/${caseId}/companion`;
    for (const email of ["builder2@a.test", "staff@a.test"]) {
      const v = await as(email);
      expect((await v.get(path)).status, email).toBe(404);
      expect((await v.post(`${path}/remove`, {})).status, email).toBe(404);
    }
    expect((await (await as("builder@b.test", "b.test")).get(path)).status).toBe(404);
    expect(await companionOf(caseId)).toBe(users["ella@a.test"]);
  });

  it("removes the companion, and a paused companion is no longer a candidate", async () => {
    const builder = await as("builder@a.test");
    expect((await builder.post(`/bridge/cases/${caseId}/companion/remove`, {})).status).toBe(303);
    expect(await companionOf(caseId)).toBeNull();
    expect(await (await (await as("ella@a.test")).get("/bridge/companion")).text()).not.toContain("Yasmin");
    expect((await builder.post(`/bridge/companions/${users["niels@a.test"]}/deactivate`, {})).status).toBe(303);
    const html = await (await builder.get(`/bridge/cases/${caseId}/companion`)).text();
    expect(html).not.toContain("Niels Følgeven");
    const audits = await t.db.selectFrom("audit_log").select("action").where("tenant_id", "=", a.id).where("action", "like", "bridge.companion%").execute();
    expect(audits.map((r) => r.action).sort()).toEqual([
      "bridge.companion_added",
      "bridge.companion_added",
      "bridge.companion_assigned",
      "bridge.companion_changed",
      "bridge.companion_removed",
    ]);
  });

  it("edits a companion's details; a bad date writes nothing", async () => {
    const builder = await as("builder@a.test");
    const path = `/bridge/companions/${users["ella@a.test"]}`;
    expect((await builder.get(path)).status).toBe(200);
    expect((await builder.post(path, { postcode: "8200", trainedOn: "2026-13-01" })).status).toBe(422);
    expect((await builder.post(path, { postcode: "8200", languages: ["da"], trainedOn: "" })).status).toBe(303);
    const row = await t.db
      .selectFrom("bridge_companions")
      .selectAll()
      .where("user_id", "=", users["ella@a.test"] as string)
      .executeTakeFirstOrThrow();
    expect([row.postcode, row.languages, row.trained_on]).toEqual(["8200", "da", null]);
    expect((await (await as("builder@b.test", "b.test")).get(path)).status).toBe(404);
  });
});
