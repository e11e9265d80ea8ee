import type { Kysely } from "kysely";
import type { Database } from "../src/db/database.js";

export interface StoredValue {
  table: string;
  column: string;
  value: string;
}

/** Every text value in every table of the database, as someone with the database file would read it. */
export async function everyStoredText(db: Database): Promise<StoredValue[]> {
  // biome-ignore lint/suspicious/noExplicitAny: every table, whatever its type
  const any = db as unknown as Kysely<any>;
  const values: StoredValue[] = [];
  for (const table of await db.introspection.getTables()) {
    for (const row of await any.selectFrom(table.name).selectAll().execute()) {
      for (const [column, value] of Object.entries(row as Record<string, unknown>)) {
        if (typeof value === "string") values.push({ table: table.name, column, value });
      }
    }
  }
  return values;
}

/** The stored values that contain any of these texts. */
export async function whereStored(db: Database, texts: string[]): Promise<string[]> {
  const found = (await everyStoredText(db)).filter((v) => texts.some((t) => v.value.toLowerCase().includes(t.toLowerCase())));
  return found.map((v) => `${v.table}.${v.column}: ${v.value.slice(0, 120)}`);
}
