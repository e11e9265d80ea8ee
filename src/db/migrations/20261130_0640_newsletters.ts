import type { Kysely } from "kysely";
import { addTenantKey, addTenantReference } from "../portable.js";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Extra mail headers as a JSON object (List-Unsubscribe and List-Unsubscribe-Post on a newsletter), or null.
  await db.schema.alterTable("mail_outbox").addColumn("headers", "text").execute();

  // A newsletter: written as a draft, then sent to one segment (a member group, a category, subscribers, a network).
  await db.schema
    .createTable("newsletters")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("segment_kind", "text", (c) => c.notNull())
    .addColumn("segment_id", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .execute();
  await db.schema.createIndex("newsletters_tenant").on("newsletters").columns(["tenant_id", "status", "sent_at"]).execute();

  // One address a newsletter goes to, with the hash of its unsubscribe link's secret and its mail once queued.
  await db.schema
    .createTable("newsletter_recipients")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("newsletter_id", "text", (c) => c.notNull().references("newsletters.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("outbox_id", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("newsletter_recipients_newsletter").on("newsletter_recipients").columns(["tenant_id", "newsletter_id", "outbox_id"]).execute();
  await db.schema.createIndex("newsletter_recipients_email").on("newsletter_recipients").columns(["tenant_id", "email"]).execute();

  // An address that asked for no more newsletters (from the link in one of them, or by staff).
  await db.schema
    .createTable("newsletter_unsubscribes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("newsletter_id", "text", (c) => c.references("newsletters.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("newsletter_unsubscribes_email").on("newsletter_unsubscribes").columns(["tenant_id", "email"]).unique().execute();
  await db.schema.createIndex("newsletter_unsubscribes_newsletter").on("newsletter_unsubscribes").columns(["tenant_id", "newsletter_id"]).execute();

  // A citizen who asked for the newsletter: receives it only once the address is confirmed from the mail.
  await db.schema
    .createTable("newsletter_subscribers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("confirmed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("newsletter_subscribers_email").on("newsletter_subscribers").columns(["tenant_id", "email"]).unique().execute();

  await addTenantKey(db, "newsletters");
  await addTenantReference(db, "newsletter_recipients", "newsletter_id", "newsletters");
  await addTenantReference(db, "newsletter_unsubscribes", "newsletter_id", "newsletters");
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["newsletter_subscribers", "newsletter_unsubscribes", "newsletter_recipients", "newsletters"]) await db.schema.dropTable(table).execute();
  await db.schema.alterTable("mail_outbox").dropColumn("headers").execute();
}
