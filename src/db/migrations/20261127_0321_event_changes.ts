import type { Kysely } from "kysely";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A change an association sent to its published event under pre-moderation: it waits beside the event
  // (JSON: the form as sent, and the fields it changes) while the approved version stays public, as an offer's does.
  await db.schema.alterTable("events").addColumn("pending_change", "text").execute();
  await db.schema.alterTable("events").addColumn("pending_since", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("events").dropColumn("pending_since").execute();
  await db.schema.alterTable("events").dropColumn("pending_change").execute();
}
