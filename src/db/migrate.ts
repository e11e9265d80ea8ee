import { type Kysely, Migrator } from "kysely";
import { migrations } from "./migrations/index.js";

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema exists
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
