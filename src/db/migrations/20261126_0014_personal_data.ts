import type { Kysely } from "kysely";
import { setNullOnDelete } from "../portable.js";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Who read a person's data, one row per person (or application) shown: staff reading applicants,
  // threads, people and the waiting list. Changes stay in audit_log.
  await db.schema
    .createTable("access_log")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("actor_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_type", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("ip", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("access_log_tenant_at").on("access_log").columns(["tenant_id", "at"]).execute();
  await db.schema.createIndex("access_log_tenant_subject").on("access_log").columns(["tenant_id", "subject_id", "at"]).execute();
  await db.schema.createIndex("access_log_tenant_actor").on("access_log").columns(["tenant_id", "actor_id", "at"]).execute();

  // Bookings and round applications outlive the person who made them: the municipality keeps its records, without the person.
  await setNullOnDelete(db, "bookings", "user_id", "users.id");
  await setNullOnDelete(db, "allocation_applications", "user_id", "users.id");
  await db.schema.createIndex("bookings_user").on("bookings").columns(["tenant_id", "user_id"]).execute();
  await db.schema.createIndex("allocation_applications_user").on("allocation_applications").columns(["tenant_id", "user_id"]).execute();
  await db.schema.createIndex("applications_email").on("applications").columns(["tenant_id", "email"]).execute();
  await db.schema.createIndex("email_tokens_email").on("email_tokens").columns(["tenant_id", "email"]).execute();

  // Consent recorded by staff lasts until expires_at unless the citizen confirms it by the link mailed to them.
  await db.schema.alterTable("matching_consents").addColumn("confirmed_at", "text").execute();
  await db.schema.alterTable("matching_consents").addColumn("withdrawn_at", "text").execute();
  await db.schema
    .alterTable("matching_consents")
    .addColumn("expires_at", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  // Consents recorded before were never confirmed by the citizen: they end 30 days after they were recorded.
  const consents = db as Kysely<{ matching_consents: { id: string; given_at: string; expires_at: string } }>;
  for (const c of await consents.selectFrom("matching_consents").select(["id", "given_at"]).execute()) {
    const ends = new Date(new Date(c.given_at).getTime() + 30 * 24 * 3600_000).toISOString();
    await consents.updateTable("matching_consents").set({ expires_at: ends }).where("id", "=", c.id).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const col of ["expires_at", "withdrawn_at", "confirmed_at"]) await db.schema.alterTable("matching_consents").dropColumn(col).execute();
  for (const index of ["email_tokens_email", "applications_email", "allocation_applications_user", "bookings_user"]) await db.schema.dropIndex(index).execute();
  await db.schema.dropTable("access_log").execute();
}
