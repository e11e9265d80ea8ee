import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFirstAdmin } from "../../../scripts/tenant-setup.js";
import {
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  latestMail,
  linkIn,
  type TenantFixture,
  type TestDb,
  testConfig,
  Visitor,
} from "../../../test/harness.js";
import { loggable } from "../../app.js";

describe.each(dialects())("host names, proxies and the dev mailbox [%s]", (dialect) => {
  let t: TestDb;
  let a: TenantFixture;
  let b: TenantFixture;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    a = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    b = await createTenant(t.db, { slug: "b", host: "frivillig.b-kommune.dk" });
    await createPerson(t.db, a, { email: "admin@a.test", roles: ["tenant_admin"] });
    await createPerson(t.db, b, { email: "admin@b.test", roles: ["tenant_admin"] });
  });
  afterAll(() => t.destroy());

  it("builds reset and sign-in links from the tenant's own host name, whatever host or forwarded host the request names", async () => {
    const env = createTestApp(t.db, { config: testConfig({ TRUST_PROXY: "true" }) });
    const spoofed = new Visitor(env.app, "frivillig.b-kommune.dk", { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect((await spoofed.post("/password/forgot", { email: "admin@b.test" }, { from: "/password/forgot" })).status).toBe(200);
    expect((await spoofed.post("/sign-in/link/request", { email: "admin@b.test" }, { from: "/sign-in" })).status).toBe(200);
    const mail = await latestMail(t.db, "admin@b.test");
    expect(mail?.text).toContain("https://frivillig.b-kommune.dk/sign-in/link?token=");
    expect(mail?.text).not.toContain("evil.example");
    expect(linkIn(mail?.text ?? "", "/sign-in/link")).toMatch(/^\/sign-in\/link\?token=/);
  });

  it("lets a host nobody configured read the default tenant's pages but send no form, so nothing mails a link to it", async () => {
    const env = createTestApp(t.db);
    const stranger = new Visitor(env.app, "evil.example");
    const page = await stranger.get("/password/forgot");
    expect(page.status).toBe(200);
    const before = await t.db.selectFrom("mail_outbox").select("id").execute();
    const sent = await stranger.post("/password/forgot", { email: "admin@a.test" }, { from: "/password/forgot" });
    expect(sent.status).toBe(421);
    const page421 = await sent.text();
    expect(page421).toContain("Brug kommunens egen adresse");
    expect(page421).toContain("<title>Forkert adresse");
    expect(await t.db.selectFrom("mail_outbox").select("id").execute()).toEqual(before);
  });

  it("takes the client address the trusted proxy added, not one the client wrote, so rate limits hold", async () => {
    const env = createTestApp(t.db, { config: testConfig({ TRUST_PROXY: "true", RATE_LIMIT_PER_15_MIN: "3" }) });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const v = new Visitor(env.app, "a.test", { "x-forwarded-for": `10.0.0.${i}, 203.0.113.50` });
      statuses.push((await v.post("/password/forgot", { email: `nobody${i}@a.test` }, { from: "/password/forgot" })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const twoHops = createTestApp(t.db, { config: testConfig({ TRUST_PROXY: "true", PROXY_HOPS: "2", RATE_LIMIT_PER_15_MIN: "3" }) });
    const behindTwo = (client: string) => new Visitor(twoHops.app, "a.test", { "x-forwarded-for": `1.2.3.4, ${client}, 10.1.1.1` });
    for (let i = 0; i < 3; i += 1) await behindTwo("198.51.100.7").post("/password/forgot", { email: `x${i}@a.test` }, { from: "/password/forgot" });
    expect((await behindTwo("198.51.100.7").post("/password/forgot", { email: "x9@a.test" }, { from: "/password/forgot" })).status).toBe(429);
    expect((await behindTwo("198.51.100.8").post("/password/forgot", { email: "x9@a.test" }, { from: "/password/forgot" })).status).toBe(200);
  });

  it("shows the dev mailbox only on this machine, never without a socket from loopback, with SMTP or in production", async () => {
    const env = createTestApp(t.db);
    // app.request has no connection at all: not from loopback.
    expect((await new Visitor(env.app, "a.test").get("/dev/mailbox")).status).toBe(404);
    const server = serve({ fetch: env.app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const local = await fetch(`http://127.0.0.1:${port}/dev/mailbox`, { headers: { host: "a.test" } });
      expect(local.status).toBe(200);
      const prod = createTestApp(t.db, { config: testConfig({ NODE_ENV: "production" }) });
      const prodServer = serve({ fetch: prod.app.fetch, port: 0, hostname: "127.0.0.1" });
      await new Promise((resolve) => prodServer.once("listening", resolve));
      const prodPort = (prodServer.address() as AddressInfo).port;
      expect((await fetch(`http://127.0.0.1:${prodPort}/dev/mailbox`, { headers: { host: "a.test" } })).status).toBe(404);
      prodServer.close();
    } finally {
      server.close();
    }
  });

  it("creates a production tenant's first administrator through a one-time link, and only once per host", async () => {
    const env = createTestApp(t.db);
    const { link } = await createFirstAdmin(t.db, env.clock, env.config.PORT, {
      host: "frivillig.c-kommune.no",
      name: "Frivillig C",
      email: "Leder@c-kommune.no",
      country: "NO",
      isDefault: false,
    });
    expect(link).toMatch(/^https:\/\/frivillig\.c-kommune\.no\/password\/reset\?token=/);
    const v = new Visitor(env.app, "frivillig.c-kommune.no");
    const path = new URL(link).pathname + new URL(link).search;
    const token = new URL(link).searchParams.get("token") ?? "";
    expect((await v.post("/password/reset", { token, password: "et langt og godt kodeord til C" }, { from: path })).status).toBe(303);
    await v.signIn("leder@c-kommune.no", "et langt og godt kodeord til C");
    expect((await v.get("/admin/settings")).status).toBe(200);
    await expect(
      createFirstAdmin(t.db, env.clock, env.config.PORT, { host: "frivillig.c-kommune.no", name: "Igen", email: "x@c.no", country: "NO", isDefault: false }),
    ).rejects.toThrow(/already belongs/);
  });
});

describe("request logs", () => {
  it("keep an association's secret calendar address out of the log", () => {
    expect(loggable("/premises/calendars/3f9a8c7d.ics")).toBe("/premises/calendars/[secret]");
    expect(loggable("/premises/123/calendar.ics")).toBe("/premises/123/calendar.ics");
  });
});
