import { Kysely } from "kysely";
import type { Config } from "../config.js";
import { createDialect, type DialectName } from "./portable.js";
import type { DB } from "./schema.js";

export type Database = Kysely<DB>;
export type { DB };

export function openDatabase(
  config: Pick<Config, "DATABASE_URL" | "SQLITE_FILE">,
  onIdleError?: (error: Error) => void,
): { db: Database; dialect: DialectName; changeStamp?: () => string } {
  const { dialect, name, changeStamp } = createDialect({ databaseUrl: config.DATABASE_URL, sqliteFile: config.SQLITE_FILE, onIdleError });
  return { db: new Kysely<DB>({ dialect }), dialect: name, changeStamp };
}
