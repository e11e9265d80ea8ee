import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAssociation,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  latestMail,
  linkIn,
  PASSWORD,
  type TenantFixture,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";

describe.each(dialects())("associations [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let besog: { id: string };
  let lektie: { id: string };
  let other: { id: string };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test", country: "NO" });
    besog = await createAssociation(t.db, a, "Besøgsvennerne");
    lektie = await createAssociation(t.db, a, "Lektiecaféen");
    other = await createAssociation(t.db, b, "Bergen Turlag");
    await createPerson(t.db, a, { email: "admin@a.test", memberships: [{ associationId: besog.id, role: "admin" }] });
    await createPerson(t.db, a, {
      email: "both@a.test",
      memberships: [
        { associationId: besog.id, role: "member" },
        { associationId: lektie.id, role: "member" },
      ],
    });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, b, { email: "staff@b.test", roles: ["staff", "tenant_admin"] });
    await createPerson(t.db, b, { email: "admin@a.test", memberships: [{ associationId: other.id, role: "admin" }] });
    env = createTestApp(t.db);
  });
  afterAll(() => t.destroy());

  const names = () => t.db.selectFrom("associations").select(["name", "tenant_id"]).orderBy("name").execute();

  it("lets a citizen register an association and become its admin", async () => {
    await createPerson(t.db, a, { email: "new@a.test" });
    const v = new Visitor(env.app, a.host);
    await v.signIn("new@a.test");
    const res = await v.post(
      "/associations/new",
      { name: "Sønderby Strikkeklub", registrationNumber: "13 58 56 28", email: "strik@a.test", phone: "" },
      { from: "/associations/new" },
    );
    expect(res.status).toBe(303);
    const page = await v.get(res.headers.get("location") ?? "");
    const html = await page.text();
    expect(html).toContain("Sønderby Strikkeklub");
    expect(html).toContain("13585628");
    expect(html).toContain("Ret foreningens oplysninger");
  });

  it.each([
    [{ name: "", registrationNumber: "", email: "x@a.test", phone: "" }, "Skriv foreningens navn"],
    [{ name: "Klub", registrationNumber: "12345678", email: "x@a.test", phone: "" }, "ikke et gyldigt CVR-nummer"],
    [{ name: "Klub", registrationNumber: "", email: "nope", phone: "" }, "gyldig e-mailadresse"],
    [{ name: "<script>alert(1)</script>", registrationNumber: "", email: "x@a.test", phone: "abc" }, "telefonnummer"],
  ])("refuses %o and writes nothing", async (fields, message) => {
    const before = await names();
    const v = new Visitor(env.app, a.host);
    await v.signIn("new@a.test");
    const res = await v.post("/associations/new", fields, { from: "/associations/new" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(message);
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(await names()).toEqual(before);
  });

  it("checks the register number of the tenant's country", async () => {
    const v = new Visitor(env.app, b.host);
    await v.signIn("staff@b.test");
    const bad = await v.post("/associations/new", { name: "Lag", registrationNumber: "13585628", email: "x@b.test", phone: "" }, { from: "/associations/new" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("ikke et gyldigt organisationsnummer");
    const good = await v.post(
      "/associations/new",
      { name: "Lag", registrationNumber: "988 077 917", email: "x@b.test", phone: "" },
      { from: "/associations/new" },
    );
    expect(good.status).toBe(303);
  });

  it("shows members only their associations, and staff all of their own tenant", async () => {
    const member = new Visitor(env.app, a.host);
    await member.signIn("admin@a.test");
    const mine = await (await member.get("/associations")).text();
    expect(mine).toContain("Besøgsvennerne");
    expect(mine).not.toContain("Lektiecaféen");
    const staff = new Visitor(env.app, a.host);
    await staff.signIn("staff@a.test");
    const all = await (await staff.get("/associations")).text();
    expect(all).toContain("Lektiecaféen");
    expect(all).not.toContain("Bergen Turlag");
    const bytes = new Uint8Array(await (await staff.get("/associations/export.csv")).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain("Besøgsvennerne");
    expect(csv).not.toContain("Bergen Turlag");
  });

  it("keeps an association's admin out of another association", async () => {
    const v = new Visitor(env.app, a.host);
    await v.signIn("admin@a.test");
    expect((await v.get(`/associations/${lektie.id}`)).status).toBe(403);
    expect((await v.get(`/associations/${lektie.id}/edit`)).status).toBe(403);
    const before = await names();
    const res = await v.post(
      `/associations/${lektie.id}/edit`,
      { name: "Overtaget", registrationNumber: "", email: "x@a.test", phone: "" },
      { from: "/associations" },
    );
    expect(res.status).toBe(403);
    expect(await names()).toEqual(before);
  });

  it("keeps tenant B's staff out of tenant A's associations, even with the right id", async () => {
    const v = new Visitor(env.app, b.host);
    await v.signIn("staff@b.test");
    expect((await v.get(`/associations/${besog.id}`)).status).toBe(404);
    const before = await names();
    expect(
      (await v.post(`/associations/${besog.id}/edit`, { name: "X", registrationNumber: "", email: "x@b.test", phone: "" }, { from: "/associations" })).status,
    ).toBe(404);
    expect(await names()).toEqual(before);
  });

  it("does not carry a session from one tenant's host to another", async () => {
    const v = new Visitor(env.app, a.host);
    await v.signIn("admin@a.test");
    const cookie = v.cookie("sammen_session") ?? "";
    const res = await env.app.request("http://b.test/associations", { headers: { host: b.host, cookie: `sammen_session=${cookie}` } });
    expect(res.status).toBe(303);
  });

  it("invites a member by e-mail, who accepts after signing in", async () => {
    const admin = new Visitor(env.app, a.host);
    await admin.signIn("admin@a.test");
    const res = await admin.post(`/associations/${besog.id}/invite`, { email: "ny.frivillig@a.test", role: "member" }, { from: `/associations/${besog.id}` });
    expect(res.status).toBe(303);
    const mail = await latestMail(t.db, "ny.frivillig@a.test");
    expect(mail?.subject).toBe("Invitation til Besøgsvennerne");
    const link = linkIn(mail?.text ?? "", "/invitations/accept");

    await createPerson(t.db, a, { email: "ny.frivillig@a.test" });
    const invitee = new Visitor(env.app, a.host);
    expect(await (await invitee.get(link)).text()).toContain("Log ind eller opret en konto");
    await invitee.signIn("ny.frivillig@a.test", PASSWORD);
    const token = new URL(`http://x${link}`).searchParams.get("token") ?? "";
    const accept = await invitee.post("/invitations/accept", { token }, { from: link });
    expect(accept.status).toBe(303);
    expect(accept.headers.get("location")).toBe(`/associations/${besog.id}`);
    expect(await (await invitee.get(`/associations/${besog.id}`)).text()).toContain("ny.frivillig@a.test");
    expect((await invitee.post("/invitations/accept", { token }, { from: "/" })).status).toBe(400);
  });

  it("refuses an invitation accepted by someone signed in with another e-mail", async () => {
    const admin = new Visitor(env.app, a.host);
    await admin.signIn("admin@a.test");
    await admin.post(`/associations/${besog.id}/invite`, { email: "someone.else@a.test", role: "admin" }, { from: `/associations/${besog.id}` });
    const link = linkIn((await latestMail(t.db, "someone.else@a.test"))?.text ?? "", "/invitations/accept");
    const wrong = new Visitor(env.app, a.host);
    await wrong.signIn("staff@a.test");
    const token = new URL(`http://x${link}`).searchParams.get("token") ?? "";
    expect((await wrong.post("/invitations/accept", { token }, { from: link })).status).toBe(403);
  });

  it("keeps one admin: the last admin cannot step down", async () => {
    const admin = new Visitor(env.app, a.host);
    await admin.signIn("admin@a.test");
    const me = await t.db.selectFrom("users").select("id").where("email", "=", "admin@a.test").where("tenant_id", "=", a.id).executeTakeFirstOrThrow();
    const res = await admin.post(`/associations/${besog.id}/members/${me.id}`, { role: "member", action: "role" }, { from: `/associations/${besog.id}` });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("mindst én administrator");
  });

  it("lets a person in several associations switch the active one, but not to someone else's", async () => {
    const v = new Visitor(env.app, a.host);
    await v.signIn("both@a.test");
    expect(await (await v.get("/")).text()).toContain('id="association-select"');
    const ok = await v.post("/associations/switch", { associationId: lektie.id, back: "/associations" });
    expect(ok.status).toBe(303);
    expect(await (await v.get("/")).text()).toMatch(new RegExp(`value="${lektie.id}" selected`));
    expect((await v.post("/associations/switch", { associationId: other.id, back: "/" })).status).toBe(403);
  });

  it("writes an audit row for every change to someone else's data", async () => {
    const actions = await t.db.selectFrom("audit_log").select("action").where("tenant_id", "=", a.id).execute();
    expect(actions.map((x) => x.action)).toEqual(expect.arrayContaining(["association.created", "association.member_invited", "association.member_joined"]));
  });
});
