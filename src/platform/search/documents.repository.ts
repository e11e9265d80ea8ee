import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { SearchDocument } from "./documents.js";
import type { SearchDocumentsTable } from "./search.table.js";

/** A row of the search table: a document, or the note that a record is no longer findable. */
export interface StoredDocument {
  key: string;
  kind: string;
  id: string;
  visible: boolean;
  updatedAt: string;
  /** The document when it is visible. */
  document: SearchDocument | null;
  /** Which write of the row this is: a higher one is newer. */
  version: number;
}

type Row = Pick<Selectable<SearchDocumentsTable>, "kind" | "ref_id" | "visible" | "updated_at" | "version" | "body">;

export function toStoredDocument(row: Row): StoredDocument {
  return {
    key: `${row.kind}:${row.ref_id}`,
    kind: row.kind,
    id: row.ref_id,
    visible: row.visible === 1,
    updatedAt: row.updated_at,
    document: row.visible ? (JSON.parse(row.body) as SearchDocument) : null,
    version: row.version,
  };
}

/** Keys grouped by kind, so a look-up uses the whole primary key (tenant, kind, id). */
function byKind(keys: string[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const at = key.indexOf(":");
    const kind = key.slice(0, at);
    groups.set(kind, [...(groups.get(kind) ?? []), key.slice(at + 1)]);
  }
  return [...groups];
}

const COLUMNS = ["kind", "ref_id", "visible", "updated_at", "version", "body"] as const;

/** Up to `limit` of the tenant's rows after the key `after` (kind, then id), so a large table is read a page at a time. */
export async function documentsAfter(db: Database, tenantId: string, after: { kind: string; id: string } | null, limit: number): Promise<StoredDocument[]> {
  let query = db.selectFrom("search_documents").select(COLUMNS).where("tenant_id", "=", tenantId);
  if (after) query = query.where((eb) => eb(eb.refTuple("kind", "ref_id"), ">", eb.tuple(after.kind, after.id)));
  const rows = await query.orderBy("kind").orderBy("ref_id").limit(limit).execute();
  return rows.map(toStoredDocument);
}

/**
 * Which of the tenant's rows changed at or after `since`, and to which version. Each search asks, and most
 * are versions the caller already holds, so the documents themselves are read by `storedByKeys`.
 */
export async function versionsChangedSince(db: Database, tenantId: string, since: string): Promise<{ key: string; version: number }[]> {
  const rows = await db
    .selectFrom("search_documents")
    .select(["kind", "ref_id", "version"])
    .where("tenant_id", "=", tenantId)
    .where("updated_at", ">=", since)
    .execute();
  return rows.map((row) => ({ key: `${row.kind}:${row.ref_id}`, version: row.version }));
}

/** Keys per statement: well under the number of parameters either database takes. */
const KEYS_PER_READ = 500;

/** The tenant's rows with these keys ("kind:id"), oldest change first. */
export async function storedByKeys(db: Database, tenantId: string, keys: string[]): Promise<StoredDocument[]> {
  const rows: Row[] = [];
  for (let at = 0; at < keys.length; at += KEYS_PER_READ) rows.push(...(await rowsAt(db, tenantId, keys.slice(at, at + KEYS_PER_READ))));
  return rows.sort((a, b) => (a.updated_at < b.updated_at ? -1 : a.updated_at > b.updated_at ? 1 : 0)).map(toStoredDocument);
}

/**
 * The tenant's rows with these keys: one select per kind joined by UNION ALL, so each uses the whole
 * primary key (tenant, kind, id); an OR of kinds makes SQLite read every row of the tenant.
 */
function rowsAt(db: Database, tenantId: string, keys: string[]) {
  const [first, ...rest] = byKind(keys).map(([kind, ids]) =>
    db.selectFrom("search_documents").select(COLUMNS).where("tenant_id", "=", tenantId).where("kind", "=", kind).where("ref_id", "in", ids),
  );
  return first ? rest.reduce((all, q) => all.unionAll(q), first).execute() : Promise.resolve([]);
}

/** The visible documents among these keys ("kind:id"), by key: what a page of results shows. */
export async function documentsByKeys(db: Database, tenantId: string, keys: string[]): Promise<Map<string, SearchDocument>> {
  const found = new Map<string, SearchDocument>();
  for (const row of await rowsAt(db, tenantId, keys)) if (row.visible) found.set(`${row.kind}:${row.ref_id}`, JSON.parse(row.body) as SearchDocument);
  return found;
}

/** Writes a visible document, or hides the record (`document` null). */
export async function upsertDocument(
  db: Database,
  tenantId: string,
  kind: string,
  refId: string,
  document: SearchDocument | null,
  updatedAt: string,
): Promise<void> {
  const values = { visible: document ? 1 : 0, body: document ? JSON.stringify(document) : "{}", updated_at: updatedAt };
  await db
    .insertInto("search_documents")
    .values({ tenant_id: tenantId, kind, ref_id: refId, ...values })
    .onConflict((oc) => oc.columns(["tenant_id", "kind", "ref_id"]).doUpdateSet(values))
    .execute();
}
