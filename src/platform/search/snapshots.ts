import type { Database } from "../../db/database.js";
import { type Clock, isoNow } from "../clock.js";
import type { Lang } from "../i18n/i18n.js";
import { allTenants } from "../tenants/tenants.js";
import { allDocuments } from "./documents.repository.js";
import { buildSegment, serializeSegment } from "./segment.js";
import { changesSince, saveSnapshot, snapshotStamp } from "./snapshots.repository.js";

/** Rows changed since the last snapshot that make the next one worth building; fewer are cheap to read on every search. */
export const SNAPSHOT_AFTER_CHANGES = 500;

/** Analyses every document of the tenant once and stores the result for every instance to load. */
export async function buildSnapshot(db: Database, clock: Clock, tenantId: string, lang: Lang): Promise<number> {
  const rows = await allDocuments(db, tenantId);
  let watermark = "";
  const visible = [];
  for (const row of rows) {
    if (row.updatedAt > watermark) watermark = row.updatedAt;
    if (row.document) visible.push({ key: row.key, doc: row.document, version: row.version });
  }
  const segment = buildSegment(visible, lang);
  await saveSnapshot(db, tenantId, { watermark, builtAt: isoNow(clock), docCount: visible.length, data: serializeSegment(segment, lang) });
  return visible.length;
}

/** The background job: a new snapshot for each tenant whose search table has changed enough since its last. */
export async function refreshSnapshots(db: Database, clock: Clock): Promise<void> {
  for (const tenant of await allTenants(db)) {
    const stored = await snapshotStamp(db, tenant.id);
    const changes = await changesSince(db, tenant.id, stored?.watermark ?? null);
    if (changes >= SNAPSHOT_AFTER_CHANGES) await buildSnapshot(db, clock, tenant.id, tenant.defaultLanguage);
  }
}
