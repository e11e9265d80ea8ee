import type { Kysely } from "kysely";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // An association page not updated for a year is checked with its association, and hidden when nobody answers.
  await db.schema.alterTable("associations").addColumn("stale_notified_at", "text").execute();
  await db.schema.alterTable("associations").addColumn("hidden_at", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("associations").dropColumn("hidden_at").execute();
  await db.schema.alterTable("associations").dropColumn("stale_notified_at").execute();
}
