import { type Kysely, PostgresAdapter, sql } from "kysely";

// Frozen: never import app code here, never edit once landed.

/** The tables whose rows make up what every request reads about its tenant (host, settings version, search changes). */
const TABLES = ["tenants", "tenant_hosts", "search_changes"];

export async function up(db: Kysely<unknown>): Promise<void> {
  // PostgreSQL only: each transaction that writes one of these tells every listening instance when it commits
  // (NOTIFY is sent at commit, once per transaction), so an instance may keep the row until it hears. SQLite has
  // one process, which reads the row each time.
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`CREATE FUNCTION notify_tenant_row_changed() RETURNS trigger AS $$
    BEGIN
      PERFORM pg_notify('sammen_tenant_rows', '');
      RETURN NULL;
    END $$ LANGUAGE plpgsql`.execute(db);
  for (const table of TABLES) {
    await sql
      .raw(`CREATE TRIGGER ${table}_notify AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION notify_tenant_row_changed()`)
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const table of TABLES) await sql.raw(`DROP TRIGGER ${table}_notify ON ${table}`).execute(db);
  await sql`DROP FUNCTION notify_tenant_row_changed()`.execute(db);
}
