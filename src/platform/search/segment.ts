import SearchableMap from "minisearch/SearchableMap";
import { isLang, LANGUAGES, type Lang } from "../i18n/i18n.js";
import { indexTerms, queryTerm } from "./analyzer.js";
import type { SearchDocument } from "./documents.js";

/**
 * What search and matching need of a document besides its words: enough to filter, count, sort
 * and place it. The title and text stay in the database and are read for the page that shows them.
 */
export type DocMeta = Pick<SearchDocument, "kind" | "id" | "facets" | "lat" | "lon" | "remote" | "publishedAt" | "until" | "slots" | "setting">;

/** The fields words are found in, in the order their numbers are stored. */
export const FIELDS = ["title", "subtitle", "text", "keywords", ...LANGUAGES.map((l) => `translated_${l}`)] as const;
export const FIELD_COUNT = FIELDS.length;
const TEXT_FIELD = FIELDS.indexOf("text");
const translatedLang = (field: number): Lang | null => {
  const name = FIELDS[field] ?? "";
  const lang = name.startsWith("translated_") ? name.slice("translated_".length) : "";
  return isLang(lang) ? lang : null;
};

export const WORD_SPLIT = /[\n\r\p{Z}\p{P}]+/u;

function fieldText(doc: SearchDocument, field: number): string {
  const lang = translatedLang(field);
  if (lang) return [doc.translations?.[lang]?.title, doc.translations?.[lang]?.text].filter(Boolean).join("\n");
  return (doc as unknown as Record<string, string | undefined>)[FIELDS[field] as string] ?? "";
}

/**
 * The terms one word of one field is indexed under. Long texts by stem alone; titles and labels also
 * by the whole word. A translation by its own language's stem and whole word, and by the stem a query
 * in the tenant's language looks up.
 */
function termsOf(word: string, field: number, lang: Lang): string[] {
  const translated = translatedLang(field);
  if (translated) return [...new Set([...indexTerms(word, translated), queryTerm(word, lang)])];
  return field === TEXT_FIELD ? [queryTerm(word, lang)] : indexTerms(word, lang);
}

/**
 * An immutable block of the index: documents numbered 0…n-1, each word's postings as typed arrays
 * (which document, in which field, how often), grouped by term and then by field. Small enough to
 * hold a national job board in a few tens of megabytes, and stored whole in the database so an
 * instance loads it instead of analysing every text again.
 */
export interface Segment {
  keys: string[];
  metas: DocMeta[];
  /** The version of each document's row the segment was built from. */
  versions: Uint32Array;
  terms: string[];
  /** term → its number, for exact, prefix and fuzzy look-ups. */
  vocabulary: SearchableMap<number>;
  /** Postings of term t in field f are postDoc[groupStart[t*F+f] … groupStart[t*F+f+1]). */
  groupStart: Uint32Array;
  postDoc: Uint32Array;
  /** How often, up to 255: beyond that BM25 no longer tells the difference. */
  postTf: Uint8Array;
  /** Distinct words of document d's field f, at d*F+f. */
  fieldLength: Uint16Array;
}

export interface SegmentInput {
  key: string;
  doc: SearchDocument;
  version: number;
}

/** Equal facet lists and slot lists are one object, so a hundred thousand documents share a few hundred. */
function interner() {
  const seen = new Map<string, unknown>();
  return <T>(value: T): T => {
    const key = JSON.stringify(value);
    const known = seen.get(key);
    if (known !== undefined) return known as T;
    seen.set(key, value);
    return value;
  };
}

export function metaOf(doc: SearchDocument, intern = interner()): DocMeta {
  const meta: DocMeta = {
    kind: doc.kind,
    id: doc.id,
    facets: intern(doc.facets),
    lat: doc.lat,
    lon: doc.lon,
    remote: doc.remote,
    publishedAt: doc.publishedAt,
    until: doc.until,
  };
  if (doc.slots) meta.slots = intern(doc.slots);
  if (doc.setting) meta.setting = doc.setting;
  return meta;
}

