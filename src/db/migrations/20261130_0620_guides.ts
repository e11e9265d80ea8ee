import type { Kysely } from "kysely";
import { addTenantKey } from "../portable.js";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A knowledge article written by the centre's staff: its texts per language as JSON, its category a code from the catalogs.
  await db.schema
    .createTable("guides")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("category", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("texts", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .addUniqueConstraint("guides_tenant_slug", ["tenant_id", "slug"])
    .execute();
  await db.schema.createIndex("guides_tenant_status").on("guides").columns(["tenant_id", "status", "updated_at"]).execute();
  await addTenantKey(db, "guides");
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("guides").execute();
}
