import { FACETS, type Facet, type SearchDocument } from "./documents.js";
import { distanceKm } from "./postcodes.js";
import type { TenantIndex } from "./search-index.js";
import { expandQuery } from "./synonyms.js";
import { firstInOrder } from "./top.js";

export const SORTS = ["relevance", "distance", "newest"] as const;
export type Sort = (typeof SORTS)[number];

/** The facets a search counts and filters by; "kind" (association, offer, job) is one of them. */
export type FilterKey = "kind" | Facet;
export const FILTER_KEYS: FilterKey[] = ["kind", ...FACETS];

export interface SearchQuery {
  q: string;
  /** The tenant's groups of words that mean the same (see synonyms.ts); a word of the query finds any word of its group. */
  synonyms?: string[][];
  filters: Partial<Record<FilterKey, string[]>>;
  origin: { lat: number; lon: number } | null;
  withinKm: number | null;
  sort: Sort;
  /** Documents whose last day is before this are not shown. */
  today: string;
  offset: number;
  limit: number;
}

export interface SearchHit {
  doc: SearchDocument;
  score: number;
  distanceKm: number | null;
}

export interface SearchOutcome {
  total: number;
  hits: SearchHit[];
  /** For each facet, how many results each value would give with the other facets' filters kept. */
  counts: Record<FilterKey, Record<string, number>>;
}

const NO_VALUES: string[] = [];
const valuesOf = (doc: SearchDocument, key: FilterKey): string[] => (key === "kind" ? [doc.kind] : (doc.facets[key] ?? NO_VALUES));
function textScores(index: TenantIndex, q: string, synonyms: string[][]): Map<string, number> | null {
  if (!q.trim()) return null;
  const options = {
    prefix: (term: string) => term.length >= 4,
    fuzzy: (term: string) => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : false),
    boost: { title: 3, keywords: 2, subtitle: 1.5 },
  };
  let results = index.mini.search(expandQuery(q, synonyms, index.lang, "AND"), options);
  // Every word (or one of its synonyms) must match when some document has them all; otherwise the best partial matches.
  if (results.length === 0) results = index.mini.search(expandQuery(q, synonyms, index.lang, "OR"), options);
  return new Map(results.map((r) => [String(r.id), r.score]));
}

/**
 * One search over everything the tenant has made findable. Pure over the index, so the same query
 * gives the same results in the same order whichever database the index was loaded from.
 */
export function runSearch(index: TenantIndex, query: SearchQuery): SearchOutcome {
  const scores = textScores(index, query.q, query.synonyms ?? []);
  const active = FILTER_KEYS.filter((k) => (query.filters[k]?.length ?? 0) > 0).map((k) => ({ key: k, values: new Set(query.filters[k]) }));
  const tallies = new Map(FILTER_KEYS.map((k) => [k, new Map<string, number>()]));
  const hits: Ranked[] = [];
  const tally = (facet: FilterKey, doc: SearchDocument) => {
    const counts = tallies.get(facet) as Map<string, number>;
    for (const v of valuesOf(doc, facet)) counts.set(v, (counts.get(v) ?? 0) + 1);
  };

  const consider = (key: string, doc: SearchDocument, score: number) => {
    if (doc.until !== null && doc.until < query.today) return;
    const distance = query.origin && doc.lat !== null && doc.lon !== null ? distanceKm(query.origin, { lat: doc.lat, lon: doc.lon }) : null;
    if (query.withinKm !== null && !doc.remote && (distance === null || distance > query.withinKm)) return;
    let failed: FilterKey | null = null;
    for (const filter of active) {
      if (valuesOf(doc, filter.key).some((v) => filter.values.has(v))) continue;
      if (failed !== null) return;
      failed = filter.key;
    }
    if (failed !== null) return tally(failed, doc);
    for (const facet of FILTER_KEYS) tally(facet, doc);
    hits.push({ key, doc, score, distanceKm: distance === null ? null : Math.round(distance * 10) / 10 });
  };
  if (scores) {
    for (const [key, score] of scores) {
      const doc = index.docs.get(key);
      if (doc) consider(key, doc, score);
    }
  } else {
    for (const [key, doc] of index.docs) consider(key, doc, 0);
  }

  const order = comparator(scores ? query.sort : query.sort === "relevance" ? "newest" : query.sort);
  const page = firstInOrder(hits, query.offset + query.limit, order).slice(query.offset);
  const counts = Object.fromEntries([...tallies].map(([k, m]) => [k, Object.fromEntries(m)])) as SearchOutcome["counts"];
  return { total: hits.length, hits: page.map(({ key: _, ...hit }) => hit), counts };
}

type Ranked = SearchHit & { key: string };
const byKey = (a: Ranked, b: Ranked) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const newest = (a: Ranked, b: Ranked) => (a.doc.publishedAt < b.doc.publishedAt ? 1 : a.doc.publishedAt > b.doc.publishedAt ? -1 : 0);

/** Remote work and places without a location come after everything with a distance. */
const nearest = (a: Ranked, b: Ranked) =>
  a.distanceKm === b.distanceKm ? 0 : a.distanceKm === null ? 1 : b.distanceKm === null ? -1 : a.distanceKm - b.distanceKm;

function comparator(sort: Sort): (a: Ranked, b: Ranked) => number {
  if (sort === "newest") return (a, b) => newest(a, b) || byKey(a, b);
  if (sort === "distance") return (a, b) => nearest(a, b) || b.score - a.score || byKey(a, b);
  return (a, b) => b.score - a.score || newest(a, b) || byKey(a, b);
}

const CACHE_SIZE = 500;
const caches = new WeakMap<TenantIndex, { generation: number; entries: Map<string, SearchOutcome> }>();

/**
 * runSearch with the answers to recent queries kept until the index changes: popular searches,
 * facet pages and crawlers ask the same thing many times.
 */
export function cachedSearch(index: TenantIndex, query: SearchQuery): SearchOutcome {
  let cache = caches.get(index);
  if (cache?.generation !== index.generation) {
    cache = { generation: index.generation, entries: new Map() };
    caches.set(index, cache);
  }
  const key = JSON.stringify(query);
  const hit = cache.entries.get(key);
  if (hit) {
    cache.entries.delete(key);
    cache.entries.set(key, hit);
    return hit;
  }
  const outcome = runSearch(index, query);
  cache.entries.set(key, outcome);
  if (cache.entries.size > CACHE_SIZE) cache.entries.delete(cache.entries.keys().next().value as string);
  return outcome;
}
