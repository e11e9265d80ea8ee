import { type RawBuilder, sql } from "kysely";

/**
 * Case-insensitive "contains" on a text column. The pattern is lowered here and the column by the
 * database; SQLite's lower() folds ASCII letters only, so "Ø" in the data does not meet "ø" there.
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const like = `%${text.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${like} escape '\\'`;
}
