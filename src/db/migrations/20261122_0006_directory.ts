import type { Kysely } from "kysely";
import { binaryType } from "../portable.js";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // What an association tells the public about itself.
  await db.schema
    .alterTable("associations")
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.alterTable("associations").addColumn("website", "text").execute();
  // Uploaded files (logos) live in the database, so every instance serves the same ones.
  await db.schema
    .createTable("files")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("data", binaryType(db), (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable("associations")
    .addColumn("logo_file_id", "text", (c) => c.references("files.id").onDelete("set null"))
    .execute();
  // Days an offer may go unconfirmed after the yearly reminder before it is hidden.
  await db.schema
    .alterTable("tenants")
    .addColumn("stale_grace_days", "integer", (c) => c.notNull().defaultTo(30))
    .execute();

  await db.schema
    .createTable("offers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("association_id", "text", (c) => c.notNull().references("associations.id").onDelete("cascade"))
    // "activity" (something to join) or "help" (grief group, homework help, debt counselling…)
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("category_id", "text", (c) => c.references("taxonomy_terms.id").onDelete("set null"))
    .addColumn("target_groups", "text", (c) => c.notNull())
    .addColumn("place_name", "text")
    .addColumn("address", "text")
    .addColumn("postcode", "text")
    .addColumn("online", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("time_slots", "text", (c) => c.notNull())
    .addColumn("time_text", "text", (c) => c.notNull())
    .addColumn("accessibility", "text", (c) => c.notNull())
    .addColumn("languages", "text", (c) => c.notNull())
    .addColumn("price", "text", (c) => c.notNull())
    .addColumn("price_text", "text")
    .addColumn("contact_email", "text", (c) => c.notNull())
    .addColumn("contact_phone", "text")
    .addColumn("link_url", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("review_note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    // The association last said it is still right; a year later it is asked again.
    .addColumn("confirmed_at", "text", (c) => c.notNull())
    .addColumn("stale_notified_at", "text")
    .addColumn("hidden_at", "text")
    .execute();
  await db.schema.createIndex("offers_tenant_status").on("offers").columns(["tenant_id", "status", "confirmed_at"]).execute();
  await db.schema.createIndex("offers_association").on("offers").columns(["tenant_id", "association_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("offers").execute();
  await db.schema.alterTable("tenants").dropColumn("stale_grace_days").execute();
  for (const col of ["logo_file_id", "website", "description"]) await db.schema.alterTable("associations").dropColumn(col).execute();
  await db.schema.dropTable("files").execute();
}
