import type { Kysely } from "kysely";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A cooperation agreement between a municipal unit and one or more associations, for one period.
  // A renewal is a new row in the same series (series_id = the first period's id), so the old one stays as history.
  await db.schema
    .createTable("agreements")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("series_id", "text", (c) => c.notNull())
    .addColumn("previous_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("municipal_unit", "text", (c) => c.notNull())
    .addColumn("municipality_gives", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text")
    .addColumn("is_public", "integer", (c) => c.notNull())
    .addColumn("contact_name", "text", (c) => c.notNull())
    .addColumn("contact_email", "text", (c) => c.notNull())
    .addColumn("contact_phone", "text", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("responsible_user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("reminded_at", "text")
    .addColumn("ended_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("agreements_tenant_status").on("agreements").columns(["tenant_id", "status", "ends_on"]).execute();
  await db.schema.createIndex("agreements_tenant_series").on("agreements").columns(["tenant_id", "series_id"]).execute();
  await db.schema.createIndex("agreements_tenant_responsible").on("agreements").columns(["tenant_id", "responsible_user_id"]).execute();

  // The associations that are parties, each with what it gives.
  await db.schema
    .createTable("agreement_parties")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("agreement_id", "text", (c) => c.notNull().references("agreements.id").onDelete("cascade"))
    .addColumn("association_id", "text", (c) => c.notNull().references("associations.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("gives", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("agreement_parties_pk", ["tenant_id", "agreement_id", "association_id"])
    .execute();
  await db.schema.createIndex("agreement_parties_tenant_association").on("agreement_parties").columns(["tenant_id", "association_id"]).execute();
  await db.schema.createIndex("agreement_parties_tenant_agreement").on("agreement_parties").columns(["tenant_id", "agreement_id"]).execute();

  // The agreement's documents (the signed agreement, annexes); never public.
  await db.schema
    .createTable("agreement_documents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("agreement_id", "text", (c) => c.notNull().references("agreements.id").onDelete("cascade"))
    .addColumn("file_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("agreement_documents_tenant_agreement").on("agreement_documents").columns(["tenant_id", "agreement_id"]).execute();

  // Grant schemes and premises that belong to the agreement (ids of the grants' and premises' records).
  await db.schema
    .createTable("agreement_links")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("agreement_id", "text", (c) => c.notNull().references("agreements.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("ref_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("agreement_links_pk", ["tenant_id", "agreement_id", "kind", "ref_id"])
    .execute();
  await db.schema.createIndex("agreement_links_tenant_ref").on("agreement_links").columns(["tenant_id", "kind", "ref_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["agreement_links", "agreement_documents", "agreement_parties", "agreements"]) await db.schema.dropTable(table).execute();
}
