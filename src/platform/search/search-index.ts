import MiniSearch from "minisearch";
import type { Database } from "../../db/database.js";
import { isLang, LANGUAGES, type Lang } from "../i18n/i18n.js";
import { indexTerms, queryTerm } from "./analyzer.js";
import type { SearchDocument } from "./documents.js";
import { allDocuments, documentsSince, type StoredDocument } from "./documents.repository.js";

/** Changes committed this long after their timestamp are still picked up (a transaction's time is taken before it commits). */
const SETTLE_MS = 60_000;

export interface TenantIndex {
  mini: MiniSearch<SearchDocument & { key: string }>;
  docs: Map<string, SearchDocument>;
  /** Which version of each key the index holds, so an older read never overwrites a newer one. */
  versions: Map<string, Version>;
  watermark: string;
  /** Counts the changes applied since the index was built; anything cached from an older generation is stale. */
  generation: number;
  /** The language its words are stemmed in, so a query is analysed the same way. */
  lang: Lang;
}

interface Version {
  updatedAt: string;
  digest: string;
}
const versionOf = (stored: StoredDocument): Version => ({ updatedAt: stored.updatedAt, digest: stored.digest });

/** One index field per language for the translations of title and text: "translated_en". */
const TRANSLATED_FIELDS = LANGUAGES.map((l) => `translated_${l}`);
const translatedField = (field: string): Lang | null => {
  const lang = field.startsWith("translated_") ? field.slice("translated_".length) : "";
  return isLang(lang) ? lang : null;
};

const byDatabase = new WeakMap<Database, Map<string, Promise<TenantIndex>>>();

export const keyOf = (doc: { kind: string; id: string }) => `${doc.kind}:${doc.id}`;

/**
 * The tenant's search index, held in memory by this instance and brought up to date from
 * search_documents on every call, so several instances behind a load balancer agree.
 */
export async function tenantIndex(db: Database, tenantId: string, lang: Lang): Promise<TenantIndex> {
  const perTenant = byDatabase.get(db) ?? new Map<string, Promise<TenantIndex>>();
  byDatabase.set(db, perTenant);
  const existing = perTenant.get(tenantId);
  if (!existing) {
    const building = build(db, tenantId, lang);
    perTenant.set(tenantId, building);
    building.catch(() => perTenant.delete(tenantId));
    return building;
  }
  const index = await existing;
  await catchUp(db, tenantId, index);
  return index;
}

function emptyIndex(lang: Lang): TenantIndex {
  const mini = new MiniSearch<SearchDocument & { key: string }>({
    idField: "key",
    fields: ["title", "subtitle", "text", "keywords", ...TRANSLATED_FIELDS],
    extractField: (doc, field) => {
      const translated = translatedField(field);
      if (translated) return [doc.translations?.[translated]?.title, doc.translations?.[translated]?.text].filter(Boolean).join("\n");
      return (doc as unknown as Record<string, string>)[field] ?? "";
    },
    // Long texts are indexed by stem alone; titles and labels also by the whole word. A translation
    // is indexed by its own language's stem and whole word, and by the stem a query in the tenant's language looks up.
    processTerm: (term, field) => {
      const translated = field ? translatedField(field) : null;
      if (translated) return [...new Set([...indexTerms(term, translated), queryTerm(term, lang)])];
      return field === "text" ? indexTerms(term, lang)[0] : indexTerms(term, lang);
    },
    searchOptions: { processTerm: (term) => queryTerm(term, lang) },
  });
  return { mini, docs: new Map(), versions: new Map(), watermark: "", generation: 0, lang };
}

async function build(db: Database, tenantId: string, lang: Lang): Promise<TenantIndex> {
  const index = emptyIndex(lang);
  const visible: (SearchDocument & { key: string })[] = [];
  for (const row of await allDocuments(db, tenantId)) {
    const { key, document: doc } = row;
    index.versions.set(key, versionOf(row));
    if (row.updatedAt > index.watermark) index.watermark = row.updatedAt;
    if (!doc) continue;
    index.docs.set(key, doc);
    visible.push({ ...doc, key });
  }
  index.mini.addAll(visible);
  return index;
}

async function catchUp(db: Database, tenantId: string, index: TenantIndex) {
  const since = index.watermark ? new Date(Date.parse(index.watermark) - SETTLE_MS).toISOString() : "";
  for (const row of await documentsSince(db, tenantId, since)) {
    const { key, document: doc } = row;
    const known = index.versions.get(key);
    const version = versionOf(row);
    if (known && (known.updatedAt > version.updatedAt || known.digest === version.digest)) continue;
    index.versions.set(key, version);
    index.generation++;
    if (row.updatedAt > index.watermark) index.watermark = row.updatedAt;
    if (index.docs.has(key)) {
      index.mini.discard(key);
      index.docs.delete(key);
    }
    if (!doc) continue;
    index.docs.set(key, doc);
    index.mini.add({ ...doc, key });
  }
}
