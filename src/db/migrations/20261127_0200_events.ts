import { type Kysely, sql } from "kysely";
import { addTenantKey, addTenantReference } from "../portable.js";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // How long a person offered a freed place has to accept it, and how close to the start a freed place
  // goes straight to the first on the waiting list instead.
  await db.schema
    .alterTable("tenants")
    .addColumn("event_offer_hours", "integer", (c) => c.notNull().defaultTo(48))
    .execute();
  await db.schema
    .alterTable("tenants")
    .addColumn("event_immediate_hours", "integer", (c) => c.notNull().defaultTo(48))
    .execute();

  // A course, meeting, gathering or fair, organised by the centre, the municipality or an association.
  await db.schema
    .createTable("events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("organiser", "text", (c) => c.notNull())
    .addColumn("association_id", "text", (c) => c.references("associations.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("category_id", "text")
    .addColumn("target_groups", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("languages", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("accessibility", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("premise_id", "text", (c) => c.references("premises.id"))
    .addColumn("place_name", "text")
    .addColumn("address", "text")
    .addColumn("postcode", "text")
    // Sent only to those registered.
    .addColumn("online_url", "text")
    .addColumn("price", "text", (c) => c.notNull())
    .addColumn("price_minor", "integer")
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("capacity", "integer", (c) => c.notNull())
    .addColumn("max_per_registration", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("registration_opens_at", "text")
    .addColumn("registration_closes_at", "text")
    // JSON: up to five extra questions on the registration form.
    .addColumn("questions", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("contact_email", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("review_note", "text")
    // The first session's start and the last one's end, for lists and feeds.
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("cancelled_at", "text")
    .execute();
  await db.schema.createIndex("events_tenant_start").on("events").columns(["tenant_id", "status", "starts_at"]).execute();
  await db.schema.createIndex("events_association").on("events").columns(["tenant_id", "association_id"]).execute();

  // The dates of an event: one for a meeting, several for a course.
  await db.schema
    .createTable("event_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("event_sessions_event").on("event_sessions").columns(["tenant_id", "event_id", "starts_at"]).execute();

  // One person's place, on the waiting list or offered one. People registered together share a group
  // and the booker's address; the waiting list is the order of `queue_no`.
  await db.schema
    .createTable("event_registrations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("group_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("association_id", "text", (c) => c.references("associations.id").onDelete("set null"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("phone", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("queue_no", "integer")
    .addColumn("offer_expires_at", "text")
    // JSON: answers to the extra questions; those marked sensitive (food, access needs) sealed apart, and deleted after the event.
    .addColumn("answers", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("sensitive_answers", "text")
    .addColumn("overbooked", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("added_by", "text")
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("confirmed_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("reminded_at", "text")
    .execute();
  await db.schema.createIndex("event_registrations_event").on("event_registrations").columns(["tenant_id", "event_id", "status", "queue_no"]).execute();
  await db.schema.createIndex("event_registrations_group").on("event_registrations").columns(["tenant_id", "group_id"]).execute();
  await db.schema.createIndex("event_registrations_user").on("event_registrations").columns(["tenant_id", "user_id"]).execute();
  // One live place per person and address on an event, whatever a race does.
  await db.schema
    .createIndex("event_registrations_once")
    .on("event_registrations")
    .columns(["event_id", "email", "name"])
    .unique()
    .where(sql.ref("status"), "in", ["unconfirmed", "registered", "waiting", "offered"])
    .execute();

  // Who came to which session.
  await db.schema
    .createTable("event_attendance")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("registration_id", "text", (c) => c.notNull().references("event_registrations.id").onDelete("cascade"))
    .addColumn("session_id", "text", (c) => c.notNull().references("event_sessions.id").onDelete("cascade"))
    .addColumn("present", "integer", (c) => c.notNull())
    .addColumn("marked_by", "text")
    .addColumn("marked_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("event_attendance_pk", ["registration_id", "session_id"])
    .execute();

  for (const table of ["events", "event_sessions", "event_registrations"]) await addTenantKey(db, table);
  for (const [table, column, target] of [
    ["events", "association_id", "associations"],
    ["events", "premise_id", "premises"],
    ["event_sessions", "event_id", "events"],
    ["event_registrations", "event_id", "events"],
    ["event_registrations", "user_id", "users"],
    ["event_registrations", "association_id", "associations"],
    ["event_attendance", "registration_id", "event_registrations"],
    ["event_attendance", "session_id", "event_sessions"],
  ] as const)
    await addTenantReference(db, table, column, target);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["event_attendance", "event_registrations", "event_sessions", "events"]) await db.schema.dropTable(table).execute();
  await db.schema.alterTable("tenants").dropColumn("event_immediate_hours").execute();
  await db.schema.alterTable("tenants").dropColumn("event_offer_hours").execute();
}
