import type { Kysely } from "kysely";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // When a job is done (comma-separated "mon-morning" slots), alone with one person or in a group, and step-free access.
  await db.schema
    .alterTable("opportunities")
    .addColumn("time_slots", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .alterTable("opportunities")
    .addColumn("setting", "text", (c) => c.notNull().defaultTo("any"))
    .execute();
  await db.schema
    .alterTable("opportunities")
    .addColumn("step_free", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("volunteer_profiles")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("interests", "text", (c) => c.notNull())
    .addColumn("skills", "text", (c) => c.notNull())
    .addColumn("time_slots", "text", (c) => c.notNull())
    .addColumn("postcode", "text")
    .addColumn("max_km", "integer")
    .addColumn("languages", "text", (c) => c.notNull())
    .addColumn("needs", "text", (c) => c.notNull())
    .addColumn("setting", "text", (c) => c.notNull())
    .addColumn("rhythm", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("volunteer_profiles_pk", ["tenant_id", "user_id"])
    .execute();

  // A citizen's consent to centre staff running the matching for them, kept as evidence.
  await db.schema
    .createTable("matching_consents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("citizen_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("staff_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("given_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("matching_consents_citizen").on("matching_consents").columns(["tenant_id", "citizen_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("matching_consents").execute();
  await db.schema.dropTable("volunteer_profiles").execute();
  for (const col of ["step_free", "setting", "time_slots"]) await db.schema.alterTable("opportunities").dropColumn(col).execute();
}