export function buildSegment(inputs: SegmentInput[], lang: Lang): Segment {
  const sorted = [...inputs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const n = sorted.length;
  const intern = interner();
  const fieldLength = new Uint16Array(n * FIELD_COUNT);
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  // Per term, the (document × field) cells it occurs in and how often, in document order.
  const cells: number[][] = [];
  const tfs: number[][] = [];
  for (let d = 0; d < n; d++) {
    const doc = (sorted[d] as SegmentInput).doc;
    for (let f = 0; f < FIELD_COUNT; f++) {
      const words = fieldText(doc, f).split(WORD_SPLIT);
      fieldLength[d * FIELD_COUNT + f] = Math.min(65535, new Set(words).size);
      const counts = new Map<string, number>();
      for (const word of words) {
        if (!word) continue;
        for (const term of termsOf(word, f, lang)) if (term) counts.set(term, (counts.get(term) ?? 0) + 1);
      }
      for (const [term, tf] of counts) {
        let t = termIds.get(term);
        if (t === undefined) {
          t = terms.length;
          termIds.set(term, t);
          terms.push(term);
          cells.push([]);
          tfs.push([]);
        }
        (cells[t] as number[]).push(d * FIELD_COUNT + f);
        (tfs[t] as number[]).push(tf);
      }
    }
  }
  const groupStart = new Uint32Array(terms.length * FIELD_COUNT + 1);
  let total = 0;
  for (let t = 0; t < terms.length; t++) {
    for (const cell of cells[t] as number[]) {
      const g = t * FIELD_COUNT + (cell % FIELD_COUNT) + 1;
      groupStart[g] = (groupStart[g] as number) + 1;
    }
    total += (cells[t] as number[]).length;
  }
  for (let g = 1; g < groupStart.length; g++) groupStart[g] = (groupStart[g] as number) + (groupStart[g - 1] as number);
  const postDoc = new Uint32Array(total);
  const postTf = new Uint8Array(total);
  const fill = groupStart.slice(0, -1);
  for (let t = 0; t < terms.length; t++) {
    const list = cells[t] as number[];
    const tf = tfs[t] as number[];
    for (let i = 0; i < list.length; i++) {
      const cell = list[i] as number;
      const g = t * FIELD_COUNT + (cell % FIELD_COUNT);
      const at = fill[g] as number;
      fill[g] = at + 1;
      postDoc[at] = Math.floor(cell / FIELD_COUNT);
      postTf[at] = Math.min(255, tf[i] as number);
    }
  }
  return {
    keys: sorted.map((s) => s.key),
    metas: sorted.map((s) => metaOf(s.doc, intern)),
    versions: Uint32Array.from(sorted.map((s) => s.version)),
    terms,
    vocabulary: vocabularyOf(terms),
    groupStart,
    postDoc,
    postTf,
    fieldLength,
  };
}

const vocabularyOf = (terms: string[]): SearchableMap<number> => SearchableMap.from(terms.map((t, i) => [t, i] as [string, number]));

export const emptySegment = (): Segment => buildSegment([], "da");

/** The number of document d in the segment, or -1: keys are sorted, so it is a binary search. */
export function ordinalOf(segment: Segment, key: string): number {
  let lo = 0;
  let hi = segment.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = segment.keys[mid] as string;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

// ——— Stored form: one JSON header (keys, metas, terms), then the typed arrays, each 4-byte aligned.

const FORMAT = 3;
const ARRAYS = ["versions", "groupStart", "postDoc", "postTf", "fieldLength"] as const;

export function serializeSegment(segment: Segment, lang: Lang): Buffer {
  const facets: unknown[] = [];
  const facetIds = new Map<unknown, number>();
  const idOf = (v: unknown) => {
    let id = facetIds.get(v);
    if (id === undefined) {
      id = facets.length;
      facets.push(v);
      facetIds.set(v, id);
    }
    return id;
  };
  const metas = segment.metas.map((m) => [
    idOf(m.facets),
    m.lat,
    m.lon,
    m.remote ? 1 : 0,
    m.publishedAt,
    m.until,
    m.slots ? idOf(m.slots) : -1,
    m.setting ?? null,
  ]);
  const header = Buffer.from(JSON.stringify({ format: FORMAT, lang, keys: segment.keys, terms: segment.terms, facets, metas }));
  const parts: Buffer[] = [];
  const lengths: number[] = [];
  for (const name of ARRAYS) {
    const array = segment[name];
    const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    lengths.push(array.length);
    parts.push(bytes, Buffer.alloc((4 - (bytes.length % 4)) % 4));
  }
  const head = Buffer.alloc(4 + 4 * ARRAYS.length);
  head.writeUInt32LE(header.length, 0);
  for (const [i, l] of lengths.entries()) head.writeUInt32LE(l, 4 + 4 * i);
  const pad = Buffer.alloc((4 - ((head.length + header.length) % 4)) % 4);
  return Buffer.concat([head, header, pad, ...parts]);
}

export function deserializeSegment(data: Buffer): { segment: Segment; lang: Lang } | null {
  const headerLength = data.readUInt32LE(0);
  const lengths = ARRAYS.map((_, i) => data.readUInt32LE(4 + 4 * i));
  let at = 4 + 4 * ARRAYS.length;
  const header = JSON.parse(data.toString("utf8", at, at + headerLength)) as {
    format: number;
    lang: Lang;
    keys: string[];
    terms: string[];
    facets: unknown[];
    metas: [number, number | null, number | null, number, string, string | null, number, DocMeta["setting"] | null][];
  };
  if (header.format !== FORMAT) return null;
  at += headerLength;
  at += (4 - (at % 4)) % 4;
  const take = <A>(make: (buffer: ArrayBufferLike, offset: number, count: number) => A, count: number, width: number): A => {
    const bytes = count * width;
    const start = data.byteOffset + at;
    at += bytes + ((4 - (bytes % 4)) % 4);
    // A copy of its own, aligned however the driver handed the bytes over, so the stored form (with its
    // text header, already parsed) can be freed.
    return make(data.buffer.slice(start, start + bytes), 0, count);
  };
  const [nVersions, nGroups, nPost, nTf, nLength] = lengths as [number, number, number, number, number];
  const u32 = (b: ArrayBufferLike, o: number, n: number) => new Uint32Array(b, o, n);
  const versions = take(u32, nVersions, 4);
  const groupStart = take(u32, nGroups, 4);
  const postDoc = take(u32, nPost, 4);
  const postTf = take((b, o, n) => new Uint8Array(b, o, n), nTf, 1);
  const fieldLength = take((b, o, n) => new Uint16Array(b, o, n), nLength, 2);
  const metas = header.metas.map(([facets, lat, lon, remote, publishedAt, until, slots, setting], d) => {
    const key = header.keys[d] as string;
    const at = key.indexOf(":");
    const meta: DocMeta = {
      kind: key.slice(0, at) as DocMeta["kind"],
      id: key.slice(at + 1),
      facets: header.facets[facets] as DocMeta["facets"],
      lat,
      lon,
      remote: remote === 1,
      publishedAt,
      until,
    };
    if (slots >= 0) meta.slots = header.facets[slots] as string[];
    if (setting) meta.setting = setting;
    return meta;
  });
  return {
    lang: header.lang,
    segment: {
      keys: header.keys,
      metas,
      versions,
      terms: header.terms,
      vocabulary: vocabularyOf(header.terms),
      groupStart,
      postDoc,
      postTf,
      fieldLength,
    },
  };
}
