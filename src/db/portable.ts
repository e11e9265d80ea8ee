// The only file that knows the two dialects apart.
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { type Dialect, type Kysely, PostgresAdapter, PostgresDialect, type SelectQueryBuilder, type SqliteDatabase, SqliteDialect, sql } from "kysely";
import pg from "pg";

export type DialectName = "sqlite" | "postgres";

export function createPool(connectionString: string, onIdleError: (error: Error) => void = () => {}): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection the server drops (restart, failover) must not crash the process; the pool replaces it.
  pool.on("error", onIdleError);
  return pool;
}

export function createDialect(target: { databaseUrl?: string; sqliteFile: string; onIdleError?: (error: Error) => void }): {
  dialect: Dialect;
  name: DialectName;
  /**
   * SQLite only: a text that changes at once whenever this connection changes a row (triggers included, committed
   * or not), and within OTHERS_SEEN_WITHIN_MS when another connection commits. Read straight from the database
   * handle, in well under a microsecond.
   */
  changeStamp?: () => string;
} {
  if (target.databaseUrl) {
    return { name: "postgres", dialect: new PostgresDialect({ pool: createPool(target.databaseUrl, target.onIdleError) }) };
  }
  if (target.sqliteFile !== ":memory:") mkdirSync(dirname(target.sqliteFile), { recursive: true });
  const database = new SQLite(target.sqliteFile);
  database.pragma("journal_mode = WAL");
  database.pragma("busy_timeout = 5000");
  database.pragma("foreign_keys = ON");
  database.pragma("synchronous = NORMAL");
  // total_changes() reads a counter of the connection. data_version must look at the write-ahead log's shared
  // memory, a few microseconds and more under load, so it is read at most once a millisecond: about as long as a
  // notice takes to reach an instance on PostgreSQL.
  const ownChanges = database.prepare("SELECT total_changes()").pluck();
  const dataVersion = database.prepare("PRAGMA data_version").pluck();
  let others = 0;
  let othersReadAt = Number.NEGATIVE_INFINITY;
  let busy = 0;
  const changeStamp = () => {
    try {
      const now = performance.now();
      if (now - othersReadAt >= OTHERS_SEEN_WITHIN_MS) {
        others = dataVersion.get() as number;
        othersReadAt = now;
      }
      return `${ownChanges.get()}:${others}`;
    } catch {
      // The connection is busy with a statement still being read from (a streamed export): a stamp never seen before.
      return `busy:${++busy}`;
    }
  };
  return { name: "sqlite", dialect: new SqliteDialect({ database: keepingStatements(database) }), changeStamp };
}

/** How soon the SQLite change stamp shows another connection's commit. */
export const OTHERS_SEEN_WITHIN_MS = 1;

/** Statements kept per database file; the application has a few hundred distinct ones. */
const KEPT_STATEMENTS = 1000;

/**
 * better-sqlite3 with each statement kept by its text: preparing a small query anew costs about as much as
 * running it. A statement still being read from (a streamed export) is not handed out twice.
 */
function keepingStatements(database: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(text) {
      const found = kept.get(text);
      if (found && !found.busy) return found;
      const statement = database.prepare(text);
      kept.set(text, statement);
      if (kept.size > KEPT_STATEMENTS) kept.delete(kept.keys().next().value as string);
      return statement;
    },
  };
}

// biome-ignore lint/suspicious/noExplicitAny: works for any database schema and transaction
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}

/**
 * How many bytes of a large stored value to read per statement, or null to read it whole. PostgreSQL sends
 * bytes as hex text (twice their size, held at once), so a large one comes in pieces; SQLite hands over the
 * stored bytes and reads the whole value for any slice of it, so one read is cheapest.
 */
// biome-ignore lint/suspicious/noExplicitAny: works for any database schema and transaction
export function largeValuePiece(db: Kysely<any>): number | null {
  return dialectOf(db) === "postgres" ? 4 * 1024 * 1024 : null;
}

/** Rows claimed by one worker are skipped by the others on PostgreSQL; SQLite has one writer at a time anyway. */
// biome-ignore lint/suspicious/noExplicitAny: generic over any select
export function skipLocked<Q extends SelectQueryBuilder<any, any, any>>(db: Kysely<any>, query: Q): Q {
  return (dialectOf(db) === "postgres" ? query.forUpdate().skipLocked() : query) as Q;
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string } | null;
  return e?.code === "23505" || e?.code === "SQLITE_CONSTRAINT_UNIQUE" || e?.code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

/** The column type for bytes: SQLite's blob, PostgreSQL's bytea. Both take and give a Buffer. */
// biome-ignore lint/suspicious/noExplicitAny: any database, including a migration's
export function binaryType(db: Kysely<any>): "blob" | "bytea" {
  return dialectOf(db) === "postgres" ? "bytea" : "blob";
}

