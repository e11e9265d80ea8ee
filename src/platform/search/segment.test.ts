import { describe, expect, it } from "vitest";
import type { SearchDocument } from "./documents.js";
import { buildSegment, type DocMeta, dayMs, deserializeSegment, expired, MetaCursor, metaAt, ordinalOf, type Segment, serializeSegment } from "./segment.js";

const doc = (id: string, d: Partial<SearchDocument> = {}): SearchDocument => ({
  kind: "opportunity",
  id,
  title: `Job ${id}`,
  subtitle: "Forening",
  text: "Besøgsven for ældre",
  keywords: "",
  url: `/opportunities/${id}`,
  facets: { category: ["elderly"], commitment: ["weekly"] },
  postcode: null,
  lat: 56.156_712_345_678_9,
  lon: 10.210_812_345_678_9,
  remote: false,
  publishedAt: "2026-11-01T09:15:30.123Z",
  until: "2027-06-30",
  ...d,
});

/** Documents with and without a place, a last day, week slots and a setting, and dates written in other ways. */
const docs: SearchDocument[] = [
  doc("a", { slots: ["tue-morning", "wed-evening"], setting: "one_to_one" }),
  doc("b", { lat: null, lon: null, remote: true, until: null, slots: [], setting: "any" }),
  doc("c", { facets: { category: ["sport"] }, until: "2026-10-01", publishedAt: "2025-01-01T00:00:00.000Z" }),
  doc("d", { publishedAt: "2026-11-01 09:15:30+00", until: "31.12.2027", slots: ["tue-morning", "wed-evening"] }),
  doc("e", { lat: -33.868_82, lon: 151.209_29, setting: "group", publishedAt: "0999-12-31T23:59:59.999Z", until: "0999-12-31" }),
  { ...doc("f"), kind: "association", facets: {}, until: null },
  { ...doc("g"), kind: "offer", lat: 0, lon: 0 },
];

/** What search and matching knew of a document before: the fields as the document has them. */
function expected(d: SearchDocument): DocMeta {
  const meta: DocMeta = {
    kind: d.kind,
    id: d.id,
    facets: d.facets,
    lat: d.lat,
    lon: d.lon,
    remote: d.remote,
    publishedAt: d.publishedAt,
    until: d.until,
  };
  if (d.slots) meta.slots = d.slots;
  if (d.setting) meta.setting = d.setting;
  return meta;
}

const build = () =>
  buildSegment(
    docs.map((d, i) => ({ key: `${d.kind}:${d.id}`, doc: d, version: i + 1 })),
    "da",
  );
const metas = (segment: Segment) => segment.keys.map((_, d) => metaAt(segment, d));
const byKey = (list: SearchDocument[]) => [...list].sort((a, b) => (`${a.kind}:${a.id}` < `${b.kind}:${b.id}` ? -1 : 1)).map(expected);

describe("a segment's metadata in columns", () => {
  it("gives every document's metadata back exactly, built and after a round trip through its stored form", () => {
    const built = build();
    expect(metas(built)).toEqual(byKey(docs));
    const loaded = deserializeSegment(serializeSegment(built, "da"));
    expect(loaded?.lang).toBe("da");
    const segment = loaded?.segment as Segment;
    expect(metas(segment)).toEqual(byKey(docs));
    expect(segment.keys).toEqual(built.keys);
    expect([...segment.versions]).toEqual([...built.versions]);
    expect([...segment.postDoc]).toEqual([...built.postDoc]);
    expect([...segment.meta.byLatitude]).toEqual([...built.meta.byLatitude]);
    expect(segment.meta.odd).toEqual(built.meta.odd);
    // Equal facet objects and slot lists are one object, before and after.
    for (const s of [built, segment]) {
      const [a, d] = [ordinalOf(s, "opportunity:a"), ordinalOf(s, "opportunity:d")];
      expect(metaAt(s, a).slots).toBe(metaAt(s, d).slots);
      expect(metaAt(s, a).facets).toBe(metaAt(s, d).facets);
    }
  });

  it("reads the same through a cursor moved from document to document", () => {
    const segment = build();
    const cursor = new MetaCursor(segment);
    for (let d = 0; d < segment.keys.length; d++) {
      cursor.at(segment, d, 100 + d);
      const { kind, id, facets, lat, lon, remote, publishedAt, until, slots, setting } = cursor;
      const read: DocMeta = { kind, id, facets, lat, lon, remote, publishedAt, until };
      if (slots) read.slots = slots;
      if (setting) read.setting = setting;
      expect(read).toEqual(metaAt(segment, d));
      expect(cursor.copy()).toEqual(metaAt(segment, d));
      expect(cursor.key).toBe(segment.keys[d]);
      expect(cursor.handle).toBe(100 + d);
    }
  });

  it("tells an expired document exactly as comparing the dates as text does, however the dates are written", () => {
    const segment = build();
    for (const today of ["2026-11-22", "2027-06-30", "2027-07-01", "0999-12-31", "1000-01-01", "2026-11-22T10:00", "31.12.2027", ""]) {
      for (let d = 0; d < segment.keys.length; d++) {
        const until = metaAt(segment, d).until;
        expect([today, segment.keys[d], expired(segment.meta, d, today, dayMs(today))]).toEqual([today, segment.keys[d], until !== null && until < today]);
      }
    }
  });

  it("ignores a segment stored in an older format, so the index is built from the rows instead", () => {
    const header = Buffer.from(JSON.stringify({ format: 3, lang: "da", keys: [], terms: [], facets: [], metas: [] }));
    const head = Buffer.alloc(24);
    head.writeUInt32LE(header.length, 0);
    expect(deserializeSegment(Buffer.concat([head, header]))).toBeNull();
  });
});
