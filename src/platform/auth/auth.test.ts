import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
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
  testConfig,
  Visitor,
} from "../../../test/harness.js";
import { argon2Hashes } from "./passwords.js";
import { SESSION_COOKIE } from "./sessions.js";

describe.each(dialects())("sign-up and sign-in [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let tenant: TenantFixture;
  const host = "sonderby.test";

  beforeAll(async () => {
    t = await createTestDb(dialect);
    tenant = await createTenant(t.db, { slug: "sonderby", host, isDefault: true });
    env = createTestApp(t.db, { config: undefined });
  });
  afterAll(() => t.destroy());

  const users = () => t.db.selectFrom("users").select(["email", "email_verified_at"]).execute();

  it("signs a person up, verifies the e-mail by link, and signs them in", async () => {
    const v = new Visitor(env.app, host);
    const res = await v.post("/sign-up", { name: "Inge Madsen", email: "Inge@Example.org", password: PASSWORD }, { from: "/sign-up" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("inge@example.org");

    const mail = await latestMail(t.db, "inge@example.org");
    expect(mail?.subject).toBe("Bekræft din e-mail hos Test sonderby");
    const early = await v.post("/sign-in", { email: "inge@example.org", password: PASSWORD });
    expect(early.status).toBe(403);
    expect(await early.text()).toContain("Du skal bekræfte din e-mail først");

    const verify = await v.get(linkIn(mail?.text ?? "", "/verify"));
    expect(verify.status).toBe(303);
    expect(verify.headers.get("location")).toBe("/sign-in?notice=verified");
    const again = await v.get(linkIn(mail?.text ?? "", "/verify"));
    expect(again.status).toBe(400);

    const signIn = await v.post("/sign-in", { email: "INGE@example.org", password: PASSWORD });
    expect(signIn.status).toBe(303);
    expect(v.cookie(SESSION_COOKIE)).toBeTruthy();
    const account = await v.get("/account");
    expect(await account.text()).toContain("Du er logget ind som inge@example.org");
  });

  it.each([
    [{ name: "A", email: "not-an-email", password: PASSWORD }, "Skriv en gyldig e-mailadresse"],
    [{ name: "A", email: "a@example.org", password: "kort" }, "mindst 15 tegn"],
    [{ name: "A", email: "a@example.org", password: "1qaz2wsx3edc4rfv" }, "meget almindelig"],
    [{ name: "A", email: "a@example.org", password: "aaaaaaaaaaaaaaaaaaaa" }, "meget almindelig"],
    [{ name: "Annemette", email: "annemette@example.org", password: "annemette@example.org" }, "må ikke være dit navn"],
    [{ name: "", email: "a@example.org", password: PASSWORD }, "Skriv dit navn"],
  ])("refuses %o with a clear message and writes nothing", async (fields, message) => {
    const before = await users();
    const v = new Visitor(env.app, host);
    const res = await v.post("/sign-up", fields, { from: "/sign-up" });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(message);
    expect(html).toContain('class="ds-error-summary"');
    expect(html).toContain(`value="${fields.email}"`);
    expect(await users()).toEqual(before);
  });

  it("answers a sign-up for a taken e-mail like any other, and tells the owner by e-mail", async () => {
    const v = new Visitor(env.app, host);
    const res = await v.post("/sign-up", { name: "Someone", email: "inge@example.org", password: "en helt anden lang adgangskode" }, { from: "/sign-up" });
    expect(res.status).toBe(200);
    expect((await latestMail(t.db, "inge@example.org"))?.subject).toBe("Du har allerede en konto hos Test sonderby");
    expect((await users()).filter((u) => u.email === "inge@example.org")).toHaveLength(1);
  });

  it("hashes the password for a taken e-mail as for a new one, so the time a sign-up takes tells nothing", async () => {
    const v = new Visitor(env.app, host);
    const cost = async (email: string) => {
      const before = argon2Hashes();
      const res = await v.post("/sign-up", { name: "Someone", email, password: "en helt anden lang adgangskode" }, { from: "/sign-up" });
      expect(res.status).toBe(200);
      return argon2Hashes() - before;
    };
    expect(await cost("inge@example.org")).toBe(1);
    expect(await cost("new-person@example.org")).toBe(1);
  });

  it("refuses a form without the CSRF token and changes nothing", async () => {
    const before = await users();
    const v = new Visitor(env.app, host);
    const res = await v.post("/sign-up", { name: "Eve", email: "eve@example.org", password: PASSWORD }, { csrf: false });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Formularen er udløbet");
    const forged = await v.post("/sign-up", { name: "Eve", email: "eve@example.org", password: PASSWORD }, { csrf: "forged-token" });
    expect(forged.status).toBe(403);
    expect(await users()).toEqual(before);
  });

  it("says the same for a wrong password and an unknown e-mail", async () => {
    const v = new Visitor(env.app, host);
    const wrong = await v.post("/sign-in", { email: "inge@example.org", password: "forkert forkert forkert" });
    const unknown = await v.post("/sign-in", { email: "nobody@example.org", password: "forkert forkert forkert" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.text()).toContain("E-mail eller adgangskode er forkert");
  });

  it("signs in by magic link once, by POST, so link scanners use nothing up", async () => {
    const v = new Visitor(env.app, host);
    await v.post("/sign-in/link/request", { email: "inge@example.org" }, { from: "/sign-in" });
    const link = linkIn((await latestMail(t.db, "inge@example.org"))?.text ?? "", "/sign-in/link");
    const page = await v.get(link);
    expect(page.status).toBe(200);
    expect(v.cookie(SESSION_COOKIE)).toBeUndefined();
    const token = new URL(`http://x${link}`).searchParams.get("token") ?? "";
    const signIn = await v.post("/sign-in/link", { token }, { from: link });
    expect(signIn.status).toBe(303);
    expect(v.cookie(SESSION_COOKIE)).toBeTruthy();
    const reuse = await new Visitor(env.app, host).post("/sign-in/link", { token }, { from: link });
    expect(reuse.status).toBe(400);
  });

  it("resets a password by e-mail link, ends every session, and refuses a weak new one", async () => {
    const other = new Visitor(env.app, host);
    await other.signIn("inge@example.org");
    const v = new Visitor(env.app, host);
    await v.post("/password/forgot", { email: "inge@example.org" }, { from: "/password/forgot" });
    const token = new URL(`http://x${linkIn((await latestMail(t.db, "inge@example.org"))?.text ?? "", "/password/reset")}`).searchParams.get("token") ?? "";
    const weak = await v.post("/password/reset", { token, password: "password" }, { from: "/password/forgot" });
    expect(weak.status).toBe(422);
    const ok = await v.post("/password/reset", { token, password: "et nyt og langt kodeord til inge" }, { from: "/password/forgot" });
    expect(ok.status).toBe(303);
    expect((await other.get("/account")).status).toBe(303);
    expect((await v.post("/sign-in", { email: "inge@example.org", password: PASSWORD })).status).toBe(401);
    await v.signIn("inge@example.org", "et nyt og langt kodeord til inge");
  });

  it("ends every older link of a kind once one is used, and sign-in links once the password is reset", async () => {
    const email = "links@example.org";
    await createPerson(t.db, tenant, { email });
    const v = new Visitor(env.app, host);
    const link = async (path: string, from: string, landing: string) => {
      env.clock.advance(1000);
      await v.post(path, { email }, { from });
      return new URL(`http://x${linkIn((await latestMail(t.db, email))?.text ?? "", landing)}`).searchParams.get("token") ?? "";
    };
    const olderMagic = await link("/sign-in/link/request", "/sign-in", "/sign-in/link");
    const newerMagic = await link("/sign-in/link/request", "/sign-in", "/sign-in/link");
    expect((await v.post("/sign-in/link", { token: newerMagic }, { from: "/sign-in" })).status).toBe(303);
    expect((await new Visitor(env.app, host).post("/sign-in/link", { token: olderMagic }, { from: "/sign-in" })).status).toBe(400);

    const magic = await link("/sign-in/link/request", "/sign-in", "/sign-in/link");
    const olderReset = await link("/password/forgot", "/password/forgot", "/password/reset");
    const newerReset = await link("/password/forgot", "/password/forgot", "/password/reset");
    const reset = await v.post("/password/reset", { token: newerReset, password: "et nyt og langt kodeord til links" }, { from: "/password/forgot" });
    expect(reset.status).toBe(303);
    const older = await v.post("/password/reset", { token: olderReset, password: "et andet langt kodeord til links" }, { from: "/password/forgot" });
    expect(older.status).toBe(400);
    expect((await new Visitor(env.app, host).post("/sign-in/link", { token: magic }, { from: "/sign-in" })).status).toBe(400);
    await new Visitor(env.app, host).signIn(email, "et nyt og langt kodeord til links");
  });

  it("asks for a reset of an unknown e-mail without saying it is unknown, and sends nothing", async () => {
    const v = new Visitor(env.app, host);
    const res = await v.post("/password/forgot", { email: "ghost@example.org" }, { from: "/password/forgot" });
    expect(res.status).toBe(200);
    expect(await latestMail(t.db, "ghost@example.org")).toBeUndefined();
  });

  it("ends a session after the idle time and after the absolute time", async () => {
    const v = new Visitor(env.app, host);
    await v.signIn("inge@example.org", "et nyt og langt kodeord til inge");
    expect((await v.get("/account")).status).toBe(200);
    env.clock.advance((env.config.SESSION_IDLE_MINUTES + 1) * 60_000);
    expect((await v.get("/account")).status).toBe(303);

    const w = new Visitor(env.app, host);
    await w.signIn("inge@example.org", "et nyt og langt kodeord til inge");
    for (let h = 0; h < env.config.SESSION_ABSOLUTE_HOURS; h += 1) {
      env.clock.advance(3600_000);
      await w.get("/account");
    }
    env.clock.advance(60_000);
    expect((await w.get("/account")).status).toBe(303);
  });

  it("signs out here, and everywhere", async () => {
    const a = new Visitor(env.app, host);
    const b = new Visitor(env.app, host);
    await a.signIn("inge@example.org", "et nyt og langt kodeord til inge");
    await b.signIn("inge@example.org", "et nyt og langt kodeord til inge");
    await a.post("/sign-out", {}, { from: "/account" });
    expect((await a.get("/account")).status).toBe(303);
    expect((await b.get("/account")).status).toBe(200);
    const c = new Visitor(env.app, host);
    await c.signIn("inge@example.org", "et nyt og langt kodeord til inge");
    await c.post("/account/sign-out-everywhere", {}, { from: "/account" });
    expect((await b.get("/account")).status).toBe(303);
    expect((await c.get("/account")).status).toBe(303);
  });

  it("rate-limits wrong passwords for an account, and lifts the limit after the window", async () => {
    const v = new Visitor(env.app, host);
    const statuses: number[] = [];
    for (let i = 0; i <= env.config.RATE_LIMIT_PER_15_MIN; i += 1) {
      statuses.push((await v.post("/sign-in", { email: "limited@example.org", password: "forkert forkert forkert" })).status);
    }
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    const last = await v.post("/sign-in", { email: "limited@example.org", password: "forkert forkert forkert" });
    expect(last.status).toBe(429);
    expect(await last.text()).toContain("For mange forsøg");
    env.clock.advance(16 * 60_000);
    expect((await v.post("/sign-in", { email: "limited@example.org", password: "forkert forkert forkert" })).status).toBe(401);
  });

  it("counts wrong passwords per address and account, so guessing from one place does not lock the owner out", async () => {
    const proxied = createTestApp(t.db, { config: testConfig({ TRUST_PROXY: "true" }) });
    await createPerson(t.db, tenant, { email: "owner@example.org" });
    const guesser = new Visitor(proxied.app, host, { "x-forwarded-for": "203.0.113.66" });
    for (let i = 0; i < proxied.config.RATE_LIMIT_PER_15_MIN; i += 1) {
      expect((await guesser.post("/sign-in", { email: "owner@example.org", password: `forkert gæt nummer ${i}` })).status).toBe(401);
    }
    const refused = await guesser.post("/sign-in", { email: "owner@example.org", password: PASSWORD });
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("For mange forsøg");
    expect((await guesser.post("/sign-in", { email: "inge@example.org", password: "forkert forkert forkert" })).status).toBe(429);

    const owner = new Visitor(proxied.app, host, { "x-forwarded-for": "198.51.100.20" });
    await owner.signIn("owner@example.org");
    expect((await owner.get("/account")).status).toBe(200);
  });

  it("rate-limits sign-ups from one address", async () => {
    const proxied = createTestApp(t.db, { config: testConfig({ TRUST_PROXY: "true" }) });
    const v = new Visitor(proxied.app, host, { "x-forwarded-for": "203.0.113.7" });
    for (let i = 0; i < proxied.config.RATE_LIMIT_PER_15_MIN; i += 1) {
      expect((await v.post("/sign-up", { name: "Bot", email: `bot${i}@example.org`, password: PASSWORD }, { from: "/sign-up" })).status).toBe(200);
    }
    const blocked = await v.post("/sign-up", { name: "Bot", email: "bot-last@example.org", password: PASSWORD }, { from: "/sign-up" });
    expect(blocked.status).toBe(429);
    expect(await t.db.selectFrom("users").select("id").where("email", "=", "bot-last@example.org").execute()).toEqual([]);
    const other = new Visitor(proxied.app, host, { "x-forwarded-for": "198.51.100.9" });
    expect((await other.post("/sign-up", { name: "Person", email: "real@example.org", password: PASSWORD }, { from: "/sign-up" })).status).toBe(200);
  });
});
