import type { Kysely } from "kysely";
import { addNoOverlapConstraint } from "../portable.js";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("mail_outbox").addColumn("attachments", "text").execute();

  // Buildings and places, and the rooms, halls, areas and equipment inside them.
  await db.schema
    .createTable("premises")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("parent_id", "text", (c) => c.references("premises.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("address", "text")
    .addColumn("postcode", "text")
    .addColumn("capacity", "integer")
    .addColumn("size_m2", "integer")
    .addColumn("facilities", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("accessibility", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("house_rules", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("access_details", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("bookable", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("who_may_book", "text", (c) => c.notNull().defaultTo("associations"))
    .addColumn("approval", "text", (c) => c.notNull().defaultTo("manual"))
    .addColumn("price_per_hour", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("currency", "text", (c) => c.notNull().defaultTo("DKK"))
    .addColumn("min_minutes", "integer", (c) => c.notNull().defaultTo(30))
    .addColumn("max_minutes", "integer", (c) => c.notNull().defaultTo(480))
    .addColumn("max_days_ahead", "integer", (c) => c.notNull().defaultTo(365))
    .addColumn("buffer_minutes", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("cancel_hours", "integer", (c) => c.notNull().defaultTo(24))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("premises_tenant_parent").on("premises").columns(["tenant_id", "parent_id"]).execute();

  // Opening hours by weekday (1 = Monday), per season when valid_from/valid_to are set.
  await db.schema
    .createTable("premise_hours")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("premise_id", "text", (c) => c.notNull().references("premises.id").onDelete("cascade"))
    .addColumn("weekday", "integer", (c) => c.notNull())
    .addColumn("opens", "text", (c) => c.notNull())
    .addColumn("closes", "text", (c) => c.notNull())
    .addColumn("valid_from", "text")
    .addColumn("valid_to", "text")
    .execute();
  await db.schema.createIndex("premise_hours_premise").on("premise_hours").columns(["tenant_id", "premise_id"]).execute();

  await db.schema
    .createTable("premise_closures")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("premise_id", "text", (c) => c.notNull().references("premises.id").onDelete("cascade"))
    .addColumn("from_date", "text", (c) => c.notNull())
    .addColumn("to_date", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("premise_closures_premise").on("premise_closures").columns(["tenant_id", "premise_id", "from_date"]).execute();

  // A request or booking: one date, or a series kept as local date, time and zone.
  await db.schema
    .createTable("bookings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("premise_id", "text", (c) => c.notNull().references("premises.id"))
    .addColumn("association_id", "text", (c) => c.references("associations.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("participants", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("zone", "text", (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("start_time", "text", (c) => c.notNull())
    .addColumn("end_time", "text", (c) => c.notNull())
    .addColumn("every_weeks", "integer")
    .addColumn("until_date", "text")
    .addColumn("decision_note", "text")
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("bookings_tenant_status").on("bookings").columns(["tenant_id", "status", "created_at"]).execute();
  await db.schema.createIndex("bookings_association").on("bookings").columns(["tenant_id", "association_id"]).execute();

  await db.schema
    .createTable("booking_occurrences")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("booking_id", "text", (c) => c.notNull().references("bookings.id").onDelete("cascade"))
    .addColumn("premise_id", "text", (c) => c.notNull().references("premises.id"))
    .addColumn("local_date", "text", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    // Staff report a group that did not come; the use of premises counts it.
    .addColumn("no_show_at", "text")
    .execute();
  await db.schema.createIndex("booking_occurrences_booking").on("booking_occurrences").columns(["booking_id", "local_date"]).execute();
  await db.schema.createIndex("booking_occurrences_premise").on("booking_occurrences").columns(["tenant_id", "premise_id", "starts_at"]).execute();

  // What each live occurrence holds: its own premise and every part of it, for its time plus the
  // buffer, in minutes since 1970. Two rows for one premise never overlap.
  await db.schema
    .createTable("occupancy")
    .addColumn("occurrence_id", "text", (c) => c.notNull().references("booking_occurrences.id").onDelete("cascade"))
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("premise_id", "text", (c) => c.notNull())
    .addColumn("start_minute", "integer", (c) => c.notNull())
    .addColumn("end_minute", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("occupancy_pk", ["occurrence_id", "premise_id"])
    .execute();
  await db.schema.createIndex("occupancy_premise_time").on("occupancy").columns(["premise_id", "start_minute"]).execute();
  await addNoOverlapConstraint(db, "occupancy", "premise_id", "start_minute", "end_minute");

  // The secret address of an association's calendar feed; a new one replaces the old.
  await db.schema
    .createTable("calendar_tokens")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("association_id", "text", (c) => c.notNull().references("associations.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("calendar_tokens_association").on("calendar_tokens").columns(["tenant_id", "association_id"]).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["calendar_tokens", "occupancy", "booking_occurrences", "bookings", "premise_closures", "premise_hours", "premises"]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable("mail_outbox").dropColumn("attachments").execute();
}
