import { type Kysely, sql } from "kysely";
import { addNoOverlapTriggerOnSqlite, countChangesPerTenant, dialectOf } from "../portable.js";

// Frozen: never import app code here, never edit once landed.
// A number per tenant that every change to its premises, opening hours or closures raises, so each
// instance can keep the premise tree and booking rules cached and know at once when they change.
// No reference to tenants: a tenant's deletion removes its premises, which raise the number once more.
// SQLite refuses overlapping holds by trigger, as PostgreSQL's exclusion constraint does.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("premise_versions")
    .addColumn("tenant_id", "text", (c) => c.primaryKey())
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
  await sql`insert into premise_versions (tenant_id, version) select id, 1 from tenants`.execute(db);
  await countChangesPerTenant(db, "premise_versions", ["premises", "premise_hours", "premise_closures"]);
  await addNoOverlapTriggerOnSqlite(db, "occupancy", "premise_id", "start_minute", "end_minute");
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = dialectOf(db) === "postgres";
  for (const table of ["premises", "premise_hours", "premise_closures"]) {
    if (postgres) await sql.raw(`drop trigger if exists ${table}_bump_premise_versions on ${table}`).execute(db);
    else for (const event of ["insert", "update", "delete"]) await sql.raw(`drop trigger if exists ${table}_${event}_bump_premise_versions`).execute(db);
  }
  if (postgres) await sql`drop function if exists premise_versions_bump()`.execute(db);
  else await sql`drop trigger if exists occupancy_no_overlap`.execute(db);
  await db.schema.dropTable("premise_versions").execute();
}
