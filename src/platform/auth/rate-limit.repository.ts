import type { Database } from "../../db/database.js";

/** Counts one more hit of the key in its window, in one statement; returns the count. */
export async function countHit(db: Database, key: string, windowStart: string): Promise<number> {
  const row = await db
    .insertInto("rate_limits")
    .values({ key, window_start: windowStart, hits: 1 })
    .onConflict((oc) => oc.columns(["key", "window_start"]).doUpdateSet((eb) => ({ hits: eb("rate_limits.hits", "+", 1) })))
    .returning("hits")
    .executeTakeFirstOrThrow();
  return row.hits;
}

export async function hitsIn(db: Database, key: string, windowStart: string): Promise<number> {
  const row = await db.selectFrom("rate_limits").select("hits").where("key", "=", key).where("window_start", "=", windowStart).executeTakeFirst();
  return row?.hits ?? 0;
}

export async function deleteWindowsBefore(db: Database, cutoff: string): Promise<void> {
  await db.deleteFrom("rate_limits").where("window_start", "<", cutoff).execute();
}
