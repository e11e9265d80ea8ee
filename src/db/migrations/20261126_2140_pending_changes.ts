import type { Kysely } from "kysely";

// Frozen: never import app code here, never edit once landed.
// Under pre-moderation, a change to an approved page waits here (as JSON, with when it was sent)
// while the approved version stays public; approval copies it into the row's own columns.
const TABLES = ["offers", "opportunities", "associations"] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.alterTable(table).addColumn("pending_change", "text").execute();
    await db.schema.alterTable(table).addColumn("pending_since", "text").execute();
    // Staff's queue asks for the changes that wait.
    await db.schema.createIndex(`${table}_pending`).on(table).columns(["tenant_id", "pending_since"]).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.dropIndex(`${table}_pending`).execute();
    await db.schema.alterTable(table).dropColumn("pending_since").execute();
    await db.schema.alterTable(table).dropColumn("pending_change").execute();
  }
}
