import type { Kysely } from "kysely";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Public texts in other languages than the one they were written in: {"en": {"title": "…", …}}.
  for (const table of ["opportunities", "offers", "associations"])
    await db.schema
      .alterTable(table)
      .addColumn("translations", "text", (c) => c.notNull().defaultTo("{}"))
      .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["opportunities", "offers", "associations"]) await db.schema.alterTable(table).dropColumn("translations").execute();
}
