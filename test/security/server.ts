// The app under probe, in a process of its own: a request that never ends (a loop in a handler) blocks
// only this process, which the probe then kills and starts again. Run with `node --import tsx`.
// It answers the probe over IPC: save the database as the pristine copy, go back to it, and list a tenant's rows.
import { createHash } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import { serve } from "@hono/node-server";
import { sql } from "kysely";
import pg from "pg";
import { pino } from "pino";
import { createApp } from "../../src/app.js";
import type { Config } from "../../src/config.js";
import { type Database, openDatabase } from "../../src/db/database.js";
import { createMailer } from "../../src/platform/mail/mailer.js";

export type Request =
  | { id: number; op: "save" }
  | { id: number; op: "reset" }
  | { id: number; op: "snapshot"; tenantIds: string[] }
  | { id: number; op: "version" };
export type Reply = { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: string };
/** A tenant's rows: table → its rows as JSON, sorted. */
export type Snapshot = Record<string, string[]>;

// The very configuration the fixture was built with, so links signed then still open.
const config = Object.freeze(JSON.parse(process.env.PROBE_CONFIG ?? "{}")) as Config;
const now = new Date(process.env.PROBE_NOW ?? "2026-11-22T10:00:00.000Z");
const clock = { now: () => new Date(now) };
// One JSON line per unhandled error, with the request id the probe sent: it reports the cause of a 5xx.
const logger = pino({ level: "error" });
const mailer = createMailer(config);

/** SQLite: the work file and its pristine copy. PostgreSQL: the work database and a template database. */
const pristine = process.env.PROBE_PRISTINE ?? "";

let db: Database;
let app: ReturnType<typeof createApp>;
async function open() {
  db = openDatabase(config).db;
  // Kysely takes the connection on first use and closes only one it took: take it now, so reset() closes it.
  await sql`select 1`.execute(db);
  app = createApp({ config, db, clock, mailer, logger });
}

async function pgAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: (config.DATABASE_URL ?? "").replace(/\/[^/]*$/, "/postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
const dbName = () => new URL(config.DATABASE_URL ?? "").pathname.slice(1);

async function save() {
  if (config.DATABASE_URL) {
    await db.destroy();
    await pgAdmin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${pristine}`);
      await c.query(`CREATE DATABASE ${pristine} TEMPLATE ${dbName()}`);
    });
    await open();
  } else {
    rmSync(pristine, { force: true });
    await sql`vacuum into ${pristine}`.execute(db);
  }
}

async function reset() {
  await db.destroy();
  if (config.DATABASE_URL) {
    await pgAdmin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${dbName()} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${dbName()} TEMPLATE ${pristine}`);
    });
  } else {
    for (const suffix of ["-wal", "-shm"]) rmSync(config.SQLITE_FILE + suffix, { force: true });
    copyFileSync(pristine, config.SQLITE_FILE);
  }
  await open();
}

let tables: { name: string; byId: boolean }[] | null = null;
async function tenantTables() {
  tables ??= (await db.introspection.getTables())
    .filter((t) => t.name === "tenants" || t.columns.some((c) => c.name === "tenant_id"))
    .map((t) => ({ name: t.name, byId: t.name === "tenants" }));
  return tables;
}

/**
 * Changes whenever anything was written, so the probe takes snapshots only then: SQLite counts the
 * changes of the app's one connection; on PostgreSQL each table's row count and newest row version tell.
 */
async function version(): Promise<string> {
  if (!config.DATABASE_URL) return String((await sql<{ v: number }>`select total_changes() as v`.execute(db)).rows[0]?.v);
  const parts = (await tenantTables()).map((t) => sql`(select count(*) || ':' || coalesce(max(xmin::text::bigint), 0) from ${sql.table(t.name)})`);
  // Joined with || rather than concat_ws, which takes at most 100 arguments: there are more tables than that.
  return String((await sql<{ v: string }>`select ${sql.join(parts, sql` || ',' || `)} as v`.execute(db)).rows[0]?.v);
}

async function snapshot(tenantIds: string[]): Promise<Record<string, Snapshot>> {
  const result: Record<string, Snapshot> = Object.fromEntries(tenantIds.map((id) => [id, {}]));
  const all = await Promise.all(
    (await tenantTables()).map(async (t) => {
      const column = t.byId ? "id" : "tenant_id";
      return {
        t,
        column,
        found: await sql<Record<string, unknown>>`select * from ${sql.table(t.name)} where ${sql.ref(column)} in (${sql.join(tenantIds)})`.execute(db),
      };
    }),
  );
  for (const { t, column, found } of all) {
    for (const id of tenantIds) {
      (result[id] as Snapshot)[t.name] = found.rows
        .filter((r) => r[column] === id)
        .map((r) => JSON.stringify(r, (_k, v) => (isBytes(v) ? `bytes:${createHash("sha1").update(bytesOf(v)).digest("hex")}` : v)))
        .sort();
    }
  }
  return result;
}
const isBytes = (v: unknown) =>
  Buffer.isBuffer(v) || v instanceof Uint8Array || (typeof v === "object" && v !== null && (v as { type?: string }).type === "Buffer");
const bytesOf = (v: unknown) => (Buffer.isBuffer(v) ? v : v instanceof Uint8Array ? Buffer.from(v) : Buffer.from((v as { data: number[] }).data));

await open();
// The probe went away (its run ended or crashed): so does the app.
process.on("disconnect", () => process.exit(0));
process.on("message", async (message: Request) => {
  let reply: Reply;
  try {
    if (message.op === "save") reply = { id: message.id, ok: true, value: await save() };
    else if (message.op === "reset") reply = { id: message.id, ok: true, value: await reset() };
    else if (message.op === "version") reply = { id: message.id, ok: true, value: await version() };
    else reply = { id: message.id, ok: true, value: await snapshot(message.tenantIds) };
  } catch (error) {
    reply = { id: message.id, ok: false, error: String((error as Error).stack ?? error) };
  }
  process.send?.(reply);
});
serve({ fetch: (request, env) => app.fetch(request, env), port: 0, hostname: "127.0.0.1" }, (info) => process.send?.({ id: 0, ok: true, value: info.port }));
