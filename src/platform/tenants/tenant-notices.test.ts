import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countingQueries,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  eventually,
  type TenantFixture,
  type TestDb,
  Visitor,
} from "../../../test/harness.js";
import { openDatabase } from "../../db/database.js";
import { migrateToLatest } from "../../db/migrate.js";
import { type Listening, OTHERS_SEEN_WITHIN_MS } from "../../db/portable.js";
import { hearTenantChanges, keepTenantRowsWhileUnchanged } from "./tenant-notices.js";

describe.runIf(dialects().includes("postgres"))("an instance hears of tenant changes from PostgreSQL", () => {
  let t: TestDb;
  let tenant: TenantFixture;
  let listening: Listening;
  const host = "lytby.test";
  const counted = { db: null as unknown as ReturnType<typeof countingQueries> };
  let anonymous: Visitor;
  const lost: Error[] = [];

  /** Statements one anonymous request to the home page costs, and its text. */
  const home = async () => {
    counted.db.take();
    const text = await (await anonymous.get("/")).text();
    return { statements: counted.db.take(), text };
  };
  const kept = async () => (await home()).statements === 0 && (await home()).statements === 0;

  beforeAll(async () => {
    t = await createTestDb("postgres");
    tenant = await createTenant(t.db, { slug: "lytby", host, isDefault: true });
    counted.db = countingQueries(t.db);
    listening = hearTenantChanges(counted.db.db, t.url as string, (error) => lost.push(error));
    anonymous = new Visitor(createTestApp(counted.db.db).app, host);
  });
  afterAll(async () => {
    await listening.close();
    await t.destroy();
  });

  it("keeps the tenant's row for anonymous pages and reads it again once another instance commits a change", async () => {
    await eventually("the home page is answered without a statement", kept);

    const other = t.secondInstance();
    await other.updateTable("tenants").set({ name: "Lytby Frivilligcenter" }).where("id", "=", tenant.id).execute();
    // The notice comes at the other instance's commit; the next page after it reads the row and the new settings.
    await eventually("the new name shows", async () => (await home()).text.includes("Lytby Frivilligcenter"));
    await eventually("the row is kept again", kept);

    // A change that only a search document makes (as a job published on another instance would) is heard too.
    const before = await home();
    expect(before.statements).toBe(0);
    await sql`UPDATE search_changes SET count = count + 1 WHERE tenant_id = ${tenant.id}`.execute(other);
    await sql`INSERT INTO search_changes (tenant_id, count) SELECT ${tenant.id}, 1 WHERE NOT EXISTS (SELECT 1 FROM search_changes WHERE tenant_id = ${tenant.id})`.execute(
      other,
    );
    await eventually("the row is read again", async () => (await home()).statements > 0);
    await other.destroy();
  });

  it("reads the row for every signed-in request and every form sent", async () => {
    await eventually("the home page is answered without a statement", kept);
    const person = await createPerson(t.db, tenant, { email: "lytter@lytby.test", roles: ["staff"] });
    const member = new Visitor(createTestApp(counted.db.db).app, host);
    await member.signIn(person.email);
    for (let i = 0; i < 2; i++) {
      counted.db.take();
      expect((await member.get("/")).status).toBe(200);
      expect(counted.db.take()).toBeGreaterThan(1);
    }
    await eventually("the row is kept again", kept);
    const csrf = await anonymous.csrfToken("/");
    counted.db.take();
    expect((await anonymous.post("/language", { lang: "en", back: "/" }, { csrf })).status).toBe(303);
    expect(counted.db.take()).toBeGreaterThan(0);
  });

  it("keeps nothing while its listening connection is down, and keeps again once it is back", async () => {
    await eventually("the home page is answered without a statement", kept);
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'sammen-listen'`.execute(t.db);
    await eventually("every request reads the row", async () => (await home()).statements > 0 && (await home()).statements > 0);
    expect(lost.map((e) => (e as { code?: string }).code)).toEqual(["57P01"]);
    // Deaf, it misses the notice of this change, yet the next page shows it.
    await t.db.updateTable("tenants").set({ name: "Lytby i stilhed" }).where("id", "=", tenant.id).execute();
    expect((await home()).text).toContain("Lytby i stilhed");
    await eventually("listening again, the row is kept", kept);
  });
});

describe("an instance on SQLite keeps the tenant's row while the database's change stamp stands still", () => {
  const dir = mkdtempSync(join(tmpdir(), "sammen-stamp-"));
  const file = join(dir, "stamp.sqlite");
  let opened: ReturnType<typeof openDatabase>;
  let counted: ReturnType<typeof countingQueries>;
  let anonymous: Visitor;
  let tenant: TenantFixture;
  const host = "stempelby.test";
  const home = async () => {
    counted.take();
    const text = await (await anonymous.get("/")).text();
    return { statements: counted.take(), text };
  };

  beforeAll(async () => {
    opened = openDatabase({ SQLITE_FILE: file });
    await migrateToLatest(opened.db);
    tenant = await createTenant(opened.db, { slug: "stempelby", host, isDefault: true });
    counted = countingQueries(opened.db);
    keepTenantRowsWhileUnchanged(counted.db, opened.changeStamp as () => string);
    anonymous = new Visitor(createTestApp(counted.db).app, host);
  });
  afterAll(async () => {
    await opened.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads the row again after a write through its own connection or a commit by another process", async () => {
    await home();
    expect((await home()).statements).toBe(0);

    await opened.db.updateTable("tenants").set({ name: "Stempelby Frivillighus" }).where("id", "=", tenant.id).execute();
    const after = await home();
    expect(after.statements).toBeGreaterThan(0);
    expect(after.text).toContain("Stempelby Frivillighus");
    expect((await home()).statements).toBe(0);

    // Another connection to the same file, as a script run beside the server would have.
    const other = new SQLite(file);
    other.prepare("UPDATE tenants SET name = ? WHERE id = ?").run("Stempelby i skriptet", tenant.id);
    other.close();
    await new Promise((r) => setTimeout(r, OTHERS_SEEN_WITHIN_MS + 1));
    const seen = await home();
    expect(seen.statements).toBeGreaterThan(0);
    expect(seen.text).toContain("Stempelby i skriptet");
  });

  it("reads the row for a signed-in request", async () => {
    const person = await createPerson(opened.db, tenant, { email: "stempel@stempelby.test", roles: ["staff"] });
    const member = new Visitor(createTestApp(counted.db).app, host);
    await member.signIn(person.email);
    await home();
    expect((await home()).statements).toBe(0);
    counted.take();
    expect((await member.get("/")).status).toBe(200);
    expect(counted.take()).toBeGreaterThan(1);
  });
});