/**
 * Rows with the same key must not overlap in [start, end) on PostgreSQL, enforced by an exclusion
 * constraint; SQLite has no such constraint, and its one writer at a time checks inside the
 * writing transaction instead.
 */
// biome-ignore lint/suspicious/noExplicitAny: any database, including a migration's
export async function addNoOverlapTriggerOnSqlite(db: Kysely<any>, table: string, key: string, start: string, end: string): Promise<void> {
  if (dialectOf(db) !== "sqlite") return;
  const [t, k, s, e] = [table, key, start, end].map(name);
  await sql`create trigger ${sql.raw(`${table}_no_overlap`)} before insert on ${t}
    when exists (select 1 from ${t} where ${k} = new.${k} and ${s} < new.${e} and ${e} > new.${s})
    begin select raise(abort, ${sql.lit(`${table}_no_overlap`)}); end`.execute(db);
}

/**
 * Counts every change to the watched tables per tenant in `counter` (tenant_id, version), by
 * trigger, so a cache of those tables can tell it is stale from one number whoever wrote the change.
 */
// biome-ignore lint/suspicious/noExplicitAny: any database, including a migration's
export async function countChangesPerTenant(db: Kysely<any>, counter: string, watched: string[]): Promise<void> {
  const c = name(counter);
  if (dialectOf(db) === "postgres") {
    await sql`create function ${sql.raw(`${counter}_bump`)}() returns trigger language plpgsql as $$
      declare tenant text;
      begin
        if tg_op = 'DELETE' then tenant := old.tenant_id; else tenant := new.tenant_id; end if;
        insert into ${c} (tenant_id, version) values (tenant, 1)
          on conflict (tenant_id) do update set version = ${c}.version + 1;
        return null;
      end $$`.execute(db);
    for (const table of watched)
      await sql`create trigger ${sql.raw(`${table}_bump_${counter}`)} after insert or update or delete on ${name(table)}
        for each row execute function ${sql.raw(`${counter}_bump`)}()`.execute(db);
    return;
  }
  for (const table of watched)
    for (const [event, row] of [
      ["insert", "new"],
      ["update", "new"],
      ["delete", "old"],
    ] as const) {
      await sql`create trigger ${sql.raw(`${table}_${event}_bump_${counter}`)} after ${sql.raw(event)} on ${name(table)}
        begin
          insert into ${c} (tenant_id, version) values (${sql.raw(row)}.tenant_id, 1)
            on conflict (tenant_id) do update set version = version + 1;
        end`.execute(db);
    }
}

// biome-ignore lint/suspicious/noExplicitAny: any database, including a migration's
export async function addNoOverlapConstraint(db: Kysely<any>, table: string, key: string, start: string, end: string): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  await sql`create extension if not exists btree_gist`.execute(db);
  await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_no_overlap`)} exclude using gist (${sql.ref(key)} with =, int4range(${sql.ref(start)}, ${sql.ref(end)}) with &&)`.execute(
    db,
  );
}

/** PostgreSQL gave up one of two transactions waiting on each other; it may simply be tried again. */
export function isDeadlock(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "40P01";
}

export function isOverlapViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return e?.code === "23P01" || (e?.code === "SQLITE_CONSTRAINT_TRIGGER" && (e.message ?? "").endsWith("_no_overlap"));
}

/**
 * Makes writers that name the same key take turns until their transaction ends: an advisory lock on
 * PostgreSQL; SQLite has one writer at a time anyway.
 */
// biome-ignore lint/suspicious/noExplicitAny: any transaction
export async function takeTurns(trx: Kysely<any>, key: string): Promise<void> {
  if (dialectOf(trx) === "postgres") await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

// biome-ignore lint/suspicious/noExplicitAny: any database, including a migration's
type AnyDb = Kysely<any>;
/** Table and column names come from the migrations' own lists, never from input; checked all the same. */
const name = (n: string) => {
  if (!/^[a-z_]+$/.test(n)) throw new Error(`not a table or column name: ${n}`);
  return sql.raw(n);
};

/**
 * Makes (tenant_id, id) a key that references can name, on a table other tenant-owned tables refer
 * to: a unique constraint on PostgreSQL. SQLite checks references by trigger (see below); there a
 * row simply never moves to another tenant.
 */
export async function addTenantKey(db: AnyDb, table: string): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`alter table ${name(table)} add constraint ${name(`${table}_tenant_key`)} unique (tenant_id, id)`.execute(db);
    return;
  }
  await sql`create trigger ${name(`${table}_tenant_fixed`)} before update of tenant_id on ${name(table)}
    when new.tenant_id is not old.tenant_id
    begin select raise(abort, ${sql.lit(`${table}: a row stays with its tenant`)}); end`.execute(db);
}

