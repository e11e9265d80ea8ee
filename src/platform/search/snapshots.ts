import type { Database } from "../../db/database.js";
import { type Clock, isoNow } from "../clock.js";
import type { Lang } from "../i18n/i18n.js";
import { allTenants } from "../tenants/tenants.js";
import { documentsAfter } from "./documents.repository.js";
import { buildSegment, isCurrentFormat, serializeSegment } from "./segment.js";
import { changesSince, latestChange, replaceSnapshot, snapshotHead, snapshotStamp } from "./snapshots.repository.js";

/** Rows changed since the last snapshot that make the next one worth building; fewer are cheap to read on every search. */
export const SNAPSHOT_AFTER_CHANGES = 500;
/** Documents in one part of a snapshot: what the builder holds in memory at once, and the size of one stored value. */
export const SNAPSHOT_PART_SIZE = 100_000;

/**
 * Analyses every document of the tenant once and stores the result for every instance to load. It
 * reads and analyses a part at a time, then writes all parts in one short transaction, so no
 * instance loads half an old and half a new snapshot and writers wait only for the writing.
 */
export async function buildSnapshot(db: Database, clock: Clock, tenantId: string, lang: Lang, partSize = SNAPSHOT_PART_SIZE): Promise<number> {
  // Rows written while this runs come after the watermark, or are read again by every instance's catch-up.
  const watermark = await latestChange(db, tenantId);
  const parts: { data: Buffer; docCount: number }[] = [];
  let after: { kind: string; id: string } | null = null;
  do {
    const rows = await documentsAfter(db, tenantId, after, partSize);
    const visible = rows.flatMap((r) => (r.document ? [{ key: r.key, doc: r.document, version: r.version }] : []));
    parts.push({ data: serializeSegment(buildSegment(visible, lang), lang), docCount: visible.length });
    const last = rows[rows.length - 1];
    after = last && rows.length === partSize ? { kind: last.kind, id: last.id } : null;
  } while (after);
  const builtAt = isoNow(clock);
  await replaceSnapshot(db, tenantId, { watermark, builtAt, parts });
  return parts.reduce((n, p) => n + p.docCount, 0);
}

/**
 * The background job: a new snapshot for each tenant whose search table has changed enough since its last,
 * or whose snapshot is in a format this version no longer reads (instances then read every row until it is built).
 */
export async function refreshSnapshots(db: Database, clock: Clock): Promise<void> {
  for (const tenant of await allTenants(db)) {
    const stored = await snapshotStamp(db, tenant.id);
    const head = stored ? await snapshotHead(db, tenant.id) : null;
    const outdated = head !== null && !isCurrentFormat(head);
    if (outdated || (await changesSince(db, tenant.id, stored?.watermark ?? null)) >= SNAPSHOT_AFTER_CHANGES)
      await buildSnapshot(db, clock, tenant.id, tenant.defaultLanguage);
  }
}
