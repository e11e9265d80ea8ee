import SearchableMap from "minisearch/SearchableMap";
import { isLang, LANGUAGES, type Lang } from "../i18n/i18n.js";
import { indexTerms, queryTerm } from "./analyzer.js";
import { SEARCH_KINDS, type SearchDocument } from "./documents.js";

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
 * What search and matching know of every document of a segment besides its words, as one column per
 * field rather than one object per document: a national list costs a few typed arrays, not a hundred
 * thousand objects on the heap.
 */
export interface MetaColumns {
  /** The distinct facet objects, slot lists and settings; equal ones are one entry, which documents point to. */
  table: unknown[];
  /** The kind's place in SEARCH_KINDS; OTHER_KIND when it is none of them (then the key says it). */
  kind: Uint8Array;
  facets: Uint32Array;
  /** -1 when the document has no slot list or no setting. */
  slots: Int32Array;
  setting: Int32Array;
  /** NaN when the document has no place. */
  lat: Float64Array;
  lon: Float64Array;
  remote: Uint8Array;
  /** publishedAt as milliseconds when it is an instant as toISOString writes it (so the numbers sort as the texts do); NaN when not, and the text is in `odd`. */
  published: Float64Array;
  /** until as the milliseconds of its day when it is a date as YYYY-MM-DD; NO_END when it has none; NaN when neither, and the text is in `odd`. */
  until: Float64Array;
  /** The dates written some other way, by document, exactly as they came. */
  odd: Map<number, { publishedAt?: string; until?: string }>;
  /** The documents in order of latitude (see latitudeKey), so those near one can be found without visiting the rest. */
  byLatitude: Int32Array;
}

export const OTHER_KIND = 255;
export const NO_END = Number.POSITIVE_INFINITY;
const KIND_CODES = new Map<string, number>(SEARCH_KINDS.map((k, i) => [k, i]));

/**
 * An immutable block of the index: documents numbered 0…n-1, each word's postings as typed arrays
 * (which document, in which field, how often), grouped by term and then by field. Small enough to
 * hold a national job board in a few tens of megabytes, and stored whole in the database so an
 * instance loads it instead of analysing every text again.
 */
