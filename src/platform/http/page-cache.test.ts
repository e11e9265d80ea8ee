import { get } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync, inflateSync } from "node:zlib";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureDocuments } from "../../../test/fixtures/search.js";
import { createPerson, createTenant, createTestApp, createTestDb, dialects, type TenantFixture, type TestDb, Visitor } from "../../../test/harness.js";
import { systemClock } from "../clock.js";
import { putDocument } from "../search/documents.js";

describe.each(dialects())("pages in caches and on the wire [%s]", (dialect) => {
  let t: TestDb;
  let tenant: TenantFixture;
  let app: ReturnType<typeof createTestApp>["app"];
  const host = "cache.test";

  beforeAll(async () => {
    t = await createTestDb(dialect);
    tenant = await createTenant(t.db, { slug: "cache", host, isDefault: true });
    app = createTestApp(t.db).app;
  });
  afterAll(() => t.destroy());

  it("answers a repeated anonymous request for an unchanged page with 304, for the visitor's own cache only", async () => {
    const visitor = new Visitor(app, host);
    await visitor.get("/"); // the first visit sets the CSRF cookie the page's token is bound to
    const first = await visitor.get("/");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    const again = await visitor.request("/", { headers: { "if-none-match": etag as string } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // The nonce still differs from one page to the next, though the ETag does not.
    const nonces = [first, await visitor.get("/")].map((r) => r.headers.get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1]);
    expect(nonces[0]).not.toBe(nonces[1]);

    // Another visitor (another CSRF token) has another page: the ETag does not match.
    const other = new Visitor(app, host);
    await other.get("/");
    expect((await other.request("/", { headers: { "if-none-match": etag as string } })).status).toBe(200);
  });

  const tokenIn = (html: string) => html.match(/name="_csrf" value="([^"]+)"/)?.[1] as string;
  const masked = (html: string) => html.replaceAll(tokenIn(html), "TOKEN").replace(/nonce="[^"]+"/g, "");

  it("sends an anonymous search page drawn once to every visitor, each with their own token and nonce", async () => {
    const [a, b] = [new Visitor(app, host), new Visitor(app, host)];
    const path = "/search?q=kagebager";
    const [pageA, pageB] = [await (await a.get(path)).text(), await (await b.get(path)).text()];
    expect(tokenIn(pageA)).not.toBe(tokenIn(pageB));
    expect(masked(pageA)).toBe(masked(pageB));
    // Each token is the visitor's own: it is taken with their cookie and refused with the other's.
    const choose = (v: Visitor, token: string) =>
      v.request("/language", { method: "POST", body: new URLSearchParams({ _csrf: token, lang: "en", back: "/" }) });
    expect((await choose(a, tokenIn(pageA))).status).toBe(303);
    expect((await choose(b, tokenIn(pageA))).status).toBe(403);
  });

  it("shows a job on a kept page the moment it is written, also when another instance wrote it", async () => {
    const visitor = new Visitor(app, host);
    const path = "/search?q=kagebager";
    expect(await (await visitor.get(path)).text()).not.toContain("Kagebager til caféen");
    const job = fixtureDocuments[0] as (typeof fixtureDocuments)[0];
    await putDocument(t.secondInstance(), systemClock, tenant.id, "DK", { ...job, id: "kagebager", title: "Kagebager til caféen" });
    expect(await (await visitor.get(path)).text()).toContain("Kagebager til caféen");
    await putDocument(t.secondInstance(), systemClock, tenant.id, "DK", { ...job, id: "kagebager", title: "Kagebager til klubben" });
    const again = await (await visitor.get(path)).text();
    expect(again).toContain("Kagebager til klubben");
    expect(again).not.toContain("Kagebager til caféen");
  });

  it("shows a search document changed past the application on the next kept page: the database counts every write", async () => {
    const visitor = new Visitor(app, host);
    const path = "/search?q=kagebager";
    expect(await (await visitor.get(path)).text()).toContain("Kagebager til klubben");
    const row = await t.db
      .selectFrom("search_documents")
      .select("body")
      .where("tenant_id", "=", tenant.id)
      .where("ref_id", "=", "kagebager")
      .executeTakeFirstOrThrow();
    await t
      .secondInstance()
      .updateTable("search_documents")
      .set({ body: row.body.replace("Kagebager til klubben", "Kagebager til bingo"), updated_at: new Date().toISOString() })
      .where("tenant_id", "=", tenant.id)
      .where("ref_id", "=", "kagebager")
      .execute();
    const after = await (await visitor.get(path)).text();
    expect(after).toContain("Kagebager til bingo");
    expect(after).not.toContain("Kagebager til klubben");
  });

  it("keeps a signed-in page out of every cache, with no ETag", async () => {
    const person = await createPerson(t.db, tenant, { email: "cache@person.test" });
    const member = new Visitor(app, host);
    await member.signIn(person.email);
    const page = await member.get("/");
    expect(page.status).toBe(200);
    expect(page.headers.get("etag")).toBeNull();
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    expect(page.headers.get("cache-control")).not.toContain("public");
    expect((await member.request("/", { headers: { "if-none-match": "*" } })).status).toBe(200);
  });

  it("sends a kept page over a real connection with one Content-Length, the length of its own bytes", async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    // Node's client refuses an answer with two Content-Length headers, so each of these would throw.
    const fetchRaw = (path: string) =>
      new Promise<{ length: number; bytes: Buffer }>((resolve, reject) => {
        get({ host: "127.0.0.1", port, path, headers: { host } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve({ length: Number(res.headers["content-length"]), bytes: Buffer.concat(chunks) }));
        }).on("error", reject);
      });
    try {
      for (const path of ["/", "/", `/search?q=${encodeURIComponent("besøgsven")}`]) {
        const { length, bytes } = await fetchRaw(path);
        expect(bytes.toString("utf8")).toMatch(/[æøå]/);
        expect(length).toBe(bytes.length);
      }
    } finally {
      server.close();
    }
  });

  it("compresses a page when the browser asks, and leaves small answers as they are", async () => {
    const visitor = new Visitor(app, host);
    const plain = await visitor.get("/");
    expect(plain.headers.get("content-encoding")).toBeNull();
    const html = await plain.text();
    const zipped = await visitor.request("/", { headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zipped.headers.get("vary")).toContain("Accept-Encoding");
    const unzipped = gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString("utf8");
    expect(unzipped.replace(/nonce="[^"]+"/g, "")).toBe(html.replace(/nonce="[^"]+"/g, ""));
    const deflated = await visitor.request("/", { headers: { "accept-encoding": "deflate" } });
    expect(deflated.headers.get("content-encoding")).toBe("deflate");
    expect(inflateSync(Buffer.from(await deflated.arrayBuffer())).toString("utf8")).toMatch(/^<!DOCTYPE html>/i);
    const preferred = await visitor.request("/", { headers: { "accept-encoding": "identity, gzip;q=0.5" } });
    expect(preferred.headers.get("content-encoding")).toBeNull();
    const head = await visitor.request("/", { method: "HEAD", headers: { "accept-encoding": "gzip" } });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-encoding")).toBeNull();
    const refused = await visitor.request("/", { headers: { "accept-encoding": "gzip;q=0, deflate;q=0, br" } });
    expect(refused.headers.get("content-encoding")).toBeNull();
    expect(await refused.text()).toMatch(/^<!DOCTYPE html>/i);
    const small = await visitor.request("/readyz", { headers: { "accept-encoding": "gzip" } });
    expect(small.headers.get("content-encoding")).toBeNull();
  });

  it("shows a tenant's changed settings on the next page, whoever wrote them", async () => {
    const visitor = new Visitor(app, host);
    expect(await (await visitor.get("/")).text()).not.toContain("Omdøbt Frivilligcenter");
    const before = await t.db.selectFrom("tenants").select("settings_version").where("id", "=", tenant.id).executeTakeFirstOrThrow();
    // Written past the application, as another instance or a script would.
    await t.db.updateTable("tenants").set({ name: "Omdøbt Frivilligcenter" }).where("id", "=", tenant.id).execute();
    expect(await (await visitor.get("/")).text()).toContain("Omdøbt Frivilligcenter");
    const version = async () =>
      (await t.db.selectFrom("tenants").select("settings_version").where("id", "=", tenant.id).executeTakeFirstOrThrow()).settings_version;
    expect(await version()).toBe(before.settings_version + 1);
    await t.db
      .insertInto("search_synonyms")
      .values({ tenant_id: tenant.id, lang: "da", groups: "hund, vovse", updated_at: new Date().toISOString() })
      .execute();
    expect(await version()).toBe(before.settings_version + 2);
    await t.db.deleteFrom("search_synonyms").where("tenant_id", "=", tenant.id).execute();
    expect(await version()).toBe(before.settings_version + 3);
  });
});