export async function dropTenantKey(db: AnyDb, table: string): Promise<void> {
  if (dialectOf(db) === "postgres") await sql`alter table ${name(table)} drop constraint ${name(`${table}_tenant_key`)}`.execute(db);
  else await sql`drop trigger ${name(`${table}_tenant_fixed`)}`.execute(db);
}

/**
 * A column that names a row of another tenant-owned table may only name one of its own tenant's.
 * PostgreSQL: a foreign key on (tenant_id, column), checked at commit so that the column's own
 * foreign key (which cascades or sets null) has acted first when the referenced row is deleted.
 * SQLite, where adding a foreign key means rebuilding the table: triggers that refuse the row.
 */
export async function addTenantReference(db: AnyDb, table: string, column: string, referenced: string): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`alter table ${name(table)} add constraint ${name(`${table}_${column}_tenant_fk`)}
      foreign key (tenant_id, ${name(column)}) references ${name(referenced)} (tenant_id, id) deferrable initially deferred`.execute(db);
    return;
  }
  const check = sql`when new.${name(column)} is not null
      and not exists (select 1 from ${name(referenced)} r where r.id = new.${name(column)} and r.tenant_id = new.tenant_id)
    begin select raise(abort, ${sql.lit(`${table}.${column} names no ${referenced} row of its own tenant`)}); end`;
  await sql`create trigger ${name(`${table}_${column}_tenant_insert`)} before insert on ${name(table)} ${check}`.execute(db);
  await sql`create trigger ${name(`${table}_${column}_tenant_update`)} before update of tenant_id, ${name(column)} on ${name(table)} ${check}`.execute(db);
}

export async function dropTenantReference(db: AnyDb, table: string, column: string): Promise<void> {
  if (dialectOf(db) === "postgres") {
    await sql`alter table ${name(table)} drop constraint ${name(`${table}_${column}_tenant_fk`)}`.execute(db);
    return;
  }
  await sql`drop trigger ${name(`${table}_${column}_tenant_insert`)}`.execute(db);
  await sql`drop trigger ${name(`${table}_${column}_tenant_update`)}`.execute(db);
}

/**
 * Makes a column that references another table optional, cleared when the row it points to is
 * deleted (ON DELETE SET NULL). PostgreSQL alters the column and its own foreign key in place (a
 * tenant reference on two columns stays). SQLite cannot alter a column: the table is copied into a
 * new one with the column redefined, following SQLite's documented procedure (foreign keys off, so
 * that dropping the old table cascades nothing), and its indexes and triggers are made again. Runs
 * outside a transaction on SQLite, as migrations there do.
 */
