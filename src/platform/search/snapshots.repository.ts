import type { Database } from "../../db/database.js";

export interface StoredSnapshot {
  watermark: string;
  builtAt: string;
  /** Each part's serialised segment, in order. */
  parts: Buffer[];
}

/** The tenant's stored index snapshot, if one has been built. */
export async function snapshotOf(db: Database, tenantId: string): Promise<StoredSnapshot | null> {
  const rows = await db.selectFrom("search_snapshots").select(["watermark", "built_at", "data"]).where("tenant_id", "=", tenantId).orderBy("part").execute();
  const [first] = rows;
  return first ? { watermark: first.watermark, builtAt: first.built_at, parts: rows.map((r) => r.data) } : null;
}

/** When the tenant's snapshot was built and what it holds, without its data: to tell whether an instance has the newest. */
export async function snapshotStamp(db: Database, tenantId: string): Promise<{ builtAt: string; watermark: string } | null> {
  const row = await db
    .selectFrom("search_snapshots")
    .select(["built_at", "watermark"])
    .where("tenant_id", "=", tenantId)
    .where("part", "=", 0)
    .executeTakeFirst();
  return row ? { builtAt: row.built_at, watermark: row.watermark } : null;
}

/** Replaces the tenant's snapshot with these parts, in one transaction: an instance loads all of the old or all of the new. */
export async function replaceSnapshot(
  db: Database,
  tenantId: string,
  snapshot: { watermark: string; builtAt: string; parts: { data: Buffer; docCount: number }[] },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (const [part, { data, docCount }] of snapshot.parts.entries()) {
      const values = { watermark: snapshot.watermark, built_at: snapshot.builtAt, doc_count: docCount, data };
      await tx
        .insertInto("search_snapshots")
        .values({ tenant_id: tenantId, part, ...values })
        .onConflict((oc) => oc.columns(["tenant_id", "part"]).doUpdateSet(values))
        .execute();
    }
    await tx.deleteFrom("search_snapshots").where("tenant_id", "=", tenantId).where("part", ">=", snapshot.parts.length).execute();
  });
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

/** The time of the tenant's latest change, "" when it has none. */
export async function latestChange(db: Database, tenantId: string): Promise<string> {
  const row = await db
    .selectFrom("search_documents")
    .select((eb) => eb.fn.max("updated_at").as("at"))
    .where("tenant_id", "=", tenantId)
    .executeTakeFirst();
  return row?.at ?? "";
}
