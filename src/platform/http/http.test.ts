import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, createTenant, createTestApp, createTestDb, dialects, PASSWORD, type TestDb, testConfig, Visitor } from "../../../test/harness.js";

describe.each(dialects())("the page shell and HTTP rules [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  const host = "sonderby.test";

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const tenant = await createTenant(t.db, { slug: "sonderby", host, isDefault: true });
    await createPerson(t.db, tenant, { email: "borger@example.org" });
    await createPerson(t.db, tenant, { email: "anden@example.org" });
    env = createTestApp(t.db, { config: testConfig({ BODY_LIMIT_KB: "8" }) });
  });
  afterAll(() => t.destroy());

  it("serves the Danish home page with a nonce CSP and the security headers", async () => {
    const res = await new Visitor(env.app, host).get("/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="da">');
    expect(html).toContain("Velkommen til Test sonderby");
    const csp = res.headers.get("content-security-policy") ?? "";
    const nonce = csp.match(/script-src 'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).not.toMatch(/<script(?![^>]*nonce=)/);
    expect(html).not.toMatch(/\son[a-z]+="/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    const second = await new Visitor(env.app, host).get("/");
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
  });

  it("sends HSTS over HTTPS behind a trusted proxy", async () => {
    const proxied = createTestApp(t.db, { config: testConfig({ TRUST_PROXY: "true" }) });
    const res = await new Visitor(proxied.app, host, { "x-forwarded-proto": "https" }).get("/");
    expect(res.headers.get("strict-transport-security")).toContain("max-age=31536000");
  });

  it("has a skip link, the accessibility statement and the privacy page in the footer", async () => {
    const html = await (await new Visitor(env.app, host).get("/")).text();
    expect(html).toContain('href="#main"');
    expect(html).toContain('<a class="ds-link" href="/accessibility">Tilgængelighedserklæring</a>');
    expect((await new Visitor(env.app, host).get("/accessibility")).status).toBe(200);
    expect((await new Visitor(env.app, host).get("/privacy")).status).toBe(200);
  });

  it("answers in the language the browser asks for, and switches by the header form", async () => {
    const v = new Visitor(env.app, host, { "accept-language": "nl-NL,nl;q=0.9" });
    expect(await (await v.get("/")).text()).toContain('<html lang="nl">');
    const res = await v.post("/language", { lang: "en", back: "/privacy" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/privacy");
    expect(await (await v.get("/privacy")).text()).toContain('<html lang="en">');
    expect(await (await v.get("/search?q=besogsven&near=8000")).text()).toContain('name="back" value="/search?q=besogsven&amp;near=8000"');
    const evil = await v.post("/language", { lang: "en", back: "//evil.example" });
    expect(evil.headers.get("location")).toBe("/");
  });

  it("keeps a signed-in person's language as their setting", async () => {
    const v = new Visitor(env.app, host);
    await v.signIn("borger@example.org");
    await v.post("/language", { lang: "nb", back: "/" });
    const fresh = new Visitor(env.app, host, { "accept-language": "en" });
    await fresh.signIn("borger@example.org");
    expect(await (await fresh.get("/account")).text()).toContain('<html lang="nb">');
  });

  it("renders 404 in the person's language, and problem+json on the API", async () => {
    const page = await new Visitor(env.app, host, { "accept-language": "en" }).get("/no/such/page");
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("Page not found");
    const api = await new Visitor(env.app, host, { "accept-language": "nb" }).get("/api/v1/nothing-here");
    expect(api.status).toBe(404);
    expect(api.headers.get("content-type")).toContain("application/problem+json");
    expect(await api.json()).toMatchObject({
      status: 404,
      code: "not_found",
      title: "Vi finner ikke det du leter etter. Kanskje er det flyttet eller slettet.",
    });
  });

  it("sends the signed-out person to sign in, and shows 403 to the wrong person", async () => {
    const anon = await new Visitor(env.app, host).get("/people");
    expect(anon.status).toBe(303);
    expect(anon.headers.get("location")).toBe("/sign-in?next=%2Fpeople");
    const v = new Visitor(env.app, host);
    await v.signIn("anden@example.org");
    const denied = await v.get("/people");
    expect(denied.status).toBe(403);
    expect(await denied.text()).toContain("Ingen adgang");
  });

  it("refuses a body over the limit with 413 and writes nothing", async () => {
    const before = await t.db.selectFrom("users").select("id").execute();
    const v = new Visitor(env.app, host);
    const res = await v.post("/sign-up", { name: "x".repeat(20_000), email: "big@example.org", password: "lang nok adgangskode til test" });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("Det, du sendte, er for stort");
    expect(await t.db.selectFrom("users").select("id").execute()).toEqual(before);
  });

  it("refuses a form posted as another media type", async () => {
    const v = new Visitor(env.app, host);
    const token = await v.csrfToken("/sign-up");
    const res = await v.request("/sign-up", {
      method: "POST",
      body: JSON.stringify({ email: "x@example.org" }),
      headers: { "content-type": "application/json", "x-csrf-token": token },
    });
    expect(res.status).toBe(415);
  });

  it("answers a multipart body without a boundary with 400 on every form, signed in or not, and writes nothing", async () => {
    const v = new Visitor(env.app, host);
    const token = await v.csrfToken("/sign-up");
    for (const headers of <Record<string, string>[]>[
      { "content-type": "multipart/form-data" },
      { "content-type": "multipart/form-data", "x-csrf-token": token },
    ]) {
      const res = await v.request("/sign-up", { method: "POST", body: "name=x&email=y", headers });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("Forespørgslen kunne ikke læses");
    }
    expect(await t.db.selectFrom("users").select("id").where("email", "=", "y").execute()).toEqual([]);
  });

  it("sends a person only to pages on this site after sign-in and the header switches", async () => {
    for (const next of ["/\t/evil.example", "/\\evil.example", "//evil.example", "/\n/evil.example", "https://evil.example"]) {
      const v = new Visitor(env.app, host);
      const res = await v.post("/sign-in", { email: "borger@example.org", password: PASSWORD, next });
      expect(new URL(res.headers.get("location") ?? "", `http://${host}`).host, next).toBe(host);
      const back = await v.post("/language", { lang: "da", back: next });
      expect(new URL(back.headers.get("location") ?? "", `http://${host}`).host, next).toBe(host);
    }
    const v = new Visitor(env.app, host);
    expect((await v.post("/sign-in", { email: "borger@example.org", password: PASSWORD, next: "/account?tab=1" })).headers.get("location")).toBe(
      "/account?tab=1",
    );
  });

  it("binds the form token to the session, so one from before sign-in is refused after it", async () => {
    const v = new Visitor(env.app, host);
    const before = await v.csrfToken("/");
    await v.signIn("borger@example.org");
    const stale = await v.post("/language", { lang: "en", back: "/" }, { csrf: before });
    expect(stale.status).toBe(403);
    expect((await v.post("/language", { lang: "en", back: "/" })).status).toBe(303);
  });

  it("answers /healthz and /readyz", async () => {
    expect(await (await env.app.request("/healthz")).json()).toEqual({ status: "ok" });
    expect((await env.app.request("/readyz")).status).toBe(200);
  });

  it("serves hashed assets with a year of caching", async () => {
    const html = await (await new Visitor(env.app, host).get("/")).text();
    const css = html.match(/href="(\/assets\/app\.[0-9a-f]{12}\.css)"/)?.[1] ?? "";
    const res = await env.app.request(css);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("immutable");
  });

  it("publishes a valid OpenAPI 3.1 document", async () => {
    const doc = await (await new Visitor(env.app, host).get("/api/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths)).toContain("/associations");
  });
});

describe("an unexpected error", () => {
  it("shows the 500 page in the person's language, with no stack trace, and problem+json on the API", async () => {
    const t = await createTestDb("sqlite");
    await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    const { app } = createTestApp(t.db);
    app.get("/boom", () => {
      throw new Error("secret internals at line 42");
    });
    app.get("/api/v1/boom", () => {
      throw new Error("secret internals at line 42");
    });
    const page = await new Visitor(app, "a.test").get("/boom");
    expect(page.status).toBe(500);
    const html = await page.text();
    expect(html).toContain("Noget gik galt");
    expect(html).not.toContain("secret internals");
    const api = await new Visitor(app, "a.test").get("/api/v1/boom");
    expect(api.status).toBe(500);
    expect(JSON.stringify(await api.json())).not.toContain("secret internals");
    await t.destroy();
  });
});
