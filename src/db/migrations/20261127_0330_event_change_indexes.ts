import type { Kysely } from "kysely";

// Frozen: never import app code here, never edit once landed.
// The public calendar keeps its drawn pages until an event or a registration changes: the newest change
// of each is read on every request, so both are indexed by when they changed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("events_changed").on("events").columns(["tenant_id", "updated_at"]).execute();
  await db.schema.createIndex("event_registrations_changed").on("event_registrations").columns(["tenant_id", "updated_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("event_registrations_changed").execute();
  await db.schema.dropIndex("events_changed").execute();
}
