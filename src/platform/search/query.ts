import { queryTerm } from "./analyzer.js";
import { FACETS, type Facet, type SearchDocument } from "./documents.js";
import { distanceKm } from "./postcodes.js";
import { documentAt, loadDocuments, type TenantIndex, viewOf } from "./search-index.js";
import type { DocMeta } from "./segment.js";
import { expandQuery } from "./synonyms.js";
import { type TextResults, textSearch } from "./text-query.js";
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

/** A result before its page is shown: which document, and what search knows of it without its text. */
export interface RankedHit {
  key: string;
  meta: DocMeta;
  score: number;
  distanceKm: number | null;
}

export interface RankedOutcome {
  total: number;
  hits: RankedHit[];
  counts: SearchOutcome["counts"];
}

const NO_VALUES: string[] = [];
const valuesOf = (doc: DocMeta, key: FilterKey): string[] => (key === "kind" ? [doc.kind] : (doc.facets[key] ?? NO_VALUES));
function textScores(index: TenantIndex, q: string, synonyms: string[][]): TextResults | null {
  if (!q.trim()) return null;
  const view = viewOf(index);
  const options = {
    processTerm: (word: string) => queryTerm(word, index.lang),
    prefix: (term: string) => term.length >= 4,
    fuzzy: (term: string) => (term.length >= 8 ? 2 : term.length >= 4 ? 1 : false),
    boost: { title: 3, keywords: 2, subtitle: 1.5 },
  };
  let { results } = textSearch(view, expandQuery(q, synonyms, index.lang, "AND"), { ...options, combineWith: "AND" });
  // Every word (or one of its synonyms) must match when some document has them all; otherwise the best partial matches.
  if (results.size === 0) ({ results } = textSearch(view, expandQuery(q, synonyms, index.lang, "OR"), { ...options, combineWith: "OR" }));
  return results;
}

const TOKEN_SEPARATOR = "\u0000";
const tokensByFacets = new WeakMap<DocMeta["facets"], string[]>();
/** "facet\0value" for each facet value of the document; documents share their facets object, and so these. */
function facetTokens(doc: DocMeta): string[] {
  let facetPart = tokensByFacets.get(doc.facets);
  if (!facetPart) {
    facetPart = FACETS.flatMap((f) => (doc.facets[f] ?? NO_VALUES).map((v) => `${f}${TOKEN_SEPARATOR}${v}`));
    tokensByFacets.set(doc.facets, facetPart);
  }
  return facetPart;
}

/**
 * One search over everything the tenant has made findable. Pure over the index, so the same query
 * gives the same results in the same order whichever database the index was loaded from.
 */
export function runSearch(index: TenantIndex, query: SearchQuery): RankedOutcome {
  const scores = textScores(index, query.q, query.synonyms ?? []);
  const active = FILTER_KEYS.filter((k) => (query.filters[k]?.length ?? 0) > 0).map((k) => ({ key: k, values: new Set(query.filters[k]) }));
  const tallies = new Map(FILTER_KEYS.map((k) => [k, new Map<string, number>()]));
  // Results that pass every filter count towards every facet: one counter per facet value, split by facet at the end.
  const passed = new Map<string, number>();
  const kinds = tallies.get("kind") as Map<string, number>;
  const hits: Ranked[] = [];
  const tally = (facet: FilterKey, doc: DocMeta) => {
    const counts = tallies.get(facet) as Map<string, number>;
    for (const v of valuesOf(doc, facet)) counts.set(v, (counts.get(v) ?? 0) + 1);
  };

  const consider = (key: string, doc: DocMeta, score: number) => {
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
    kinds.set(doc.kind, (kinds.get(doc.kind) ?? 0) + 1);
    for (const token of facetTokens(doc)) passed.set(token, (passed.get(token) ?? 0) + 1);
    hits.push({ key, meta: doc, score, distanceKm: distance === null ? null : Math.round(distance * 10) / 10 });
  };
  const view = viewOf(index);
  if (scores) {
    for (const handle of scores.handles) {
      const { key, meta } = documentAt(view, handle);
      consider(key, meta, scores.score[handle] as number);
    }
  } else {
    for (const { segment, dead } of view.parts) {
      for (let d = 0; d < segment.keys.length; d++) if (!dead?.[d]) consider(segment.keys[d] as string, segment.metas[d] as DocMeta, 0);
    }
  }
  for (const [token, n] of passed) {
    const [facet, value] = token.split(TOKEN_SEPARATOR) as [FilterKey, string];
    const counts = tallies.get(facet) as Map<string, number>;
    counts.set(value, (counts.get(value) ?? 0) + n);
  }

  const order = comparator(scores ? query.sort : query.sort === "relevance" ? "newest" : query.sort);
  const page = firstInOrder(hits, query.offset + query.limit, order).slice(query.offset);
  const counts = Object.fromEntries([...tallies].map(([k, m]) => [k, Object.fromEntries(m)])) as SearchOutcome["counts"];
  return { total: hits.length, hits: page, counts };
}

type Ranked = RankedHit;
const byKey = (a: Ranked, b: Ranked) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const newest = (a: Ranked, b: Ranked) => (a.meta.publishedAt < b.meta.publishedAt ? 1 : a.meta.publishedAt > b.meta.publishedAt ? -1 : 0);

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
 * runSearch with the page's documents read from the database, and the answers to recent queries kept
 * until the index changes: popular searches, facet pages and crawlers ask the same thing many times.
 */
export async function cachedSearch(index: TenantIndex, query: SearchQuery): Promise<SearchOutcome> {
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
  const generation = index.generation;
  const ranked = runSearch(index, query);
  const docs = await loadDocuments(
    index,
    ranked.hits.map((h) => h.key),
  );
  const hits = ranked.hits.flatMap(({ key, score, distanceKm }) => {
    const doc = docs.get(key);
    return doc ? [{ doc, score, distanceKm }] : [];
  });
  const outcome: SearchOutcome = { total: ranked.total, hits, counts: ranked.counts };
  // A change that arrived while the documents were read makes this answer one to show, not to keep.
  if (generation !== index.generation || cache.generation !== index.generation) return outcome;
  cache.entries.set(key, outcome);
  if (cache.entries.size > CACHE_SIZE) cache.entries.delete(cache.entries.keys().next().value as string);
  return outcome;
}
