import type { Kysely } from "kysely";

// Frozen: never import app code here, never edit once landed.
// One application per e-mail address and job: applying again finds the first, even when two
// requests arrive at the same moment.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("applications_one_per_email").on("applications").columns(["tenant_id", "opportunity_id", "email"]).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("applications_one_per_email").execute();
}
