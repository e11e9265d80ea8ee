import type { Kysely } from "kysely";
import { addTenantKey, addTenantReference } from "../portable.js";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A counselling case: for an association, or for a new initiative known by its contact person.
  await db.schema
    .createTable("counselling_cases")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("association_id", "text", (c) => c.references("associations.id").onDelete("cascade"))
    .addColumn("initiative_name", "text")
    .addColumn("contact_name", "text")
    .addColumn("contact_email", "text")
    .addColumn("contact_phone", "text")
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("about", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("staff_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addColumn("closed_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("counselling_cases_status").on("counselling_cases").columns(["tenant_id", "status", "updated_at"]).execute();
  await db.schema.createIndex("counselling_cases_association").on("counselling_cases").columns(["tenant_id", "association_id"]).execute();
  await db.schema.createIndex("counselling_cases_contact").on("counselling_cases").columns(["tenant_id", "contact_email"]).execute();

  // One conversation: what was agreed (the association sees it), an internal note (staff only), the next step.
  await db.schema
    .createTable("counselling_entries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("case_id", "text", (c) => c.notNull().references("counselling_cases.id").onDelete("cascade"))
    .addColumn("held_on", "text", (c) => c.notNull())
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("agreed", "text", (c) => c.notNull())
    .addColumn("internal_note", "text", (c) => c.notNull())
    .addColumn("next_step", "text")
    .addColumn("next_step_on", "text")
    .addColumn("responsible_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("reminded_at", "text")
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("counselling_entries_case").on("counselling_entries").columns(["tenant_id", "case_id", "held_on"]).execute();
  await db.schema.createIndex("counselling_entries_due").on("counselling_entries").columns(["tenant_id", "next_step_on", "reminded_at"]).execute();

  await addTenantKey(db, "counselling_cases");
  await addTenantReference(db, "counselling_cases", "association_id", "associations");
  await addTenantReference(db, "counselling_entries", "case_id", "counselling_cases");
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("counselling_entries").execute();
  await db.schema.dropTable("counselling_cases").execute();
}
