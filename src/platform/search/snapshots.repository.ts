import { sql } from "kysely";
import type { Database } from "../../db/database.js";
import { largeValuePiece } from "../../db/portable.js";

export interface StoredSnapshot<T> {
  watermark: string;
  builtAt: string;
  /** Each part, in order, as `each` made it of the stored bytes. */
  parts: T[];
}

/** Times a load starts again when a new snapshot replaced the one it was reading. */
const ATTEMPTS = 3;

/**
 * The tenant's stored index snapshot, if one has been built, each part handed to `each` as soon as it is read,
 * so only one part's bytes are held at a time; on PostgreSQL a part comes in pieces (`largeValuePiece`).
 */
export async function snapshotOf<T>(
  db: Database,
  tenantId: string,
  each: (data: Buffer) => T | Promise<T>,
  pieceBytes = largeValuePiece(db),
  /** Called after each piece has been copied out (the loader at start collects its garbage then). */
  afterPiece: () => void = () => {},
): Promise<StoredSnapshot<T> | null> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const rows = await db
      .selectFrom("search_snapshots")
      .select(["part", "watermark", "built_at", sql<number>`length(data)`.as("size")])
      .where("tenant_id", "=", tenantId)
      .orderBy("part")
      .execute();
    const [first] = rows;
    if (!first) return null;
    const parts: T[] = [];
    for (const row of rows) {
      const data = await partBytes(db, tenantId, { part: row.part, builtAt: first.built_at, size: Number(row.size) }, pieceBytes, afterPiece);
      if (!data) break;
      parts.push(await each(data));
    }
    if (parts.length === rows.length) return { watermark: first.watermark, builtAt: first.built_at, parts };
  }
  return null;
}

/** One part's bytes, piece by piece; null when the snapshot built at `builtAt` has been replaced meanwhile. */
async function partBytes(
  db: Database,
  tenantId: string,
  { part, builtAt, size }: { part: number; builtAt: string; size: number },
  pieceBytes: number | null,
  afterPiece: () => void,
): Promise<Buffer | null> {
  const piece = Math.max(1, pieceBytes ?? size);
  const read = async (at: number) =>
    (
      await db
        .selectFrom("search_snapshots")
        .select(sql<Buffer>`substr(data, ${at + 1}, ${piece})`.as("piece"))
        .where("tenant_id", "=", tenantId)
        .where("part", "=", part)
        .where("built_at", "=", builtAt)
        .executeTakeFirst()
    )?.piece ?? null;
  // In one piece the bytes are used as they come, not copied.
  if (piece >= size) return read(0);
  const data = Buffer.allocUnsafe(size);
  for (let at = 0; at < size; at += piece) {
    const bytes = await read(at);
    if (!bytes) return null;
    bytes.copy(data, at);
    afterPiece();
  }
  return data;
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

/** The first bytes of the tenant's stored snapshot (where its format is written), or null when it has none. */
export async function snapshotHead(db: Database, tenantId: string, bytes = 4): Promise<Buffer | null> {
  const row = await db
    .selectFrom("search_snapshots")
    .select(sql<Buffer>`substr(data, 1, ${bytes})`.as("head"))
    .where("tenant_id", "=", tenantId)
    .where("part", "=", 0)
    .executeTakeFirst();
  return row ? Buffer.from(row.head) : null;
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
