import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, createTestApp, createTestDb, dialects, type TenantFixture, type TestDb, testConfig, Visitor } from "../../../test/harness.js";
import { loginAtProvider, startOidcProvider } from "../../../test/oidc.js";
import { newId } from "../ids.js";
import { SESSION_COOKIE } from "./sessions.js";

describe.each(dialects())("OpenID Connect sign-in [%s]", (dialect) => {
  let t: TestDb;
  let a: TenantFixture;
  let provider: Awaited<ReturnType<typeof startOidcProvider>>;
  let env: ReturnType<typeof createTestApp>;
  const host = "a.test";
  const callback = `http://${host}/auth/oidc/kommune/callback`;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host, isDefault: true });
    provider = await startOidcProvider({ clientId: "sammen", clientSecret: "s3cret-from-config", redirectUri: callback });
    await t.db
      .insertInto("oidc_providers")
      .values({
        id: newId(),
        tenant_id: a.id,
        slug: "kommune",
        label: "Kommunens login",
        issuer: provider.issuer,
        client_id: "sammen",
        secret_name: "kommune",
        grants_role: "staff",
      })
      .execute();
    env = createTestApp(t.db, { config: testConfig({ OIDC_SECRETS: JSON.stringify({ kommune: "s3cret-from-config" }) }) });
  });
  afterAll(async () => {
    await provider.stop();
    await t.destroy();
  });

  it("offers the tenant's provider on the sign-in page", async () => {
    expect(await (await new Visitor(env.app, host).get("/sign-in")).text()).toContain("Log ind med Kommunens login");
  });

  it("signs a staff member in through the provider, creates the account and grants the provider's role", async () => {
    const v = new Visitor(env.app, host);
    const start = await v.get("/auth/oidc/kommune");
    expect(start.status).toBe(302);
    const back = await loginAtProvider(start.headers.get("location") ?? "", "jens", callback);
    const res = await v.get(back.slice(`http://${host}`.length));
    expect(res.status).toBe(303);
    expect(v.cookie(SESSION_COOKIE)).toBeTruthy();
    const user = await t.db.selectFrom("users").selectAll().where("email", "=", "jens@kommune.test").executeTakeFirstOrThrow();
    expect(user).toMatchObject({ name: "Kommune jens", password_hash: null, tenant_id: a.id });
    expect(user.email_verified_at).not.toBeNull();
    const roles = await t.db.selectFrom("user_roles").select("role").where("user_id", "=", user.id).execute();
    expect(roles).toEqual([{ role: "staff" }]);
    expect((await v.get("/people")).status).toBe(200);
  });

  it("finds the same person again on the next sign-in", async () => {
    const v = new Visitor(env.app, host);
    const start = await v.get("/auth/oidc/kommune");
    const back = await loginAtProvider(start.headers.get("location") ?? "", "jens", callback);
    expect((await v.get(back.slice(`http://${host}`.length))).status).toBe(303);
    expect(await t.db.selectFrom("users").select("id").where("email", "=", "jens@kommune.test").execute()).toHaveLength(1);
  });

  it("refuses a callback whose state does not match, and signs nobody in", async () => {
    const v = new Visitor(env.app, host);
    const start = await v.get("/auth/oidc/kommune");
    const back = await loginAtProvider(start.headers.get("location") ?? "", "mallory", callback);
    const forged = back.replace(/state=[^&]+/, "state=forged");
    const res = await v.get(forged.slice(`http://${host}`.length));
    expect(res.status).toBe(400);
    expect(v.cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await t.db.selectFrom("users").select("id").where("email", "=", "mallory@kommune.test").execute()).toEqual([]);
  });

  it("says so when the client secret is missing from the config", async () => {
    const bare = createTestApp(t.db);
    const res = await new Visitor(bare.app, host).get("/auth/oidc/kommune");
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("ikke tilgængeligt lige nu");
  });

  it("answers 404 for a provider of another tenant or none", async () => {
    expect((await new Visitor(env.app, host).get("/auth/oidc/nope")).status).toBe(404);
  });
});
