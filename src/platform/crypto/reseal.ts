import type { Database } from "../../db/database.js";
import { replaceValue, type SealedField, valuesNotStartingWith } from "./reseal.repository.js";
import { type Keyring, open, seal } from "./sealed.js";

export type { SealedField };

const fieldName = (f: SealedField) => `${f.table}.${f.column}`;

const BATCH = 200;

/**
 * Seals the values of these fields that are still plain (stored before the field was sealed) and,
 * with `rotate`, seals again with the current key what an older key sealed. Each value is replaced
 * only if it is still what was read, so instances doing this at once do no harm. Returns how many
 * values changed per field.
 */
export async function reseal(db: Database, ring: Keyring, fields: readonly SealedField[], options: { rotate: boolean }): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  const done = options.rotate ? `enc1.${ring.currentId}.` : "enc1.";
  for (const field of fields) {
    const name = fieldName(field);
    changed[name] = 0;
    for (;;) {
      const rows = await valuesNotStartingWith(db, field, done, BATCH);
      if (rows.length === 0) break;
      for (const row of rows) {
        const stored = row[field.column] as string;
        await replaceValue(db, field, row, stored, seal(ring, name, open(ring, name, stored)));
        changed[name] += 1;
      }
    }
  }
  return changed;
}
