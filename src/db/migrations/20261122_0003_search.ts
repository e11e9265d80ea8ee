import type { Kysely } from "kysely";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // What one search finds, written by each module in the same transaction as the record it describes.
  // A row is never deleted, only made invisible, so every search instance sees the change by updated_at.
  await db.schema
    .createTable("search_documents")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("ref_id", "text", (c) => c.notNull())
    .addColumn("visible", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("search_documents_pk", ["tenant_id", "kind", "ref_id"])
    .execute();
  await db.schema.createIndex("search_documents_changes").on("search_documents").columns(["tenant_id", "updated_at"]).execute();

  // National reference data (the postal registers), shared by every tenant of a country.
  await db.schema
    .createTable("postcodes")
    .addColumn("country", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("lat", "double precision", (c) => c.notNull())
    .addColumn("lon", "double precision", (c) => c.notNull())
    .addPrimaryKeyConstraint("postcodes_pk", ["country", "code"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("postcodes").execute();
  await db.schema.dropTable("search_documents").execute();
}
