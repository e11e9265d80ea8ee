import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe.each(dialects())("my data and deleting my account [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let personId: string;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    const club = await createAssociation(t.db, a, "Gåklubben");
    personId = (await createPerson(t.db, a, { email: "karen@a.test", name: "Karen Holm", memberships: [{ associationId: club.id, role: "admin" }] })).id;
    await createPerson(t.db, a, { email: "other@a.test", name: "Other Person", memberships: [{ associationId: club.id, role: "admin" }] });
    env = createTestApp(t.db);
  });
  afterAll(() => t.destroy());

  it("updates the name and language, and refuses an unknown language", async () => {
    const v = new Visitor(env.app, a.host);
    await v.signIn("karen@a.test");
    expect((await v.post("/account", { name: "Karen M. Holm", language: "en" }, { from: "/account" })).status).toBe(303);
    expect(await (await v.get("/account")).text()).toContain('<html lang="en">');
    const bad = await v.post("/account", { name: "Karen", language: "xx" }, { from: "/account" });
    expect(bad.status).toBe(422);
    const row = await t.db.selectFrom("users").select(["name", "language"]).where("id", "=", personId).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: "Karen M. Holm", language: "en" });
  });

  it("downloads everything held about the person as JSON, and nothing of others", async () => {
    const v = new Visitor(env.app, a.host);
    await v.signIn("karen@a.test");
    const res = await v.get("/account/data.json");
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const data = await res.json();
    expect(data.account).toMatchObject({ email: "karen@a.test", name: "Karen M. Holm", has_password: true });
    expect(data.account.password_hash).toBeUndefined();
    expect(data.association_memberships).toEqual([expect.objectContaining({ association: "Gåklubben", role: "admin" })]);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.your_activity.map((x: { action: string }) => x.action)).toContain("user.signed_in");
    expect(JSON.stringify(data)).not.toContain("other@a.test");
    // The same as a page a person reads: parts and fields in words, times as the reader writes them.
    const page = (await (await v.get("/account/data/view")).text()).replace(/<[^>]+>/g, " ");
    expect(page).toMatch(/Foreninger, du er med i|Associations you belong to/);
    expect(page).toContain("Gåklubben");
    expect(page).toMatch(/Logget ind|Signed in/);
    expect(page).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(page).not.toContain("other@a.test");
  });

  it("needs a confirmation step, then deletes the account; audit rows stay without name or address", async () => {
    const v = new Visitor(env.app, a.host);
    await v.signIn("karen@a.test");
    const confirm = await (await v.get("/account/delete")).text();
    expect(confirm).toContain("The audit log keeps that an action happened");
    const res = await v.post("/account/delete", {}, { from: "/account/delete" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/?notice=accountDeleted");
    expect(await t.db.selectFrom("users").select("id").where("id", "=", personId).execute()).toEqual([]);
    expect(await t.db.selectFrom("association_members").select("user_id").where("user_id", "=", personId).execute()).toEqual([]);
    expect(await t.db.selectFrom("sessions").select("user_id").where("user_id", "=", personId).execute()).toEqual([]);
    const rows = await t.db.selectFrom("audit_log").selectAll().where("tenant_id", "=", a.id).execute();
    const text = JSON.stringify(rows);
    expect(text).not.toContain("Karen");
    expect(text).not.toContain("karen@a.test");
    // The trail stays, under a pseudonym that no longer leads to the person, and without their address.
    expect(text).not.toContain(personId);
    const erased = rows.find((r) => r.action === "person.erased");
    expect(erased?.entity_id).toBeTruthy();
    const theirs = rows.filter((r) => r.actor_id === erased?.entity_id);
    expect(theirs.map((r) => r.action)).toContain("user.signed_in");
    expect(theirs.every((r) => r.ip === null)).toBe(true);
    expect((await v.get("/account")).status).toBe(303);
  });

  it("sends a signed-out visitor to sign in instead of showing my data", async () => {
    const res = await new Visitor(env.app, a.host).get("/account/data.json");
    expect(res.status).toBe(303);
  });
});
