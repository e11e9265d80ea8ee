import { queryTerm } from "./analyzer.js";
import { FACETS, type Facet, type SearchDocument } from "./documents.js";
import { distanceKmTo } from "./postcodes.js";
import { loadDocuments, partOf, type TenantIndex, viewOf } from "./search-index.js";
import { type DocMeta, dayMs, expired, kindAt, publishedText, type Segment } from "./segment.js";
import { expandQuery } from "./synonyms.js";
import { type TextResults, textSearch } from "./text-query.js";
import { Top } from "./top.js";

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

/** A result before its page is shown: which document, and what the page and its order need of it without its text. */
export interface RankedHit {
  key: string;
  score: number;
  distanceKm: number | null;
  /** When it was published, in milliseconds; NaN when that was written some other way, and then `oddPublishedAt` has the text. */
  published: number;
  oddPublishedAt: string | null;
}

export interface RankedOutcome {
  total: number;
  hits: RankedHit[];
  counts: SearchOutcome["counts"];
}

const NO_VALUES: string[] = [];
const KIND_VALUES = new Map<string, string[]>();
/** The values of one filter for a document: its kind, or the values of one of its facets. */
function valuesOf(facets: DocMeta["facets"], kind: string, key: FilterKey): string[] {
  if (key !== "kind") return facets[key] ?? NO_VALUES;
  let values = KIND_VALUES.get(kind);
  if (!values) {
    values = [kind];
    KIND_VALUES.set(kind, values);
  }
  return values;
}
const anyIn = (values: string[], wanted: Set<string>) => {
  for (const v of values) if (wanted.has(v)) return true;
  return false;
};
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
function facetTokens(facets: DocMeta["facets"]): string[] {
  let facetPart = tokensByFacets.get(facets);
  if (!facetPart) {
    facetPart = FACETS.flatMap((f) => (facets[f] ?? NO_VALUES).map((v) => `${f}${TOKEN_SEPARATOR}${v}`));
    tokensByFacets.set(facets, facetPart);
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
  const tally = (facet: FilterKey, facets: DocMeta["facets"], kind: string) => {
    const counts = tallies.get(facet) as Map<string, number>;
    for (const v of valuesOf(facets, kind, facet)) counts.set(v, (counts.get(v) ?? 0) + 1);
  };
  const order = comparator(scores ? query.sort : query.sort === "relevance" ? "newest" : query.sort);
  // Every result is offered through one object; only those that make the page are copied.
  const top = new Top<Ranked>(query.offset + query.limit, order, (hit) => ({ ...hit }));
  const probe: Ranked = { key: "", score: 0, distanceKm: null, published: 0, oddPublishedAt: null };
  const todayMs = dayMs(query.today);
  let total = 0;

  // Reads the document's columns in place: a query without words passes over every document.
  const consider = (segment: Segment, d: number, score: number) => {
    const m = segment.meta;
    if (expired(m, d, query.today, todayMs)) return;
    const lat = m.lat[d] as number;
    const lon = m.lon[d] as number;
    let distance: number | null = null;
    if (query.origin && !Number.isNaN(lat) && !Number.isNaN(lon)) distance = distanceKmTo(query.origin, lat, lon);
    if (query.withinKm !== null && m.remote[d] !== 1 && (distance === null || distance > query.withinKm)) return;
    const facets = m.table[m.facets[d] as number] as DocMeta["facets"];
    const kind = kindAt(segment, d);
    let failed: FilterKey | null = null;
    for (const filter of active) {
      if (anyIn(valuesOf(facets, kind, filter.key), filter.values)) continue;
      if (failed !== null) return;
      failed = filter.key;
    }
    if (failed !== null) return tally(failed, facets, kind);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    for (const token of facetTokens(facets)) passed.set(token, (passed.get(token) ?? 0) + 1);
    total++;
    probe.key = segment.keys[d] as string;
    probe.score = score;
    probe.distanceKm = distance === null ? null : Math.round(distance * 10) / 10;
    probe.published = m.published[d] as number;
    probe.oddPublishedAt = !Number.isNaN(probe.published) ? null : publishedText(m, d);
    top.offer(probe);
  };
  const view = viewOf(index);
  if (scores) {
    for (const handle of scores.handles) {
      const part = partOf(view, handle);
      consider(part.segment, handle - part.offset, scores.score[handle] as number);
    }
  } else {
    for (const { segment, dead } of view.parts) {
      for (let d = 0; d < segment.keys.length; d++) if (!dead?.[d]) consider(segment, d, 0);
    }
  }
  for (const [token, n] of passed) {
    const [facet, value] = token.split(TOKEN_SEPARATOR) as [FilterKey, string];
    const counts = tallies.get(facet) as Map<string, number>;
    counts.set(value, (counts.get(value) ?? 0) + n);
  }

  const page = top.best.slice(query.offset);
  const counts = Object.fromEntries([...tallies].map(([k, m]) => [k, Object.fromEntries(m)])) as SearchOutcome["counts"];
  return { total, hits: page, counts };
}

type Ranked = RankedHit;
const byKey = (a: Ranked, b: Ranked) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const publishedOf = (hit: Ranked) => (!Number.isNaN(hit.published) ? new Date(hit.published).toISOString() : (hit.oddPublishedAt as string));
/** By publishedAt as its texts compare: by their numbers when both are written the usual way (and so sort the same). */
const newest = (a: Ranked, b: Ranked) => {
  const x = a.published;
  const y = b.published;
  if (!Number.isNaN(x) && !Number.isNaN(y)) return x < y ? 1 : x > y ? -1 : 0;
  const s = publishedOf(a);
  const t = publishedOf(b);
  return s < t ? 1 : s > t ? -1 : 0;
};

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