export async function setNullOnDelete(db: AnyDb, table: string, column: string, references: `${string}.${string}`): Promise<void> {
  const [parent = "", key = ""] = references.split(".");
  if (dialectOf(db) === "postgres") {
    const found = await sql<{ name: string }>`select con.conname as name from pg_constraint con
      join pg_class rel on rel.oid = con.conrelid
      join pg_attribute att on att.attrelid = rel.oid and att.attnum = con.conkey[1]
      where con.contype = 'f' and cardinality(con.conkey) = 1 and rel.relname = ${table} and att.attname = ${column}`.execute(db);
    for (const fk of found.rows) await sql`alter table ${name(table)} drop constraint ${sql.ref(fk.name)}`.execute(db);
    await sql`alter table ${name(table)} alter column ${name(column)} drop not null`.execute(db);
    await sql`alter table ${name(table)} add foreign key (${name(column)}) references ${name(parent)} (${name(key)}) on delete set null`.execute(db);
    return;
  }
  const created = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = ${table}`.execute(db);
  const dependents = await sql<{ sql: string }>`select sql from sqlite_master
    where type in ('index', 'trigger') and tbl_name = ${table} and sql is not null order by type`.execute(db);
  const definition = created.rows[0]?.sql;
  if (!definition) throw new Error(`No table ${table}`);
  const parts = splitTopLevel(definition.slice(definition.indexOf("(") + 1, definition.lastIndexOf(")")));
  const at = parts.findIndex((p) => p.trim().startsWith(`"${column}" `));
  if (at < 0) throw new Error(`No column ${column} in ${table}`);
  const type = parts[at]?.trim().split(/\s+/)[1] ?? "text";
  parts[at] = ` "${column}" ${type} references "${parent}" ("${key}") on delete set null`;
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    const still = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    if (still.rows[0]?.foreign_keys) throw new Error("setNullOnDelete must run outside a transaction on SQLite");
    await db.transaction().execute(async (trx) => {
      await sql`create table ${name(`${table}__new`)} (${sql.raw(parts.join(","))})`.execute(trx);
      await sql`insert into ${name(`${table}__new`)} select * from ${name(table)}`.execute(trx);
      await sql`drop table ${name(table)}`.execute(trx);
      await sql`alter table ${name(`${table}__new`)} rename to ${name(table)}`.execute(trx);
      for (const dependent of dependents.rows) await sql.raw(dependent.sql).execute(trx);
      const broken = await sql`select * from pragma_foreign_key_check(${table})`.execute(trx);
      if (broken.rows.length) throw new Error(`${table} would break foreign keys`);
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

/** The comma-separated parts of a column list, leaving commas inside parentheses alone. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth--;
    else if (text[i] === "," && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Every column of any table that holds a foreign key to this table's id, as `table.column`. */
export async function columnsReferencing(db: AnyDb, parent: string): Promise<string[]> {
  if (dialectOf(db) === "postgres") {
    const found = await sql<{ name: string }>`select distinct rel.relname || '.' || att.attname as name
      from pg_constraint con
      join pg_class rel on rel.oid = con.conrelid
      join pg_class ref on ref.oid = con.confrelid
      cross join lateral unnest(con.conkey, con.confkey) as k(col, refcol)
      join pg_attribute att on att.attrelid = con.conrelid and att.attnum = k.col
      join pg_attribute refatt on refatt.attrelid = con.confrelid and refatt.attnum = k.refcol
      where con.contype = 'f' and ref.relname = ${parent} and refatt.attname = 'id'
        and rel.relnamespace = (select oid from pg_namespace where nspname = current_schema())`.execute(db);
    return found.rows.map((r) => r.name);
  }
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
  const columns: string[] = [];
  for (const { name: table } of tables.rows) {
    const keys = await sql<{ table: string; from: string; to: string }>`select * from pragma_foreign_key_list(${table})`.execute(db);
    for (const k of keys.rows) if (k.table === parent && k.to === "id") columns.push(`${table}.${k.from}`);
  }
  return columns;
}

export interface Listening {
  /** Stops listening and closes its connection. */
  close(): Promise<void>;
}

/**
 * PostgreSQL's notices on a channel (LISTEN), over a connection of its own, opened again after it drops (a second
 * later, then up to 30 s while the database keeps refusing).
 * `listening(true)` comes once the LISTEN is in place, `listening(false)` when the connection is lost: notices sent
 * meanwhile are lost with it, so whoever trusts them must not trust what they kept while deaf. Every few seconds
 * the connection notifies itself and must hear it back: a connection that died without a word, or a pooler that
 * does not pass notices on, counts as lost.
 */
export function listenFor(
  connectionString: string,
  channel: string,
  on: { notice: () => void; listening: (listening: boolean) => void; error: (error: Error) => void },
  timing = { everyMs: 5000, answerMs: 2000 },
): Listening {
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let closed = false;
  // Seconds before the next attempt: 1, doubling up to 30 while the database keeps refusing.
  let backoff = 1;
  const connect = async () => {
    // Named, so an operator sees it in pg_stat_activity for what it is.
    const c = new pg.Client({ connectionString, application_name: "sammen-listen", connectionTimeoutMillis: 5000 });
    client = c;
    const ping = `ping:${randomBytes(9).toString("base64url")}`;
    let lost = false;
    let heartbeat: NodeJS.Timeout | null = null;
    let waiting: NodeJS.Timeout | null = null;
    const drop = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (heartbeat) clearInterval(heartbeat);
      if (waiting) clearTimeout(waiting);
      on.listening(false);
      if (closed) return;
      if (error) on.error(error);
      c.end().catch(() => {});
      retry = setTimeout(connect, backoff * 1000);
      retry.unref();
      backoff = Math.min(backoff * 2, 30);
    };
    c.on("notification", (n) => {
      if (n.channel !== channel) return;
      if (n.payload === ping && waiting) {
        clearTimeout(waiting);
        waiting = null;
      } else if (!n.payload?.startsWith("ping:")) on.notice();
    });
    c.on("error", drop);
    c.on("end", () => drop());
    try {
      await c.connect();
      await c.query(`LISTEN ${c.escapeIdentifier(channel)}`);
      if (lost || closed) return;
      heartbeat = setInterval(() => {
        if (waiting) return;
        waiting = setTimeout(() => drop(new Error(`no answer on ${channel} within ${timing.answerMs} ms`)), timing.answerMs);
        waiting.unref();
        c.query("SELECT pg_notify($1, $2)", [channel, ping]).catch(drop);
      }, timing.everyMs);
      heartbeat.unref();
      backoff = 1;
      on.listening(true);
    } catch (error) {
      drop(error as Error);
    }
  };
  void connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      on.listening(false);
      await client?.end().catch(() => {});
    },
  };
}
