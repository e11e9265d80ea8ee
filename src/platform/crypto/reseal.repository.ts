import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";

/** A sealed text column, and the columns that find its row. */
export interface SealedField {
  table: string;
  column: string;
  key: readonly string[];
}

// biome-ignore lint/suspicious/noExplicitAny: the fields name their tables at run time
const untyped = (db: Database) => db as unknown as Kysely<any>;

/**
 * Up to `limit` rows of every tenant whose value does not start with `done`. Compared by prefix, not
 * LIKE: SQLite's LIKE ignores case, and key ids are case-sensitive.
 */
export async function valuesNotStartingWith(db: Database, field: SealedField, done: string, limit: number): Promise<Record<string, string>[]> {
  return untyped(db)
    .selectFrom(field.table)
    .select([...field.key, field.column])
    .where(sql`substr(${sql.ref(field.column)}, 1, ${done.length})`, "!=", done)
    .limit(limit)
    .execute();
}

/** Replaces the value of the row `row` names, only if it is still `stored`. */
export async function replaceValue(db: Database, field: SealedField, row: Record<string, string>, stored: string, value: string): Promise<void> {
  let update = untyped(db)
    .updateTable(field.table)
    .set({ [field.column]: value })
    .where(field.column, "=", stored);
  for (const k of field.key) update = update.where(k, "=", row[k]);
  await update.execute();
}
