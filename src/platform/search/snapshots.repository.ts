import type { Database } from "../../db/database.js";

export interface StoredSnapshot {
  watermark: string;
  builtAt: string;
  docCount: number;
  data: Buffer;
}

/** The tenant's stored index snapshot, if one has been built. */
export async function snapshotOf(db: Database, tenantId: string): Promise<StoredSnapshot | null> {
  const row = await db
    .selectFrom("search_snapshots")
    .select(["watermark", "built_at", "doc_count", "data"])
    .where("tenant_id", "=", tenantId)
    .executeTakeFirst();
  return row ? { watermark: row.watermark, builtAt: row.built_at, docCount: row.doc_count, data: row.data } : null;
}

/** When the tenant's snapshot was built and what it holds, without its data: to tell whether an instance has the newest. */
export async function snapshotStamp(db: Database, tenantId: string): Promise<{ builtAt: string; watermark: string } | null> {
  const row = await db.selectFrom("search_snapshots").select(["built_at", "watermark"]).where("tenant_id", "=", tenantId).executeTakeFirst();
  return row ? { builtAt: row.built_at, watermark: row.watermark } : null;
}

export async function saveSnapshot(db: Database, tenantId: string, snapshot: StoredSnapshot): Promise<void> {
  const values = { watermark: snapshot.watermark, built_at: snapshot.builtAt, doc_count: snapshot.docCount, data: snapshot.data };
  await db
    .insertInto("search_snapshots")
    .values({ tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column("tenant_id").doUpdateSet(values))
    .execute();
}

/** How many of the tenant's rows changed at or after `since` (all of them when it is null). */
export async function changesSince(db: Database, tenantId: string, since: string | null): Promise<number> {
  let query = db
    .selectFrom("search_documents")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("tenant_id", "=", tenantId);
  if (since) query = query.where("updated_at", ">=", since);
  return Number((await query.executeTakeFirstOrThrow()).n);
}
