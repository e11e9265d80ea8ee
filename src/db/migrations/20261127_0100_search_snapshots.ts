import type { Kysely } from "kysely";
import { binaryType } from "../portable.js";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Counts each write of a row, so an index tells the version it holds from a newer one without reading the row.
  await db.schema
    .alterTable("search_documents")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
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
  await db.schema.alterTable("search_documents").dropColumn("version").execute();
}
