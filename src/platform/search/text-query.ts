import { FIELD_COUNT, FIELDS, type Segment, WORD_SPLIT } from "./segment.js";

/** What a search looks for: a word, or words and groups of them that must all (AND) or may (OR) match. */
export type TextQuery = string | { combineWith: "AND" | "OR"; queries: TextQuery[] };

/** The index as one search sees it: its segments, which of their documents are gone, and the statistics scores use. */
export interface IndexView {
  parts: { segment: Segment; offset: number; dead: Uint8Array | null }[];
  docCount: number;
  avgFieldLength: Float64Array;
}

export interface TextOptions {
  combineWith: "AND" | "OR";
  processTerm: (word: string) => string;
  prefix?: (term: string) => boolean;
  /** The largest edit distance at which a term still matches, or false. */
  fuzzy?: (term: string) => number | false;
  boost?: Partial<Record<(typeof FIELDS)[number], number>>;
}

/** For each document (by its number across segments) its score and the query terms it matched. */
export type TextResults = Map<number, { score: number; terms: string[] }>;

// Okapi BM25+ and the weights of prefix and fuzzy matches, as MiniSearch scores them, so ranking
// stays what people and the tests know.
const K = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

const bm25 = (tf: number, matching: number, total: number, length: number, avg: number) =>
  Math.log(1 + (total - matching + 0.5) / (matching + 0.5)) * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * length) / avg)));

/**
 * Runs a query (a string, or words and groups combined with AND/OR, as synonyms.ts writes it)
 * over the view. Each result's score is multiplied by the number of query terms it matched.
 */
export function textSearch(view: IndexView, query: TextQuery, options: TextOptions): TextResults {
  const results = execute(view, query, options);
  for (const r of results.values()) r.score *= r.terms.length || 1;
  return results;
}

function execute(view: IndexView, query: TextQuery, options: TextOptions): TextResults {
  if (typeof query !== "string") {
    const inner = { ...options, combineWith: query.combineWith };
    return combine(
      query.queries.map((q) => execute(view, q, inner)),
      inner.combineWith,
    );
  }
  const terms = query
    .split(WORD_SPLIT)
    .map((w) => options.processTerm(w))
    .filter((t) => !!t);
  return combine(
    terms.map((t) => termQuery(view, t, options)),
    options.combineWith,
  );
}

function combine(results: TextResults[], combineWith: "AND" | "OR"): TextResults {
  if (results.length === 0) return new Map();
  return results.reduce((a, b) => {
    if (combineWith === "OR") {
      for (const [doc, r] of b) {
        const known = a.get(doc);
        if (!known) a.set(doc, r);
        else {
          known.score += r.score;
          for (const t of r.terms) if (!known.terms.includes(t)) known.terms.push(t);
        }
      }
      return a;
    }
    const both: TextResults = new Map();
    for (const [doc, r] of b) {
      const known = a.get(doc);
      if (!known) continue;
      for (const t of r.terms) if (!known.terms.includes(t)) known.terms.push(t);
      both.set(doc, { score: known.score + r.score, terms: known.terms });
    }
    return both;
  });
}

/** One query term: the term itself, the longer terms it begins, and the terms a few letters from it. */
function termQuery(view: IndexView, term: string, options: TextOptions): TextResults {
  const results: TextResults = new Map();
  termResults(view, term, term, 1, options, results);
  const prefixed = new Set<string>();
  if (options.prefix?.(term)) {
    for (const { segment } of view.parts) {
      for (const [found] of segment.vocabulary.atPrefix(term)) if (found.length > term.length) prefixed.add(found);
    }
    for (const found of [...prefixed].sort()) {
      const weight = (PREFIX_WEIGHT * found.length) / (found.length + 0.3 * (found.length - term.length));
      termResults(view, term, found, weight, options, results);
    }
  }
  const maxDistance = options.fuzzy?.(term);
  if (maxDistance) {
    const fuzzy = new Map<string, number>();
    for (const { segment } of view.parts) {
      for (const [found, [, distance]] of segment.vocabulary.fuzzyGet(term, maxDistance)) {
        if (distance > 0 && !prefixed.has(found)) fuzzy.set(found, distance);
      }
    }
    for (const found of [...fuzzy.keys()].sort()) {
      const distance = fuzzy.get(found) as number;
      termResults(view, term, found, (FUZZY_WEIGHT * found.length) / (found.length + distance), options, results);
    }
  }
  return results;
}

function termResults(view: IndexView, source: string, term: string, weight: number, options: TextOptions, results: TextResults) {
  const ranges = view.parts.map(({ segment }) => {
    const t = segment.vocabulary.get(term);
    return t === undefined ? -1 : t * FIELD_COUNT;
  });
  for (let f = 0; f < FIELD_COUNT; f++) {
    let matching = 0;
    view.parts.forEach(({ segment, dead }, i) => {
      const g = (ranges[i] as number) + f;
      if (g < f) return;
      const from = segment.groupStart[g] as number;
      const to = segment.groupStart[g + 1] as number;
      if (!dead) matching += to - from;
      else for (let p = from; p < to; p++) if (!dead[segment.postDoc[p] as number]) matching++;
    });
    if (matching === 0) continue;
    const boost = (options.boost?.[FIELDS[f] as (typeof FIELDS)[number]] ?? 1) * weight;
    const avg = view.avgFieldLength[f] as number;
    view.parts.forEach(({ segment, dead, offset }, i) => {
      const g = (ranges[i] as number) + f;
      if (g < f) return;
      for (let p = segment.groupStart[g] as number; p < (segment.groupStart[g + 1] as number); p++) {
        const d = segment.postDoc[p] as number;
        if (dead?.[d]) continue;
        const score = boost * bm25(segment.postTf[p] as number, matching, view.docCount, segment.fieldLength[d * FIELD_COUNT + f] as number, avg);
        const handle = offset + d;
        const known = results.get(handle);
        if (!known) results.set(handle, { score, terms: [source] });
        else {
          known.score += score;
          if (!known.terms.includes(source)) known.terms.push(source);
        }
      }
    });
  }
}
