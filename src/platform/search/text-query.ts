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

/**
 * For each document found (by its number across segments), its score and which query terms it
 * matched, as dense arrays: a search over a large index touches thousands of documents, and objects
 * for each would cost more than the scoring.
 */
export class TextResults {
  readonly handles: number[] = [];
  readonly score: Float64Array;
  /** Bit i: the document matched query term i (terms past the 31st share the last bit). */
  readonly mask: Uint32Array;
  constructor(size: number) {
    this.score = new Float64Array(size);
    this.mask = new Uint32Array(size);
  }
  add(handle: number, score: number, bits: number) {
    if (this.mask[handle] === 0) this.handles.push(handle);
    this.score[handle] = (this.score[handle] as number) + score;
    this.mask[handle] = (this.mask[handle] as number) | bits;
  }
  get size() {
    return this.handles.length;
  }
}

export interface TextOutcome {
  results: TextResults;
  /** The query terms document `handle` matched. */
  termsOf: (handle: number) => string[];
}

// Okapi BM25+ and the weights of prefix and fuzzy matches, as MiniSearch scores them, so ranking
// stays what people and the tests know.
const K = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/**
 * Runs a query (a string, or words and groups combined with AND/OR, as synonyms.ts writes it)
 * over the view. Each result's score is multiplied by the number of query terms it matched.
 */
export function textSearch(view: IndexView, query: TextQuery, options: TextOptions): TextOutcome {
  const terms: string[] = [];
  const size = view.parts.reduce((n, p) => n + p.segment.keys.length, 0);
  const results = execute({ view, options, terms, size }, query, options.combineWith);
  for (const h of results.handles) results.score[h] = (results.score[h] as number) * (bitCount(results.mask[h] as number) || 1);
  return { results, termsOf: (h) => terms.filter((_, i) => ((results.mask[h] as number) & bitOf(i)) !== 0) };
}

interface Run {
  view: IndexView;
  options: TextOptions;
  /** The query terms in the order they were met; a term's number is its bit in the masks. */
  terms: string[];
  size: number;
}

const bitOf = (i: number) => 1 << Math.min(i, 31);
function bitCount(mask: number) {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

function execute(run: Run, query: TextQuery, combineWith: "AND" | "OR"): TextResults {
  if (typeof query !== "string")
    return combine(
      run,
      query.queries.map((q) => execute(run, q, query.combineWith)),
      query.combineWith,
    );
  const terms = query
    .split(WORD_SPLIT)
    .map((w) => run.options.processTerm(w))
    .filter((t) => !!t);
  return combine(
    run,
    terms.map((t) => termQuery(run, t)),
    combineWith,
  );
}

function combine(run: Run, results: TextResults[], combineWith: "AND" | "OR"): TextResults {
  if (results.length === 0) return new TextResults(run.size);
  return results.reduce((a, b) => {
    if (combineWith === "OR") {
      for (const h of b.handles) a.add(h, b.score[h] as number, b.mask[h] as number);
      return a;
    }
    const both = new TextResults(run.size);
    for (const h of b.handles) {
      if (a.mask[h] === 0) continue;
      both.add(h, (a.score[h] as number) + (b.score[h] as number), (a.mask[h] as number) | (b.mask[h] as number));
    }
    return both;
  });
}

/** One query term: the term itself, the longer terms it begins, and the terms a few letters from it. */
function termQuery(run: Run, term: string): TextResults {
  const { view, options } = run;
  const results = new TextResults(run.size);
  let bit = run.terms.indexOf(term);
  if (bit < 0) bit = run.terms.push(term) - 1;
  const bits = bitOf(bit);
  termResults(view, bits, term, 1, options, results);
  const prefixed = new Set<string>();
  if (options.prefix?.(term)) {
    for (const { segment } of view.parts) {
      for (const [found] of segment.vocabulary.atPrefix(term)) if (found.length > term.length) prefixed.add(found);
    }
    for (const found of [...prefixed].sort()) {
      const weight = (PREFIX_WEIGHT * found.length) / (found.length + 0.3 * (found.length - term.length));
      termResults(view, bits, found, weight, options, results);
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
      termResults(view, bits, found, (FUZZY_WEIGHT * found.length) / (found.length + distance), options, results);
    }
  }
  return results;
}

function termResults(view: IndexView, bits: number, term: string, weight: number, options: TextOptions, results: TextResults) {
  const groups = view.parts.map(({ segment }) => {
    const t = segment.vocabulary.get(term);
    return t === undefined ? -1 : t * FIELD_COUNT;
  });
  for (let f = 0; f < FIELD_COUNT; f++) {
    let matching = 0;
    for (let i = 0; i < view.parts.length; i++) {
      const { segment, dead } = view.parts[i] as IndexView["parts"][0];
      const g = groups[i] as number;
      if (g < 0) continue;
      const from = segment.groupStart[g + f] as number;
      const to = segment.groupStart[g + f + 1] as number;
      if (!dead) matching += to - from;
      else for (let p = from; p < to; p++) if (!dead[segment.postDoc[p] as number]) matching++;
    }
    if (matching === 0) continue;
    const boost = (options.boost?.[FIELDS[f] as (typeof FIELDS)[number]] ?? 1) * weight;
    const avg = view.avgFieldLength[f] as number;
    // The part of BM25+ that depends only on the term, hoisted out of the loop over its documents.
    const idf = Math.log(1 + (view.docCount - matching + 0.5) / (matching + 0.5));
    for (let i = 0; i < view.parts.length; i++) {
      const { segment, dead, offset } = view.parts[i] as IndexView["parts"][0];
      const g = groups[i] as number;
      if (g < 0) continue;
      const to = segment.groupStart[g + f + 1] as number;
      for (let p = segment.groupStart[g + f] as number; p < to; p++) {
        const d = segment.postDoc[p] as number;
        if (dead?.[d]) continue;
        const tf = segment.postTf[p] as number;
        const length = segment.fieldLength[d * FIELD_COUNT + f] as number;
        const score = boost * idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * length) / avg)));
        results.add(offset + d, score, bits);
      }
    }
  }
}
