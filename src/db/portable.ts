// The only file that knows the two dialects apart.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { type Dialect, type Kysely, PostgresAdapter, PostgresDialect, type SelectQueryBuilder, SqliteDialect, sql } from "kysely";
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
  return { name: "sqlite", dialect: new SqliteDialect({ database }) };
}

// biome-ignore lint/suspicious/noExplicitAny: works for any database schema and transaction
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
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
export async function addNoOverlapConstraint(db: Kysely<any>, table: string, key: string, start: string, end: string): Promise<void> {
  if (dialectOf(db) !== "postgres") return;
  await sql`create extension if not exists btree_gist`.execute(db);
  await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_no_overlap`)} exclude using gist (${sql.ref(key)} with =, int4range(${sql.ref(start)}, ${sql.ref(end)}) with &&)`.execute(
    db,
  );
}

export function isOverlapViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "23P01";
}

/**
 * Makes writers that name the same key take turns until their transaction ends: an advisory lock on
 * PostgreSQL; SQLite has one writer at a time anyway.
 */
// biome-ignore lint/suspicious/noExplicitAny: any transaction
export async function takeTurns(trx: Kysely<any>, key: string): Promise<void> {
  if (dialectOf(trx) === "postgres") await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}
