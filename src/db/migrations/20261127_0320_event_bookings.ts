import type { Kysely } from "kysely";
import { addTenantReference } from "../portable.js";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The room booked for an event's session: one booking of the premises module per session, requested from
  // the event's form. What it was booked for (premise and times) is kept, so a change of the event knows
  // which bookings to move and which to leave as they are.
  await db.schema
    .createTable("event_room_bookings")
    .addColumn("booking_id", "text", (c) => c.primaryKey().references("bookings.id").onDelete("cascade"))
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("session_id", "text", (c) => c.notNull().references("event_sessions.id").onDelete("cascade"))
    .addColumn("premise_id", "text", (c) => c.notNull().references("premises.id"))
    .addColumn("starts_at", "text", (c) => c.notNull())
    .addColumn("ends_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("event_room_bookings_event").on("event_room_bookings").columns(["tenant_id", "event_id"]).execute();
  await db.schema.createIndex("event_room_bookings_session").on("event_room_bookings").columns(["tenant_id", "session_id"]).execute();
  // Every row it names is of its own tenant.
  for (const [column, target] of [
    ["booking_id", "bookings"],
    ["event_id", "events"],
    ["session_id", "event_sessions"],
    ["premise_id", "premises"],
  ] as const)
    await addTenantReference(db, "event_room_bookings", column, target);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("event_room_bookings").execute();
}
