import type { Kysely } from "kysely";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // When the contact person was told the posting runs out soon; cleared when the posting is saved again.
  await db.schema.alterTable("opportunities").addColumn("renewal_reminded_at", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("opportunities").dropColumn("renewal_reminded_at").execute();
}
