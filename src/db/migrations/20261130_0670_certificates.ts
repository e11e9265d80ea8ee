import { type Kysely, sql } from "kysely";
import { addTenantKey, addTenantReference, dropTenantReference } from "../portable.js";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The tenant's choice of how often a certificate is renewed; without a row the country's default holds.
  await db.schema
    .createTable("certificate_settings")
    .addColumn("tenant_id", "text", (c) => c.primaryKey().references("tenants.id").onDelete("cascade"))
    .addColumn("renewal_months", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // One volunteer's child-protection certificate at one association: the request, the consent window and the
  // assessment. The certificate itself is never stored; the assessment is one of two outcomes.
  await db.schema
    .createTable("child_certificates")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("association_id", "text", (c) => c.notNull().references("associations.id").onDelete("cascade"))
    .addColumn("opportunity_id", "text", (c) => c.references("opportunities.id").onDelete("set null"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("requested_on", "text", (c) => c.notNull())
    .addColumn("requested_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("consented_on", "text")
    .addColumn("consent_lapses_on", "text")
    .addColumn("consent_recorded_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("outcome", "text")
    .addColumn("assessed_on", "text")
    .addColumn("assessed_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("renew_on", "text")
    .addColumn("left_on", "text")
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("renewal_reminded_at", "text")
    .addColumn("lapse_reminded_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addCheckConstraint("child_certificates_outcome", sql`outcome is null or outcome in ('no_remarks', 'follow_up')`)
    .execute();
  await db.schema.createIndex("child_certificates_association").on("child_certificates").columns(["tenant_id", "association_id", "email"]).execute();
  await db.schema.createIndex("child_certificates_email").on("child_certificates").columns(["tenant_id", "email"]).execute();
  await db.schema.createIndex("child_certificates_renew").on("child_certificates").columns(["tenant_id", "renew_on"]).execute();
  await db.schema.createIndex("child_certificates_consent").on("child_certificates").columns(["tenant_id", "consent_lapses_on"]).execute();

  await addTenantKey(db, "child_certificates");
  await addTenantReference(db, "child_certificates", "association_id", "associations");
  await addTenantReference(db, "child_certificates", "opportunity_id", "opportunities");
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTenantReference(db, "child_certificates", "opportunity_id");
  await dropTenantReference(db, "child_certificates", "association_id");
  await db.schema.dropTable("child_certificates").execute();
  await db.schema.dropTable("certificate_settings").execute();
}
