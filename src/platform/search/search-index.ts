import type { Database } from "../../db/database.js";
import { collectGarbage } from "../collect-garbage.js";
import type { Lang } from "../i18n/i18n.js";
import { allTenants } from "../tenants/tenants.js";
import type { SearchDocument } from "./documents.js";
import { documentsByKeys, storedByKeys, versionsChangedSince } from "./documents.repository.js";
import { writesHere } from "./local-writes.js";
import {
  buildSegment,
  type DocMeta,
  deserializeSegment,
  emptySegment,
  FIELD_COUNT,
  type LatitudeBand,
  latitudeStretches,
  MetaCursor,
  metaAt,
  ordinalOf,
  type Segment,
} from "./segment.js";
import { snapshotOf, snapshotStamp } from "./snapshots.repository.js";
import type { IndexView } from "./text-query.js";

/** Changes committed this long after their timestamp are still picked up (a transaction's time is taken before it commits). */
const SETTLE_MS = 60_000;
/** How often an instance asks whether a newer snapshot has been stored. */
const SNAPSHOT_CHECK_MS = 60_000;

interface Changed {
  doc: SearchDocument | null;
  version: number;
}

/**
 * A tenant's index in this instance: the last stored snapshot (a segment loaded whole), and the
 * documents changed since, kept apart in a small segment of their own and hiding their older
 * versions in the snapshot. Brought up to date from search_documents on every search, so every
 * instance answers from what has committed.
 */
export interface TenantIndex {
  db: Database;
  tenantId: string;
  lang: Lang;
  /** The snapshot's segments, each with the documents that have changed since marked dead. */
  base: { segment: Segment; dead: Uint8Array }[];
  deadCount: number;
  /** Sum of the field lengths of the snapshot's documents still in use, per field. */
  baseSums: Float64Array;
  changed: Map<string, Changed>;
  /** Documents read for pages of results, with the version they were read at. */
  shown: Map<string, { version: number; doc: SearchDocument }>;
  /** The changed documents that are visible, as a segment; rebuilt when `changed` changes. */
  overlay: Segment;
  overlayGeneration: number;
  watermark: string;
  /** Counts the changes applied; anything cached from an older generation is stale. */
  generation: number;
  snapshotStamp: string | null;
  checkedAt: number;
  /** The highest count of the tenant's search changes this index has caught up with (-1: none yet). */
  caughtUpTo: number;
  /** `writesHere` for the tenant when the index last caught up. */
  writtenSeen: number;
  view: { generation: number; value: IndexView } | null;
}

const byDatabase = new WeakMap<Database, Map<string, Promise<TenantIndex>>>();

export const keyOf = (doc: { kind: string; id: string }) => `${doc.kind}:${doc.id}`;

/**
 * The tenant's index, brought up to date from search_documents. `changes` is the tenant's count of search
 * changes read in this request (`Tenant.searchChanges`): when the index has caught up with it, nothing has
 * committed since and nothing is read. Without it the index always looks.
 */
export async function tenantIndex(db: Database, tenantId: string, lang: Lang, changes?: number): Promise<TenantIndex> {
  const perTenant = byDatabase.get(db) ?? new Map<string, Promise<TenantIndex>>();
  byDatabase.set(db, perTenant);
  const existing = perTenant.get(tenantId);
  if (!existing) {
    const loading = load(db, tenantId, lang, changes);
    perTenant.set(tenantId, loading);
    loading.catch(() => perTenant.delete(tenantId));
    return loading;
  }
  const index = await existing;
  if (index.lang !== lang) {
    perTenant.delete(tenantId);
    return tenantIndex(db, tenantId, lang, changes);
  }
  const written = writesHere(tenantId);
  if (changes === undefined || changes !== index.caughtUpTo || written !== index.writtenSeen) {
    await catchUp(db, tenantId, index);
    // Both were read before this catch-up began, so everything they count has been read.
    if (changes !== undefined && changes > index.caughtUpTo) index.caughtUpTo = changes;
    index.writtenSeen = written;
  }
  if (Date.now() - index.checkedAt > SNAPSHOT_CHECK_MS) refreshInBackground(db, tenantId, index, perTenant);
  return index;
}

/** True while `loadIndexes` runs, before the instance takes traffic: only then does a full collection cost no one. */
let starting = false;

/** Loads every tenant's index, so an instance takes no traffic (see /readyz) before it can answer at once. */
export async function loadIndexes(db: Database): Promise<void> {
  starting = true;
  try {
    for (const tenant of await allTenants(db)) await tenantIndex(db, tenant.id, tenant.defaultLanguage);
  } finally {
    starting = false;
  }
}

/** Forgets what this instance holds, as a restart would. */
export function dropIndexes(db: Database) {
  byDatabase.delete(db);
}

