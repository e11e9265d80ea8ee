import type { Kysely } from "kysely";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("application_messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("application_id", "text", (c) => c.notNull().references("applications.id").onDelete("cascade"))
    // "association" or "applicant"; the association's writer is kept for the audit, not shown to the applicant.
    .addColumn("sender", "text", (c) => c.notNull())
    .addColumn("author_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("application_messages_thread").on("application_messages").columns(["tenant_id", "application_id", "created_at"]).execute();
  await db.schema.alterTable("applications").addColumn("nudged_at", "text").execute();
  await db.schema.alterTable("applications").addColumn("escalated_at", "text").execute();
  await db.schema
    .alterTable("tenants")
    .addColumn("answer_nudge_days", "integer", (c) => c.notNull().defaultTo(5))
    .execute();
  await db.schema
    .alterTable("tenants")
    .addColumn("answer_escalate_days", "integer", (c) => c.notNull().defaultTo(10))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const col of ["answer_escalate_days", "answer_nudge_days"]) await db.schema.alterTable("tenants").dropColumn(col).execute();
  for (const col of ["escalated_at", "nudged_at"]) await db.schema.alterTable("applications").dropColumn(col).execute();
  await db.schema.dropTable("application_messages").execute();
}
