import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countingQueries,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  latestMail,
  linkIn,
  type TenantFixture,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";

describe.each(dialects())("people and roles [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let citizenId: string;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    await createPerson(t.db, a, { email: "admin@a.test", name: "Ada Admin", roles: ["tenant_admin"] });
    await createPerson(t.db, a, { email: "staff@a.test", name: "Sofie Staff", roles: ["staff"] });
    await createPerson(t.db, a, { email: "case@a.test", name: "Carl Case", roles: ["caseworker"] });
    citizenId = (await createPerson(t.db, a, { email: "borger@a.test", name: "Bo Borger" })).id;
    await createPerson(t.db, b, { email: "borger@b.test", name: "Bente fra B" });
    env = createTestApp(t.db);
  });
  afterAll(() => t.destroy());

  const roles = (userId: string) => t.db.selectFrom("user_roles").select("role").where("user_id", "=", userId).execute();

  it("lists the tenant's people for staff, with search and CSV, and nobody from another tenant", async () => {
    const v = new Visitor(env.app, a.host);
    await v.signIn("staff@a.test");
    const html = await (await v.get("/people")).text();
    expect(html).toContain("Bo Borger");
    expect(html).not.toContain("Bente fra B");
    const search = await (await v.get("/people?q=carl")).text();
    expect(search).toContain("Carl Case");
    expect(search).not.toContain("Bo Borger");
    const csv = await (await v.get("/people/export.csv")).text();
    expect(csv).toContain("borger@a.test");
    expect(csv).not.toContain("borger@b.test");
    // Headers, roles and times in the reader's words.
    expect(csv.replace(/^\uFEFF/, "").split("\n")[0]).toBe("Navn;E-mail;E-mail bekræftet;Roller;Oprettet");
    expect(csv).toMatch(/Carl Case;case@a\.test;[^;]*;Sagsbehandler[^;]*;\d{1,2}\. [a-z]+\.? \d{4},? \d{2}\.\d{2}/);
  });

  it("keeps caseworkers and citizens out of the people list", async () => {
    for (const email of ["case@a.test", "borger@a.test"]) {
      const v = new Visitor(env.app, a.host);
      await v.signIn(email);
      expect((await v.get("/people")).status).toBe(403);
      expect((await v.get("/people/export.csv")).status).toBe(403);
    }
  });

  it("lets staff grant the staff role, but only a tenant admin grant tenant admin", async () => {
    const staff = new Visitor(env.app, a.host);
    await staff.signIn("staff@a.test");
    expect((await staff.post(`/people/${citizenId}/roles`, { role: "staff", action: "grant" }, { from: "/people" })).status).toBe(303);
    expect((await roles(citizenId)).map((r) => r.role)).toEqual(["staff"]);
    expect((await staff.post(`/people/${citizenId}/roles`, { role: "tenant_admin", action: "grant" }, { from: "/people" })).status).toBe(403);
    expect((await roles(citizenId)).map((r) => r.role)).toEqual(["staff"]);

    const admin = new Visitor(env.app, a.host);
    await admin.signIn("admin@a.test");
    expect((await admin.post(`/people/${citizenId}/roles`, { role: "staff", action: "revoke" }, { from: "/people" })).status).toBe(303);
    expect(await roles(citizenId)).toEqual([]);
    const audit = await t.db.selectFrom("audit_log").select(["action", "entity_id"]).where("action", "in", ["role.granted", "role.revoked"]).execute();
    expect(audit).toHaveLength(2);
    expect(audit.every((r) => r.entity_id === citizenId)).toBe(true);
  });

  it("keeps tenant A's staff from changing a person in tenant B", async () => {
    const bPerson = await t.db.selectFrom("users").select("id").where("email", "=", "borger@b.test").executeTakeFirstOrThrow();
    const staff = new Visitor(env.app, a.host);
    await staff.signIn("admin@a.test");
    expect((await staff.get(`/people/${bPerson.id}`)).status).toBe(404);
    expect((await staff.post(`/people/${bPerson.id}/roles`, { role: "staff", action: "grant" }, { from: "/people" })).status).toBe(404);
    expect(await roles(bPerson.id)).toEqual([]);
  });

  it("does not let the last tenant admin remove their own role", async () => {
    const admin = new Visitor(env.app, a.host);
    await admin.signIn("admin@a.test");
    const me = await t.db.selectFrom("users").select("id").where("email", "=", "admin@a.test").executeTakeFirstOrThrow();
    expect((await admin.post(`/people/${me.id}/roles`, { role: "tenant_admin", action: "revoke" }, { from: "/people" })).status).toBe(409);
  });

  it("invites a colleague with a role, who gets it on accepting", async () => {
    const staff = new Visitor(env.app, a.host);
    await staff.signIn("staff@a.test");
    const bad = await staff.post("/people/invite", { email: "not-an-email", role: "caseworker" }, { from: "/people" });
    expect(bad.status).toBe(422);
    const res = await staff.post("/people/invite", { email: "kollega@a.test", role: "caseworker" }, { from: "/people" });
    expect(res.status).toBe(303);
    const mail = await latestMail(t.db, "kollega@a.test");
    expect(mail?.text).toContain("Du er inviteret til Test a med rollen: Sagsbehandler i kommunen.");
    expect(mail?.text).not.toContain("Sofie");
    const { id } = await createPerson(t.db, a, { email: "kollega@a.test" });
    const v = new Visitor(env.app, a.host);
    await v.signIn("kollega@a.test");
    const link = linkIn(mail?.text ?? "", "/invitations/accept");
    await v.post("/invitations/accept", { token: new URL(`http://x${link}`).searchParams.get("token") ?? "" }, { from: link });
    expect((await roles(id)).map((r) => r.role)).toEqual(["caseworker"]);
  });

  it("lists people at a fixed number of queries, noting each person shown in one insert", async () => {
    const c = await createTenant(t.db, { slug: "c", host: "c.test" });
    await createPerson(t.db, c, { email: "staff@c.test", name: "Cecilie Staff", roles: ["staff"] });
    await createPerson(t.db, c, { email: "one@c.test", name: "Citizen 1", roles: ["caseworker"] });
    const counted = countingQueries(t.db);
    const v = new Visitor(createTestApp(counted.db).app, c.host);
    await v.signIn("staff@c.test");
    const queriesFor = async (people: number) => {
      counted.take();
      const html = await (await v.get("/people")).text();
      expect(html).toContain(`Citizen ${people - 1}`);
      return counted.take();
    };
    const few = await queriesFor(2);
    for (let i = 2; i < 20; i++) await createPerson(t.db, c, { email: `p${i}@c.test`, name: `Citizen ${i}`, roles: i % 2 ? ["staff"] : [] });
    expect(await queriesFor(20)).toBe(few);
    const logged = await t.db.selectFrom("access_log").select("subject_id").where("tenant_id", "=", c.id).where("action", "=", "people.listed").execute();
    expect(logged).toHaveLength(1 + 19);
  });
});