async function load(db: Database, tenantId: string, lang: Lang, changes = -1): Promise<TenantIndex> {
  const written = writesHere(tenantId);
  // At start, each piece's text (PostgreSQL sends bytes as hex, twice their size) is collected as soon as it is
  // copied; otherwise a load's pieces pile up until V8 collects on its own.
  const stored = await snapshotOf(db, tenantId, deserializeSegment, undefined, starting ? collectGarbage : undefined);
  const loaded = stored?.parts ?? [];
  // A snapshot in another format or language is not used: everything is read from the rows until the job builds a new one.
  const usable = stored && loaded.every((l) => l?.lang === lang) ? loaded.map((l) => l?.segment as Segment) : null;
  const base = (usable ?? []).map((segment) => ({ segment, dead: new Uint8Array(segment.keys.length) }));
  const baseSums = new Float64Array(FIELD_COUNT);
  for (const { segment } of base) {
    for (let i = 0; i < segment.fieldLength.length; i++) baseSums[i % FIELD_COUNT] = (baseSums[i % FIELD_COUNT] as number) + (segment.fieldLength[i] as number);
  }
  const index: TenantIndex = {
    db,
    tenantId,
    lang,
    base,
    deadCount: 0,
    baseSums,
    changed: new Map(),
    shown: new Map(),
    overlay: emptySegment(),
    overlayGeneration: 0,
    watermark: usable && stored ? stored.watermark : "",
    generation: 0,
    snapshotStamp: stored?.builtAt ?? null,
    checkedAt: Date.now(),
    caughtUpTo: changes,
    writtenSeen: written,
    view: null,
  };
  await catchUp(db, tenantId, index);
  return index;
}

/** Loads a newer snapshot beside the index in use, and swaps it in once it has caught up. */
function refreshInBackground(db: Database, tenantId: string, index: TenantIndex, perTenant: Map<string, Promise<TenantIndex>>) {
  index.checkedAt = Date.now();
  void (async () => {
    const stamp = await snapshotStamp(db, tenantId);
    if (!stamp || stamp.builtAt === index.snapshotStamp) return;
    const fresh = await load(db, tenantId, index.lang);
    fresh.generation = index.generation + 1;
    perTenant.set(tenantId, Promise.resolve(fresh));
  })().catch(() => {});
}

async function catchUp(db: Database, tenantId: string, index: TenantIndex) {
  const since = index.watermark ? new Date(Date.parse(index.watermark) - SETTLE_MS).toISOString() : "";
  // The last minute's keys and versions come back on every search; only rows newer than the index holds are read whole.
  const newer = (await versionsChangedSince(db, tenantId, since)).filter((c) => c.version > heldVersion(index, c.key));
  if (newer.length === 0) return;
  for (const row of await storedByKeys(
    db,
    tenantId,
    newer.map((c) => c.key),
  )) {
    if (row.updatedAt > index.watermark) index.watermark = row.updatedAt;
    const held = heldVersion(index, row.key);
    if (row.version <= held) continue;
    index.changed.set(row.key, { doc: row.document, version: row.version });
    // A row hidden before this index ever showed it changes nothing anyone sees.
    if (held === 0 && !row.document) continue;
    const found = inBase(index, row.key);
    if (found && !found.part.dead[found.ordinal]) {
      found.part.dead[found.ordinal] = 1;
      index.deadCount++;
      for (let f = 0; f < FIELD_COUNT; f++) {
        index.baseSums[f] = (index.baseSums[f] as number) - (found.part.segment.fieldLength[found.ordinal * FIELD_COUNT + f] as number);
      }
    }
    index.generation++;
  }
}

/** The version of this row the index holds; 0 when it holds none. */
function heldVersion(index: TenantIndex, key: string): number {
  const changed = index.changed.get(key);
  if (changed) return changed.version;
  const found = inBase(index, key);
  return found ? (found.part.segment.versions[found.ordinal] as number) : 0;
}

/** Which snapshot segment holds the key, and at which number. */
function inBase(index: TenantIndex, key: string): { part: TenantIndex["base"][0]; ordinal: number } | null {
  for (const part of index.base) {
    const ordinal = ordinalOf(part.segment, key);
    if (ordinal >= 0) return { part, ordinal };
  }
  return null;
}

/** The index as one search reads it: the snapshot less what changed, and the changed documents. */
export function viewOf(index: TenantIndex): IndexView {
  if (index.view?.generation === index.generation) return index.view.value;
  if (index.overlayGeneration !== index.generation) {
    const visible = [...index.changed].flatMap(([key, c]) => (c.doc ? [{ key, doc: c.doc, version: c.version }] : []));
    index.overlay = buildSegment(visible, index.lang);
    index.overlayGeneration = index.generation;
  }
  const baseCount = index.base.reduce((n, p) => n + p.segment.keys.length, 0);
  const docCount = baseCount - index.deadCount + index.overlay.keys.length;
  const avgFieldLength = new Float64Array(FIELD_COUNT);
  for (let i = 0; i < index.overlay.fieldLength.length; i++)
    avgFieldLength[i % FIELD_COUNT] = (avgFieldLength[i % FIELD_COUNT] as number) + (index.overlay.fieldLength[i] as number);
  for (let f = 0; f < FIELD_COUNT; f++) avgFieldLength[f] = docCount ? ((avgFieldLength[f] as number) + (index.baseSums[f] as number)) / docCount : 0;
  const value: IndexView = {
    parts: [...index.base.map(({ segment, dead }) => ({ segment, dead: index.deadCount > 0 ? dead : null })), { segment: index.overlay, dead: null }].map(
      (part, i, all) => ({ ...part, offset: all.slice(0, i).reduce((n, p) => n + p.segment.keys.length, 0) }),
    ),
    docCount,
    avgFieldLength,
  };
  index.view = { generation: index.generation, value };
  return value;
}

