import { type Kysely, PostgresAdapter, sql } from "kysely";

// Frozen: never import app code here, never edit once landed.
// A number that goes up whenever a tenant's settings change — its own row, its host names, its
// categories and target groups, its search synonyms — kept by the database itself, so every
// instance can keep the settings in memory and check with one small read that they are current,
// whichever instance (or script, or test) wrote.
const CHILDREN = ["tenant_hosts", "taxonomy_terms", "search_synonyms"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("tenants")
    .addColumn("settings_version", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`CREATE FUNCTION tenants_bump_settings_version() RETURNS trigger AS $$
      BEGIN
        IF NEW.settings_version = OLD.settings_version THEN NEW.settings_version := OLD.settings_version + 1; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER tenants_settings_version BEFORE UPDATE ON tenants FOR EACH ROW EXECUTE FUNCTION tenants_bump_settings_version()`.execute(db);
    await sql`CREATE FUNCTION tenant_settings_changed() RETURNS trigger AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN UPDATE tenants SET settings_version = settings_version + 1 WHERE id = OLD.tenant_id; END IF;
        IF TG_OP <> 'DELETE' THEN UPDATE tenants SET settings_version = settings_version + 1 WHERE id = NEW.tenant_id; END IF;
        RETURN NULL;
      END $$ LANGUAGE plpgsql`.execute(db);
    for (const table of CHILDREN) {
      await sql`CREATE TRIGGER ${sql.raw(`${table}_settings_version`)} AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION tenant_settings_changed()`.execute(
        db,
      );
    }
    return;
  }
  await sql`CREATE TRIGGER tenants_settings_version AFTER UPDATE ON tenants WHEN NEW.settings_version = OLD.settings_version
    BEGIN UPDATE tenants SET settings_version = OLD.settings_version + 1 WHERE id = NEW.id; END`.execute(db);
  for (const table of CHILDREN) {
    const bump = (row: "NEW" | "OLD") => `UPDATE tenants SET settings_version = settings_version + 1 WHERE id = ${row}.tenant_id;`;
    await sql.raw(`CREATE TRIGGER ${table}_settings_version_insert AFTER INSERT ON ${table} BEGIN ${bump("NEW")} END`).execute(db);
    await sql.raw(`CREATE TRIGGER ${table}_settings_version_update AFTER UPDATE ON ${table} BEGIN ${bump("OLD")} ${bump("NEW")} END`).execute(db);
    await sql.raw(`CREATE TRIGGER ${table}_settings_version_delete AFTER DELETE ON ${table} BEGIN ${bump("OLD")} END`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    for (const table of CHILDREN) await sql`DROP TRIGGER ${sql.raw(`${table}_settings_version`)} ON ${sql.table(table)}`.execute(db);
    await sql`DROP TRIGGER tenants_settings_version ON tenants`.execute(db);
    await sql`DROP FUNCTION tenant_settings_changed()`.execute(db);
    await sql`DROP FUNCTION tenants_bump_settings_version()`.execute(db);
  } else {
    for (const table of CHILDREN) for (const e of ["insert", "update", "delete"]) await sql.raw(`DROP TRIGGER ${table}_settings_version_${e}`).execute(db);
    await sql`DROP TRIGGER tenants_settings_version`.execute(db);
  }
  await db.schema.alterTable("tenants").dropColumn("settings_version").execute();
}
