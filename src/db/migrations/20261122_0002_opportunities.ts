import type { Kysely } from "kysely";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // "pre": staff approve postings before they are public; "post": public at once, staff review after.
  await db.schema
    .alterTable("tenants")
    .addColumn("moderation", "text", (c) => c.notNull().defaultTo("pre"))
    .execute();
  await db.schema
    .createTable("taxonomy_terms")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("labels", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addUniqueConstraint("taxonomy_terms_tenant_kind_code", ["tenant_id", "kind", "code"])
    .execute();

  await db.schema
    .createTable("opportunities")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("association_id", "text", (c) => c.notNull().references("associations.id").onDelete("cascade"))
    .addColumn("category_id", "text", (c) => c.references("taxonomy_terms.id").onDelete("set null"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("tasks", "text", (c) => c.notNull())
    .addColumn("benefits", "text", (c) => c.notNull())
    .addColumn("commitment", "text", (c) => c.notNull())
    .addColumn("hours_per_week", "integer")
    .addColumn("one_off_date", "text")
    .addColumn("place", "text")
    .addColumn("postcode", "text")
    .addColumn("remote", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("start_date", "text")
    .addColumn("needs_certificate", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("min_age", "integer")
    .addColumn("languages", "text", (c) => c.notNull())
    .addColumn("suits", "text", (c) => c.notNull())
    .addColumn("contact_name", "text", (c) => c.notNull())
    .addColumn("contact_email", "text", (c) => c.notNull())
    .addColumn("expires_on", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("review_note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .execute();
  await db.schema.createIndex("opportunities_tenant_status").on("opportunities").columns(["tenant_id", "status", "published_at"]).execute();
  await db.schema.createIndex("opportunities_association").on("opportunities").columns(["tenant_id", "association_id"]).execute();

  await db.schema
    .createTable("applications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("opportunity_id", "text", (c) => c.notNull().references("opportunities.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("phone", "text")
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("confirmed_at", "text")
    .addColumn("first_answer_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("applications_opportunity").on("applications").columns(["tenant_id", "opportunity_id", "status"]).execute();
  await db.schema.createIndex("applications_user").on("applications").columns(["tenant_id", "user_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ["applications", "opportunities", "taxonomy_terms"]) await db.schema.dropTable(t).execute();
  await db.schema.alterTable("tenants").dropColumn("moderation").execute();
}
