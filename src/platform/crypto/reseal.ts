import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/database.js";
import { type Keyring, open, seal } from "./sealed.js";

/** A sealed text column, and the columns that find its row. */
export interface SealedField {
  table: string;
  column: string;
  key: readonly string[];
}

const fieldName = (f: SealedField) => `${f.table}.${f.column}`;

const BATCH = 200;

/**
 * Seals the values of these fields that are still plain (stored before the field was sealed) and,
 * with `rotate`, seals again with the current key what an older key sealed. Each value is replaced
 * only if it is still what was read, so instances doing this at once do no harm. Returns how many
 * values changed per field.
 */
export async function reseal(db: Database, ring: Keyring, fields: readonly SealedField[], options: { rotate: boolean }): Promise<Record<string, number>> {
  // biome-ignore lint/suspicious/noExplicitAny: the fields name their tables at run time
  const any = db as unknown as Kysely<any>;
  const changed: Record<string, number> = {};
  // Compared by prefix, not LIKE: SQLite's LIKE ignores case, and key ids are case-sensitive.
  const done = options.rotate ? `enc1.${ring.currentId}.` : "enc1.";
  for (const field of fields) {
    const name = fieldName(field);
    changed[name] = 0;
    for (;;) {
      const rows: Record<string, string>[] = await any
        .selectFrom(field.table)
        .select([...field.key, field.column])
        .where(sql`substr(${sql.ref(field.column)}, 1, ${done.length})`, "!=", done)
        .limit(BATCH)
        .execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        const stored = row[field.column] as string;
        let update = any
          .updateTable(field.table)
          .set({ [field.column]: seal(ring, name, open(ring, name, stored)) })
          .where(field.column, "=", stored);
        for (const k of field.key) update = update.where(k, "=", row[k]);
        await update.execute();
        changed[name] += 1;
      }
    }
  }
  return changed;
}
