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

async function newToken(app: ReturnType<typeof createTestApp>["app"], host: string, admin: string, scopes: string[]) {
  const v = new Visitor(app, host);
  await v.signIn(admin);
  const res = await v.post("/admin/api-tokens", { name: `Hjemmeside ${scopes.join("+")}`, scopes }, { from: "/admin/api-tokens" });
  expect(res.status).toBe(201);
  const token = (await res.text()).match(/data-testid="new-token">(smn_[^<]+)</)?.[1];
  if (!token) throw new Error("token not shown");
  return token;
}

describe.each(dialects())("API tokens, the API and the audit log [%s]", (dialect) => {
  let t: TestDb;
  let env: ReturnType<typeof createTestApp>;
  let a: TenantFixture;
  let b: TenantFixture;
  let read: string;
  let write: string;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "b.test" });
    await createAssociation(t.db, a, "Besøgsvennerne");
    await createAssociation(t.db, b, "Bergen Turlag");
    await createPerson(t.db, a, { email: "admin@a.test", roles: ["tenant_admin"] });
    await createPerson(t.db, a, { email: "staff@a.test", roles: ["staff"] });
    await createPerson(t.db, a, { email: "case@a.test", roles: ["caseworker"] });
    await createPerson(t.db, a, { email: "borger@a.test" });
    env = createTestApp(t.db);
    read = await newToken(env.app, a.host, "admin@a.test", ["associations:read"]);
    write = await newToken(env.app, a.host, "admin@a.test", ["associations:read", "associations:write"]);
  });
  afterAll(() => t.destroy());

  const api = (token: string | null, path: string, init: RequestInit = {}, host = a.host) =>
    env.app.request(`http://${host}/api/v1${path}`, {
      ...init,
      headers: { host, ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
    });
  const count = async () => (await t.db.selectFrom("associations").select("id").execute()).length;

  it("shows a new token once and stores only its hash", async () => {
    const rows = await t.db.selectFrom("api_tokens").select(["token_hash", "scopes"]).execute();
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain(read);
    const v = new Visitor(env.app, a.host);
    await v.signIn("admin@a.test");
    expect(await (await v.get("/admin/api-tokens")).text()).not.toContain(read);
  });

  it("lets only the tenant admin manage tokens, and refuses a token with no scope", async () => {
    const staff = new Visitor(env.app, a.host);
    await staff.signIn("staff@a.test");
    expect((await staff.get("/admin/api-tokens")).status).toBe(403);
    const admin = new Visitor(env.app, a.host);
    await admin.signIn("admin@a.test");
    const res = await admin.post("/admin/api-tokens", { name: "Ingen rettigheder" }, { from: "/admin/api-tokens" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Vælg mindst én rettighed");
  });

  it("reads the tenant's associations with a token, and only that tenant's", async () => {
    const res = await api(read, "/associations");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.data.map((x: { name: string }) => x.name)).toEqual(["Besøgsvennerne"]);
    expect((await api(read, "/associations", {}, b.host)).status).toBe(401);
    expect((await api(null, "/associations")).status).toBe(401);
  });

  it("needs the write scope to create, and writes nothing without it", async () => {
    const before = await count();
    const body = JSON.stringify({ name: "API-foreningen", email: "api@a.test" });
    const denied = await api(read, "/associations", { method: "POST", body, headers: { "content-type": "application/json" } });
    expect(denied.status).toBe(403);
    expect((await denied.json()).code).toBe("insufficient_scope");
    expect(await count()).toBe(before);
    const created = await api(write, "/associations", { method: "POST", body, headers: { "content-type": "application/json" } });
    expect(created.status).toBe(201);
    expect((await created.json()).name).toBe("API-foreningen");
    expect(await count()).toBe(before + 1);
  });

  it.each([
    ["{not json", "application/json"],
    [JSON.stringify({ name: 42 }), "application/json"],
    [JSON.stringify({ name: "X", email: "nope" }), "application/json"],
  ])("answers a malformed body %s with problem+json in the caller's language and writes nothing", async (body, type) => {
    const before = await count();
    const res = await api(write, "/associations", { method: "POST", body, headers: { "content-type": type, "accept-language": "en" } });
    expect([400, 422]).toContain(res.status);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const problem = await res.json();
    expect(problem.status).toBe(res.status);
    expect(typeof problem.title).toBe("string");
    expect(await count()).toBe(before);
  });

  it("stops a revoked token at once", async () => {
    const admin = new Visitor(env.app, a.host);
    await admin.signIn("admin@a.test");
    const row = await t.db.selectFrom("api_tokens").select("id").where("scopes", "=", "associations:read").executeTakeFirstOrThrow();
    expect((await admin.post(`/admin/api-tokens/${row.id}/revoke`, {}, { from: "/admin/api-tokens" })).status).toBe(303);
    expect((await api(read, "/associations")).status).toBe(401);
  });

  it("lets staff and caseworkers filter the audit log, but not citizens", async () => {
    const v = new Visitor(env.app, a.host);
    await v.signIn("case@a.test");
    const all = await (await v.get("/admin/audit")).text();
    // The action in words, its code as secondary text.
    expect(all).toContain('API-nøgle oprettet<br/><code class="action-code">api_token.created</code>');
    const filtered = await (await v.get("/admin/audit?action=api_token.revoked")).text();
    expect(filtered).toContain("API-nøgle tilbagekaldt");
    expect(filtered).not.toContain('<code class="action-code">api_token.created</code>');
    const bad = await v.get("/admin/audit?from=2026-13-45");
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Skriv en dato som åååå-mm-dd");
    const csv = await (await v.get("/admin/audit/export.csv?action=api_token.revoked")).text();
    // Translated headers, the action in words and as its code, the time as a reader writes it.
    const [header, first] = csv.replace(/^\uFEFF/, "").split("\n");
    expect(header).toBe("Tidspunkt;Hvem;Handling;Kode for handlingen;Oplysning;Oplysningens id;IP-adresse;Detaljer");
    expect(first).toMatch(/^\d{1,2}\. [a-zæøå]+\.? \d{4},? \d{2}\.\d{2};.*API-nøgle tilbagekaldt;api_token\.revoked/);
    expect(csv).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    const citizen = new Visitor(env.app, a.host);
    await citizen.signIn("borger@a.test");
    expect((await citizen.get("/admin/audit")).status).toBe(403);
  });

  it("lets the tenant admin change the name, colour and languages, and themes the pages with them", async () => {
    const v = new Visitor(env.app, a.host);
    await v.signIn("admin@a.test");
    const fields = {
      name: "Frivillig Aby",
      logoUrl: "",
      colorPrimary: "#FFCC00",
      languages: ["da", "en"],
      defaultLanguage: "en",
      timeZone: "Europe/Copenhagen",
      contactEmail: "hej@a.test",
      moderation: "post",
      answerNudgeDays: "3",
      answerEscalateDays: "7",
      staleGraceDays: "45",
      eventOfferHours: "24",
      eventImmediateHours: "0",
      mapTileUrl: "https://kort.aby.dk/tiles/{z}/{x}/{y}.png",
      mapAttribution: "© Aby Kommune",
      order1: "3",
      order2: "1",
      order3: "2",
    };
    expect((await v.post("/admin/settings", fields, { from: "/admin/settings" })).status).toBe(303);
    expect(
      await t.db
        .selectFrom("tenants")
        .select([
          "moderation",
          "answer_nudge_days",
          "answer_escalate_days",
          "stale_grace_days",
          "event_offer_hours",
          "event_immediate_hours",
          "map_tile_url",
          "map_attribution",
          "allocation_order",
        ])
        .where("id", "=", a.id)
        .executeTakeFirst(),
    ).toEqual({
      moderation: "post",
      answer_nudge_days: 3,
      answer_escalate_days: 7,
      stale_grace_days: 45,
      event_offer_hours: 24,
      event_immediate_hours: 0,
      map_tile_url: "https://kort.aby.dk/tiles/{z}/{x}/{y}.png",
      map_attribution: "© Aby Kommune",
      allocation_order: "3,1,2",
    });
    const visitor = new Visitor(env.app, a.host, { "accept-language": "nl" });
    const html = await (await visitor.get("/")).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Welcome to Frivillig Aby");
    expect(html).not.toContain('lang="nl"');
    const themeUrl = html.match(/href="(\/theme\.css\?v=[^"]+)"/)?.[1] ?? "";
    const css = await (await visitor.get(themeUrl)).text();
    expect(css).toContain("--ds-color-accent-base-default: #ffcc00");
    expect(css).toContain("--ds-color-accent-base-contrast-default: #000000");
    const logged = await t.db.selectFrom("audit_log").select(["action", "details"]).where("action", "=", "tenant.settings_changed").execute();
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]?.details ?? "{}")).toEqual({
      eventOfferHoursBefore: 48,
      eventOfferHours: 24,
      eventImmediateHoursBefore: 48,
      eventImmediateHours: 0,
    });
  });

  it("shows the waiting-list rules with the tenant's hours and says in words what they do", async () => {
    const v = new Visitor(env.app, a.host, { "accept-language": "da" });
    await v.signIn("admin@a.test");
    const html = await (await v.get("/admin/settings")).text();
    expect(html).toContain("Ventelister til arrangementer");
    expect(html).toMatch(/name="eventOfferHours"[^>]*value="24"/);
    expect(html).toMatch(/name="eventImmediateHours"[^>]*value="0"/);
    expect(html).toContain("Skriv 0, hvis pladsen altid skal tilbydes først.");
  });

  it.each([
    [{ colorPrimary: "red" }, "Write the colour as #"],
    [{ languages: [] as string[] }, "Choose at least one language."],
    [{ languages: ["da"], defaultLanguage: "nl" }, "The default language must be one of the chosen languages."],
    [{ timeZone: "Mars/Olympus" }, "know that time zone"],
    [{ logoUrl: "javascript:alert(1)" }, "must start with https://"],
    [{ answerNudgeDays: "5", answerEscalateDays: "5" }, "The centre must be told later than the association is reminded."],
    [{ answerNudgeDays: "-1" }, "number"],
    [{ moderation: "never" }, ""],
    [{ staleGraceDays: "2" }, "number"],
    [{ mapTileUrl: "http://tiles.example/{z}/{x}/{y}.png", mapAttribution: "x" }, "must start with https:// and contain {z}, {x} and {y}"],
    [{ mapTileUrl: "https://tiles.example/map.png", mapAttribution: "x" }, "must start with https:// and contain {z}, {x} and {y}"],
    [{ mapTileUrl: "https://tiles.example/{z}/{x}/{y}.png" }, "Write the map credit"],
    [{ order1: "1", order2: "1", order3: "2" }, "Choose each kind of activity once."],
    [{ eventOfferHours: "0" }, "Enter a whole number of hours from 1 to 336."],
    [{ eventOfferHours: "337" }, "Enter a whole number of hours from 1 to 336."],
    [{ eventOfferHours: "" }, "Enter a whole number of hours from 1 to 336."],
    [{ eventOfferHours: "12.5" }, "Enter a whole number of hours from 1 to 336."],
    [{ eventImmediateHours: "-1" }, "Enter a whole number of hours from 0 to 336."],
    [{ eventImmediateHours: "" }, "Enter a whole number of hours from 0 to 336."],
    [{ eventImmediateHours: "two days" }, "Enter a whole number of hours from 0 to 336."],
    [{ eventImmediateHours: "400" }, "Enter a whole number of hours from 0 to 336."],
  ])("refuses settings %o and changes nothing", async (change, message) => {
    const before = await t.db.selectFrom("tenants").selectAll().where("id", "=", a.id).executeTakeFirstOrThrow();
    const v = new Visitor(env.app, a.host);
    await v.signIn("admin@a.test");
    const fields = {
      name: "Ny",
      logoUrl: "",
      colorPrimary: "#123456",
      languages: ["da", "en"],
      defaultLanguage: "da",
      timeZone: "Europe/Oslo",
      contactEmail: "x@a.test",
      moderation: "pre",
      answerNudgeDays: "5",
      answerEscalateDays: "10",
      staleGraceDays: "30",
      eventOfferHours: "48",
      eventImmediateHours: "48",
      mapTileUrl: "",
      mapAttribution: "",
      order1: "1",
      order2: "2",
      order3: "3",
      ...change,
    };
    const res = await v.post("/admin/settings", fields, { from: "/admin/settings" });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(message);
    expect(await t.db.selectFrom("tenants").selectAll().where("id", "=", a.id).executeTakeFirstOrThrow()).toEqual(before);
  });

  it("keeps staff out of the tenant settings", async () => {
    const v = new Visitor(env.app, a.host);
    await v.signIn("staff@a.test");
    expect((await v.get("/admin/settings")).status).toBe(403);
    expect((await v.post("/admin/settings", { name: "Hacked" }, { from: "/" })).status).toBe(403);
  });
});