/**
 * Every live document in the view, read in place by one cursor that moves from document to document (its
 * `handle` is the document's number): a pass over all of them allocates nothing, not even the iterator's
 * results. `copy()` one to keep it. With a band, a segment whose documents mostly lie outside it gives only
 * those placed within it, the remote ones and those without a place, in order of latitude.
 */
export function liveDocuments(view: IndexView, band: LatitudeBand | null = null): IterableIterator<MetaCursor> {
  return new LiveDocuments(view, band);
}

/** A band holding more than one in this many of a segment's documents is read by walking all of them. */
const BAND_SHARE = 4;

class LiveDocuments implements IterableIterator<MetaCursor> {
  private part = -1;
  /** The current part's stretches to visit, as pairs [from, to) of places in `order`. */
  private stretches: number[] = [];
  private stretch = 0;
  private at = 0;
  private end = 0;
  /** The current part's documents by place, or null when the places are their numbers. */
  private order: Int32Array | null = null;
  private readonly cursor: MetaCursor;
  private readonly result: IteratorResult<MetaCursor>;
  constructor(
    private readonly view: IndexView,
    private readonly band: LatitudeBand | null,
  ) {
    this.cursor = new MetaCursor((view.parts[0] as IndexView["parts"][0]).segment);
    this.result = { done: false, value: this.cursor };
  }
  [Symbol.iterator]() {
    return this;
  }
  next(): IteratorResult<MetaCursor> {
    const parts = this.view.parts;
    for (;;) {
      if (this.part >= 0) {
        const { segment, offset, dead } = parts[this.part] as IndexView["parts"][0];
        while (this.at < this.end) {
          const d = this.order ? (this.order[this.at++] as number) : this.at++;
          if (dead?.[d]) continue;
          this.cursor.at(segment, d, offset + d);
          return this.result;
        }
      }
      if (this.stretch < this.stretches.length) {
        this.at = this.stretches[this.stretch++] as number;
        this.end = this.stretches[this.stretch++] as number;
        continue;
      }
      if (++this.part >= parts.length) return { done: true, value: undefined };
      const meta = (parts[this.part] as IndexView["parts"][0]).segment.meta;
      const near = this.band ? latitudeStretches(meta, this.band) : null;
      // Read in order of latitude, the columns are read out of order: worth it only when the band leaves most documents out.
      const selective = near !== null && (near[3] - near[2]) * BAND_SHARE < meta.kind.length;
      this.order = selective ? meta.byLatitude : null;
      this.stretches = selective ? near : [0, meta.kind.length];
      this.stretch = 0;
    }
  }
}

/** The part of the view that holds document number `handle`. */
export function partOf(view: IndexView, handle: number): IndexView["parts"][0] {
  let part = view.parts[0] as IndexView["parts"][0];
  for (const p of view.parts) if (p.offset <= handle) part = p;
  return part;
}

/** The key of document number `handle`. */
export function keyAt(view: IndexView, handle: number): string {
  const part = partOf(view, handle);
  return part.segment.keys[handle - part.offset] as string;
}

/** The key and metadata of document number `handle`, as objects of their own. */
export function documentAt(view: IndexView, handle: number): { key: string; meta: DocMeta } {
  const part = partOf(view, handle);
  const d = handle - part.offset;
  return { key: part.segment.keys[d] as string, meta: metaAt(part.segment, d) };
}

/** How many shown documents an instance keeps per tenant, so the pages people look at most are not read again. */
const SHOWN_KEPT = 2000;

/** The documents with these keys in the versions the index holds: the text a page of results shows. */
export async function loadDocuments(index: TenantIndex, keys: string[]): Promise<Map<string, SearchDocument>> {
  const found = new Map<string, SearchDocument>();
  const missing: string[] = [];
  for (const key of keys) {
    const doc = index.changed.get(key)?.doc ?? (index.shown.get(key)?.version === heldVersion(index, key) ? index.shown.get(key)?.doc : undefined);
    if (doc) found.set(key, doc);
    else missing.push(key);
  }
  for (const [key, doc] of await documentsByKeys(index.db, index.tenantId, missing)) {
    found.set(key, doc);
    index.shown.set(key, { version: heldVersion(index, key), doc });
    if (index.shown.size > SHOWN_KEPT) index.shown.delete(index.shown.keys().next().value as string);
  }
  return found;
}
