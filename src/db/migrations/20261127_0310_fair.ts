import { type Kysely, sql } from "kysely";
import { addTenantKey, addTenantReference } from "../portable.js";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // An association's stand at a volunteer fair: what it asks for, and the number staff give it.
  await db.schema
    .createTable("fair_stands")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("association_id", "text", (c) => c.notNull().references("associations.id").onDelete("cascade"))
    // Associations have no category of their own: the stand says which one it shows under on the fair's page.
    .addColumn("category_id", "text")
    .addColumn("size", "text", (c) => c.notNull())
    .addColumn("needs_power", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("needs_table", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("shows", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("stand_number", "text")
    // The short code in the stand sign's QR link to the visitors' page.
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("applied_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("fair_stands_event").on("fair_stands").columns(["tenant_id", "event_id", "status"]).execute();
  await db.schema.createIndex("fair_stands_code").on("fair_stands").columns(["code"]).unique().execute();
  // One application per association and fair; one stand per number and fair.
  await db.schema.createIndex("fair_stands_once").on("fair_stands").columns(["event_id", "association_id"]).unique().execute();
  await db.schema
    .createIndex("fair_stands_number")
    .on("fair_stands")
    .columns(["event_id", "stand_number"])
    .unique()
    .where(sql.ref("stand_number"), "is not", null)
    .execute();

  // A visitor's interest left at a stand, with their consent; deleted six months after the fair.
  await db.schema
    .createTable("fair_leads")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("stand_id", "text", (c) => c.notNull().references("fair_stands.id").onDelete("cascade"))
    .addColumn("association_id", "text", (c) => c.notNull().references("associations.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text")
    // JSON: the jobs chosen (ids and titles) and a free line.
    .addColumn("interests", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("consent_version", "text", (c) => c.notNull())
    .addColumn("consented_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("fair_leads_association").on("fair_leads").columns(["tenant_id", "association_id", "created_at"]).execute();
  await db.schema.createIndex("fair_leads_email").on("fair_leads").columns(["tenant_id", "email"]).execute();

  // What associations, businesses and the municipality agreed at the fair, and when to follow it up.
  await db.schema
    .createTable("fair_agreements")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    // Comma-separated association ids, and the other parties in words (a business, a municipal unit).
    .addColumn("association_ids", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("other_parties", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("agreed", "text", (c) => c.notNull())
    .addColumn("follow_up_on", "text", (c) => c.notNull())
    .addColumn("reminded_at", "text")
    .addColumn("recorded_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("fair_agreements_event").on("fair_agreements").columns(["tenant_id", "event_id"]).execute();
  await db.schema.createIndex("fair_agreements_follow_up").on("fair_agreements").columns(["tenant_id", "follow_up_on"]).execute();

  for (const table of ["fair_stands", "fair_leads", "fair_agreements"]) await addTenantKey(db, table);
  for (const [table, column, target] of [
    ["fair_stands", "event_id", "events"],
    ["fair_stands", "association_id", "associations"],
    ["fair_leads", "stand_id", "fair_stands"],
    ["fair_leads", "association_id", "associations"],
    ["fair_agreements", "event_id", "events"],
  ] as const)
    await addTenantReference(db, table, column, target);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["fair_agreements", "fair_leads", "fair_stands"]) await db.schema.dropTable(table).execute();
}
