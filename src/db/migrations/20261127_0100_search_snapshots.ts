import { type Kysely, PostgresAdapter, sql } from "kysely";
import { binaryType } from "../portable.js";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Counts each write of a row, so an index tells the version it holds from a newer one without reading the row.
  // The database raises it on every update, whoever writes (a module, a script, an older release still running).
  await db.schema
    .alterTable("search_documents")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`CREATE FUNCTION search_documents_bump_version() RETURNS trigger AS $$
      BEGIN
        IF NEW.version = OLD.version THEN NEW.version := OLD.version + 1; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER search_documents_version BEFORE UPDATE ON search_documents FOR EACH ROW EXECUTE FUNCTION search_documents_bump_version()`.execute(
      db,
    );
  } else {
    await sql`CREATE TRIGGER search_documents_version AFTER UPDATE ON search_documents WHEN NEW.version = OLD.version
      BEGIN UPDATE search_documents SET version = OLD.version + 1 WHERE tenant_id = NEW.tenant_id AND kind = NEW.kind AND ref_id = NEW.ref_id; END`.execute(db);
  }
  // A tenant's search index, built from search_documents by a background job in parts of a bounded
  // number of documents, and loaded whole by each instance, which then reads only the rows changed after `watermark`.
  await db.schema
    .createTable("search_snapshots")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("part", "integer", (c) => c.notNull())
    .addColumn("watermark", "text", (c) => c.notNull())
    .addColumn("built_at", "text", (c) => c.notNull())
    .addColumn("doc_count", "integer", (c) => c.notNull())
    .addColumn("data", binaryType(db), (c) => c.notNull())
    .addPrimaryKeyConstraint("search_snapshots_pk", ["tenant_id", "part"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("search_snapshots").execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`DROP TRIGGER search_documents_version ON search_documents`.execute(db);
    await sql`DROP FUNCTION search_documents_bump_version()`.execute(db);
  } else await sql`DROP TRIGGER search_documents_version`.execute(db);
  await db.schema.alterTable("search_documents").dropColumn("version").execute();
}