export interface Segment {
  keys: string[];
  meta: MetaColumns;
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

/** Milliseconds of an instant written as toISOString writes it, with a four-digit year; NaN for any other text. */
export function instantMs(text: string): number {
  if (text.length !== 24) return Number.NaN;
  const ms = Date.parse(text);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === text ? ms : Number.NaN;
}
/** Milliseconds of a day written YYYY-MM-DD; NaN for any other text. */
export function dayMs(text: string): number {
  if (text.length !== 10) return Number.NaN;
  const ms = Date.parse(text);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === text ? ms : Number.NaN;
}

/** The document's publishedAt as it came. */
export function publishedText(meta: MetaColumns, d: number): string {
  const ms = meta.published[d] as number;
  return !Number.isNaN(ms) ? new Date(ms).toISOString() : (meta.odd.get(d)?.publishedAt as string);
}

/** The document's last day as it came, or null. */
export function untilText(meta: MetaColumns, d: number): string | null {
  const ms = meta.until[d] as number;
  if (ms === NO_END) return null;
  return !Number.isNaN(ms) ? new Date(ms).toISOString().slice(0, 10) : (meta.odd.get(d)?.until as string);
}

export const kindAt = (segment: Segment, d: number): DocMeta["kind"] => {
  const code = segment.meta.kind[d] as number;
  if (code !== OTHER_KIND) return SEARCH_KINDS[code] as DocMeta["kind"];
  const key = segment.keys[d] as string;
  return key.slice(0, key.indexOf(":")) as DocMeta["kind"];
};

/** Document d's metadata as an object of its own: for the few documents shown or kept, not for every one. */
export function metaAt(segment: Segment, d: number): DocMeta {
  const m = segment.meta;
  const key = segment.keys[d] as string;
  const lat = m.lat[d] as number;
  const lon = m.lon[d] as number;
  const meta: DocMeta = {
    kind: kindAt(segment, d),
    id: key.slice(key.indexOf(":") + 1),
    facets: m.table[m.facets[d] as number] as DocMeta["facets"],
    lat: !Number.isNaN(lat) ? lat : null,
    lon: !Number.isNaN(lon) ? lon : null,
    remote: m.remote[d] === 1,
    publishedAt: publishedText(m, d),
    until: untilText(m, d),
  };
  const slots = m.slots[d] as number;
  if (slots >= 0) meta.slots = m.table[slots] as string[];
  const setting = m.setting[d] as number;
  if (setting >= 0) meta.setting = m.table[setting] as DocMeta["setting"];
  return meta;
}

/**
 * Document d of a segment read in place: one object moved from document to document, so a pass over
 * every document allocates nothing. `copy()` gives one of its own to keep.
 */
export class MetaCursor implements DocMeta {
  segment: Segment;
  d = 0;
  /** The document's number in the view it was read from. */
  handle = 0;
  // The segment's columns, held directly: a getter reads one array.
  private columns!: MetaColumns;
  private kinds!: Uint8Array;
  private lats!: Float64Array;
  private lons!: Float64Array;
  private remotes!: Uint8Array;
  private facetsAt!: Uint32Array;
  private slotsAt!: Int32Array;
  private settingAt!: Int32Array;
  private table!: unknown[];
  constructor(segment: Segment) {
    this.segment = segment;
    this.bind(segment);
  }
  private bind(segment: Segment) {
    const m = segment.meta;
    this.columns = m;
    this.kinds = m.kind;
    this.lats = m.lat;
    this.lons = m.lon;
    this.remotes = m.remote;
    this.facetsAt = m.facets;
    this.slotsAt = m.slots;
    this.settingAt = m.setting;
    this.table = m.table;
  }
  at(segment: Segment, d: number, handle: number): this {
    if (segment !== this.segment) {
      this.segment = segment;
      this.bind(segment);
    }
    this.d = d;
    this.handle = handle;
    return this;
  }
  get key(): string {
    return this.segment.keys[this.d] as string;
  }
  get kind(): DocMeta["kind"] {
    const code = this.kinds[this.d] as number;
    return code !== OTHER_KIND ? (SEARCH_KINDS[code] as DocMeta["kind"]) : kindAt(this.segment, this.d);
  }
  get id(): string {
    const key = this.key;
    return key.slice(key.indexOf(":") + 1);
  }
  get facets(): DocMeta["facets"] {
    return this.table[this.facetsAt[this.d] as number] as DocMeta["facets"];
  }
  get lat(): number | null {
    const v = this.lats[this.d] as number;
    return !Number.isNaN(v) ? v : null;
  }
  get lon(): number | null {
    const v = this.lons[this.d] as number;
    return !Number.isNaN(v) ? v : null;
  }
  get remote(): boolean {
    return this.remotes[this.d] === 1;
  }
  get publishedAt(): string {
    return publishedText(this.columns, this.d);
  }
  get until(): string | null {
    return untilText(this.columns, this.d);
  }
  /** Whether the document's last day is before `today` (a date as YYYY-MM-DD, its milliseconds in todayMs, or NaN when written otherwise). */
  expiredBy(today: string, todayMs: number): boolean {
    return expired(this.columns, this.d, today, todayMs);
  }
  get slots(): string[] | undefined {
    const at = this.slotsAt[this.d] as number;
    return at >= 0 ? (this.table[at] as string[]) : undefined;
  }
  get setting(): DocMeta["setting"] {
    const at = this.settingAt[this.d] as number;
    return at >= 0 ? (this.table[at] as DocMeta["setting"]) : undefined;
  }
  copy(): DocMeta {
    return metaAt(this.segment, this.d);
  }
}

/** `until < today` as the texts compare, by their numbers when both are written the usual way. */
export function expired(meta: MetaColumns, d: number, today: string, todayMs: number): boolean {
  const until = meta.until[d] as number;
  if (until === NO_END) return false;
  if (!Number.isNaN(until) && !Number.isNaN(todayMs)) return until < todayMs;
  return (untilText(meta, d) as string) < today;
}

/** Where document d sorts in byLatitude: remote documents and those without a place, which no distance rules out, come first. */
const latitudeKey = (m: MetaColumns, d: number): number =>
  m.remote[d] === 1 || Number.isNaN(m.lat[d]) || Number.isNaN(m.lon[d]) ? Number.NEGATIVE_INFINITY : (m.lat[d] as number);

/** The first place in byLatitude whose key is at least `key`, or above it when `above`. */
function latitudeBound(m: MetaColumns, key: number, above: boolean): number {
  let lo = 0;
  let hi = m.byLatitude.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = latitudeKey(m, m.byLatitude[mid] as number);
    if (k < key || (above && k === key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A stretch of latitudes, in degrees. */
export interface LatitudeBand {
  min: number;
  max: number;
}

/**
 * Two stretches of byLatitude, [from, to) each: the documents no distance rules out, and those placed
 * within the band.
 */
export function latitudeStretches(m: MetaColumns, band: LatitudeBand): [number, number, number, number] {
  const placed = latitudeBound(m, Number.NEGATIVE_INFINITY, true);
  return [0, placed, Math.max(placed, latitudeBound(m, band.min, false)), latitudeBound(m, band.max, true)];
}

/** Equal facet lists, slot lists and settings are one entry of the table, so a hundred thousand documents share a few hundred. */
function columnsOf(docs: SearchDocument[]): MetaColumns {
  const n = docs.length;
  const table: unknown[] = [];
  const entries = new Map<string, number>();
  const entry = (value: unknown): number => {
    const key = JSON.stringify(value);
    let at = entries.get(key);
    if (at === undefined) {
      at = table.length;
      table.push(value);
      entries.set(key, at);
    }
    return at;
  };
  const m: MetaColumns = {
    table,
    kind: new Uint8Array(n),
    facets: new Uint32Array(n),
    slots: new Int32Array(n),
    setting: new Int32Array(n),
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    remote: new Uint8Array(n),
    published: new Float64Array(n),
    until: new Float64Array(n),
    odd: new Map(),
    byLatitude: new Int32Array(n),
  };
  for (let d = 0; d < n; d++) {
    const doc = docs[d] as SearchDocument;
    m.kind[d] = KIND_CODES.get(doc.kind) ?? OTHER_KIND;
    m.facets[d] = entry(doc.facets);
    m.slots[d] = doc.slots ? entry(doc.slots) : -1;
    m.setting[d] = doc.setting ? entry(doc.setting) : -1;
    m.lat[d] = doc.lat ?? Number.NaN;
    m.lon[d] = doc.lon ?? Number.NaN;
    m.remote[d] = doc.remote ? 1 : 0;
    m.published[d] = instantMs(doc.publishedAt);
    m.until[d] = doc.until === null ? NO_END : dayMs(doc.until);
    const oddPublished = Number.isNaN(m.published[d]);
    const oddUntil = Number.isNaN(m.until[d]);
    if (oddPublished || oddUntil)
      m.odd.set(d, { ...(oddPublished ? { publishedAt: doc.publishedAt } : {}), ...(oddUntil ? { until: doc.until as string } : {}) });
    m.byLatitude[d] = d;
  }
  const keys = Float64Array.from(m.byLatitude, (d) => latitudeKey(m, d));
  // Stable, so equal keys keep the documents' order; -Infinity less -Infinity is NaN, which sort takes as equal.
  m.byLatitude.sort((a, b) => (keys[a] as number) - (keys[b] as number));
  return m;
}

export function buildSegment(inputs: SegmentInput[], lang: Lang): Segment {
  const sorted = [...inputs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const n = sorted.length;
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
    meta: columnsOf(sorted.map((s) => s.doc)),
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

// ——— Stored form: the format's number, one JSON header (keys, terms, the metadata's table and odd dates),
// then the typed arrays, each 4-byte aligned.

/** Stored first, as a number of four bytes; older formats began with their header's length, which is never this small. */
const FORMAT = 5;
type Arrays = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;
type ArrayMaker = { new (buffer: ArrayBufferLike, offset: number, length: number): Arrays; BYTES_PER_ELEMENT: number };
const ARRAYS: [(s: Segment) => Arrays, ArrayMaker][] = [
  [(s) => s.versions, Uint32Array],
  [(s) => s.groupStart, Uint32Array],
  [(s) => s.postDoc, Uint32Array],
  [(s) => s.postTf, Uint8Array],
  [(s) => s.fieldLength, Uint16Array],
  [(s) => s.meta.kind, Uint8Array],
  [(s) => s.meta.facets, Uint32Array],
  [(s) => s.meta.slots, Int32Array],
  [(s) => s.meta.setting, Int32Array],
  [(s) => s.meta.lat, Float64Array],
  [(s) => s.meta.lon, Float64Array],
  [(s) => s.meta.remote, Uint8Array],
  [(s) => s.meta.published, Float64Array],
  [(s) => s.meta.until, Float64Array],
  [(s) => s.meta.byLatitude, Int32Array],
];

/** The format a stored segment is in, from its first four bytes. */
export const isCurrentFormat = (head: Buffer): boolean => head.length >= 4 && head.readUInt32LE(0) === FORMAT;

export function serializeSegment(segment: Segment, lang: Lang): Buffer {
  const odd = [...segment.meta.odd].map(([d, texts]) => [d, texts.publishedAt ?? null, texts.until ?? null]);
  const header = Buffer.from(JSON.stringify({ lang, keys: segment.keys, terms: segment.terms, table: segment.meta.table, odd }));
  const parts: Buffer[] = [];
  const head = Buffer.alloc(8 + 4 * ARRAYS.length);
  head.writeUInt32LE(FORMAT, 0);
  head.writeUInt32LE(header.length, 4);
  for (const [i, [of]] of ARRAYS.entries()) {
    const array = of(segment);
    const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    head.writeUInt32LE(array.length, 8 + 4 * i);
    parts.push(bytes, Buffer.alloc((4 - (bytes.length % 4)) % 4));
  }
  const pad = Buffer.alloc((4 - ((head.length + header.length) % 4)) % 4);
  return Buffer.concat([head, header, pad, ...parts]);
}

/** The segment stored in `data`, or null when it was stored in another format (then it is built again from the rows). */
export function deserializeSegment(data: Buffer): { segment: Segment; lang: Lang } | null {
  if (!isCurrentFormat(data)) return null;
  const headerLength = data.readUInt32LE(4);
  let at = 8 + 4 * ARRAYS.length;
  const header = JSON.parse(data.toString("utf8", at, at + headerLength)) as {
    lang: Lang;
    keys: string[];
    terms: string[];
    table: unknown[];
    odd: [number, string | null, string | null][];
  };
  at += headerLength;
  at += (4 - (at % 4)) % 4;
  const arrays = ARRAYS.map(([, Make], i) => {
    const count = data.readUInt32LE(8 + 4 * i);
    const bytes = count * Make.BYTES_PER_ELEMENT;
    const start = data.byteOffset + at;
    at += bytes + ((4 - (bytes % 4)) % 4);
    // Read in place where the bytes are aligned for the type: no copy, and nothing left over for the collector
    // while the instance starts (the part's bytes then live as long as the index). Elsewhere a copy of its own.
    return start % Make.BYTES_PER_ELEMENT === 0 ? new Make(data.buffer, start, count) : new Make(data.buffer.slice(start, start + bytes), 0, count);
  });
  const [versions, groupStart, postDoc, postTf, fieldLength, kind, facets, slots, setting, lat, lon, remote, published, until, byLatitude] = arrays as [
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint8Array,
    Uint16Array,
    Uint8Array,
    Uint32Array,
    Int32Array,
    Int32Array,
    Float64Array,
    Float64Array,
    Uint8Array,
    Float64Array,
    Float64Array,
    Int32Array,
  ];
  const odd: MetaColumns["odd"] = new Map(
    header.odd.map(([d, publishedAt, until]) => [d, { ...(publishedAt !== null ? { publishedAt } : {}), ...(until !== null ? { until } : {}) }]),
  );
  return {
    lang: header.lang,
    segment: {
      keys: header.keys,
      meta: { table: header.table, kind, facets, slots, setting, lat, lon, remote, published, until, odd, byLatitude },
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
