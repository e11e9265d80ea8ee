import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { SearchDocument } from "./documents.js";
import type { SearchDocumentsTable } from "./search.table.js";

/** A row of the search table: a document, or the note that a record is no longer findable. */
export interface StoredDocument {
  key: string;
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
    visible: row.visible === 1,
    updatedAt: row.updated_at,
    document: row.visible ? (JSON.parse(row.body) as SearchDocument) : null,
    version: row.version,
  };
}

const COLUMNS = ["kind", "ref_id", "visible", "updated_at", "version", "body"] as const;

/** The tenant's whole search table, in a stable order. */
export async function allDocuments(db: Database, tenantId: string): Promise<StoredDocument[]> {
  const rows = await db.selectFrom("search_documents").select(COLUMNS).where("tenant_id", "=", tenantId).orderBy("kind").orderBy("ref_id").execute();
  return rows.map(toStoredDocument);
}

/** Which of the tenant's rows changed at or after `since`, and their versions: cheap enough to ask on every search. */
export async function changedSince(db: Database, tenantId: string, since: string): Promise<{ key: string; version: number }[]> {
  const rows = await db
    .selectFrom("search_documents")
    .select(["kind", "ref_id", "version"])
    .where("tenant_id", "=", tenantId)
    .where("updated_at", ">=", since)
    .orderBy("updated_at")
    .execute();
  return rows.map((r) => ({ key: `${r.kind}:${r.ref_id}`, version: r.version }));
}

/** These rows of the tenant's search table, oldest change first. */
export async function documentsAt(db: Database, tenantId: string, keys: string[]): Promise<StoredDocument[]> {
  if (keys.length === 0) return [];
  const wanted = new Set(keys);
  const rows = await db
    .selectFrom("search_documents")
    .select(COLUMNS)
    .where("tenant_id", "=", tenantId)
    .where(
      "ref_id",
      "in",
      keys.map((k) => k.slice(k.indexOf(":") + 1)),
    )
    .orderBy("updated_at")
    .execute();
  return rows.map(toStoredDocument).filter((d) => wanted.has(d.key));
}

/** The visible documents among these keys ("kind:id"), by key: what a page of results shows. */
export async function documentsByKeys(db: Database, tenantId: string, keys: string[]): Promise<Map<string, SearchDocument>> {
  const found = new Map<string, SearchDocument>();
  if (keys.length === 0) return found;
  const rows = await db
    .selectFrom("search_documents")
    .select(["kind", "ref_id", "body"])
    .where("tenant_id", "=", tenantId)
    .where("visible", "=", 1)
    .where(
      "ref_id",
      "in",
      keys.map((k) => k.slice(k.indexOf(":") + 1)),
    )
    .execute();
  const wanted = new Set(keys);
  for (const row of rows) {
    const key = `${row.kind}:${row.ref_id}`;
    if (wanted.has(key)) found.set(key, JSON.parse(row.body) as SearchDocument);
  }
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
    .onConflict((oc) => oc.columns(["tenant_id", "kind", "ref_id"]).doUpdateSet((eb) => ({ ...values, version: eb("search_documents.version", "+", 1) })))
    .execute();
}
