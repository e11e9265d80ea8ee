import type { Kysely } from "kysely";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The tenant's choices for enquiries: how long the answer may take, when the admins are told, how long closed ones are kept.
  await db.schema
    .createTable("contact_settings")
    .addColumn("tenant_id", "text", (c) => c.primaryKey().references("tenants.id").onDelete("cascade"))
    .addColumn("answer_days", "integer", (c) => c.notNull())
    .addColumn("working_days", "integer", (c) => c.notNull())
    .addColumn("escalate_days", "integer", (c) => c.notNull())
    .addColumn("keep_months", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // A topic citizens write about, and who answers it: a staff person of the tenant or a unit's shared inbox.
  await db.schema
    .createTable("contact_topics")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("unit_name", "text", (c) => c.notNull())
    .addColumn("staff_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("inbox_email", "text")
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("contact_topics_tenant").on("contact_topics").columns(["tenant_id", "position"]).execute();
  await db.schema.createIndex("contact_topics_staff").on("contact_topics").columns(["tenant_id", "staff_user_id"]).execute();

  // An enquiry from the public form; the sender follows it by a link whose secret is stored only as its hash.
  await db.schema
    .createTable("contact_enquiries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("topic_id", "text", (c) => c.notNull().references("contact_topics.id").onDelete("cascade"))
    .addColumn("sender_name", "text", (c) => c.notNull())
    .addColumn("sender_email", "text", (c) => c.notNull())
    .addColumn("sender_phone", "text")
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("message", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("follow_hash", "text", (c) => c.notNull())
    .addColumn("answer", "text")
    .addColumn("answered_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("answered_at", "text")
    .addColumn("internal_note", "text", (c) => c.notNull())
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("reminded_at", "text")
    .addColumn("escalated_at", "text")
    .addColumn("closed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("contact_enquiries_follow").on("contact_enquiries").columns(["tenant_id", "follow_hash"]).unique().execute();
  await db.schema.createIndex("contact_enquiries_status").on("contact_enquiries").columns(["tenant_id", "status", "due_at"]).execute();
  await db.schema.createIndex("contact_enquiries_topic").on("contact_enquiries").columns(["tenant_id", "topic_id"]).execute();
  await db.schema.createIndex("contact_enquiries_sender").on("contact_enquiries").columns(["tenant_id", "sender_email"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["contact_enquiries", "contact_topics", "contact_settings"]) await db.schema.dropTable(table).execute();
}
