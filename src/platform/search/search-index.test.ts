import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureDocuments, fixturePostcodes, fixtureQueries } from "../../../test/fixtures/search.js";
import { createTenant, createTestApp, createTestDb, dialects, type TenantFixture, TestClock, type TestDb, Visitor } from "../../../test/harness.js";
import { type DocumentInput, hideDocument, putDocument } from "./documents.js";
import { dropIndexes, tenantIndex } from "./search-index.js";
import { buildSnapshot, refreshSnapshots, SNAPSHOT_AFTER_CHANGES } from "./snapshots.js";
import { snapshotOf, snapshotStamp } from "./snapshots.repository.js";

describe.each(dialects())("the index loaded from a stored snapshot [%s]", (dialect) => {
  let t: TestDb;
  let tenant: TenantFixture;
  const clock = new TestClock();
  const answers = async () => {
    const visitor = new Visitor(createTestApp(t.db, { clock }).app, "s.test");
    const out: unknown[] = [];
    for (const { query } of fixtureQueries) out.push(await (await visitor.get(`/api/v1/search?${query}`)).json());
    return JSON.stringify(out);
  };

  beforeAll(async () => {
    t = await createTestDb(dialect);
    tenant = await createTenant(t.db, { slug: "s", host: "s.test", isDefault: true });
    await t.db
      .insertInto("postcodes")
      .values(fixturePostcodes.map(([code, name, lat, lon]) => ({ country: "DK", code, name, lat, lon })))
      .execute();
    for (const doc of fixtureDocuments) await putDocument(t.db, clock, tenant.id, "DK", doc);
  });
  afterAll(() => t.destroy());

  it("answers every query exactly as the index built from the rows does, from a snapshot stored in several parts", async () => {
    const fromRows = await answers();
    expect((await tenantIndex(t.db, tenant.id, "da")).base).toEqual([]);

    clock.advance(120_000);
    await buildSnapshot(t.db, clock, tenant.id, "da", 3);
    dropIndexes(t.db);
    const index = await tenantIndex(t.db, tenant.id, "da");
    expect(index.base).toHaveLength(Math.ceil(fixtureDocuments.length / 3));
    expect(index.base.reduce((n, p) => n + p.segment.keys.length, 0)).toBe(fixtureDocuments.length);
    expect(index.changed.size).toBe(0);
    expect(await answers()).toBe(fromRows);
  });

  it("reads a stored part piece by piece, and starts again when a new snapshot replaces the one it reads", async () => {
    const whole = await t.db.selectFrom("search_snapshots").select("data").where("tenant_id", "=", tenant.id).orderBy("part").execute();
    expect(whole.length).toBeGreaterThan(1);
    const inPieces = await snapshotOf(t.db, tenant.id, (data) => Buffer.from(data), 1000);
    expect(inPieces?.parts.map((p) => p.toString("hex"))).toEqual(whole.map((r) => Buffer.from(r.data).toString("hex")));
    expect(Math.max(...whole.map((r) => r.data.length))).toBeGreaterThan(1000);

    // A new snapshot lands after the first part is read: the load reads the new one from its first part.
    let rebuilt = false;
    const read = await snapshotOf(
      t.db,
      tenant.id,
      (data) => {
        if (!rebuilt) {
          rebuilt = true;
          clock.advance(1000);
          return buildSnapshot(t.db, clock, tenant.id, "da", 2).then(() => data.length);
        }
        return data.length;
      },
      1000,
    );
    const stamp = await snapshotStamp(t.db, tenant.id);
    expect(read?.builtAt).toBe(stamp?.builtAt);
    expect(read?.parts).toHaveLength(Math.ceil(fixtureDocuments.length / 2));
  });

  it("sees what changed after the snapshot at once, on this instance and on another", async () => {
    const [first, second] = fixtureDocuments as [DocumentInput, DocumentInput];
    const other = t.secondInstance();
    const ids = async (db: typeof t.db, q: string) => {
      const res = await new Visitor(createTestApp(db, { clock }).app, "s.test").get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      return ((await res.json()) as { data: { id: string; title: string }[] }).data;
    };
    const word = second.title.split(" ")[0] as string;
    expect((await ids(other, "besøgsven")).map((h) => h.id)).toContain(first.id);
    expect((await ids(other, word)).map((h) => h.id)).toContain(second.id);

    clock.advance(1000);
    await putDocument(t.db, clock, tenant.id, "DK", { ...first, title: "Vejviser på biblioteket" });
    await hideDocument(t.db, clock, tenant.id, second.kind, second.id);
    for (const db of [t.db, other]) {
      const found = await ids(db, "vejviser");
      expect(found.map((h) => [h.id, h.title])).toEqual([[first.id, "Vejviser på biblioteket"]]);
      expect((await ids(db, word)).map((h) => h.id)).not.toContain(second.id);
    }
  });

  it("is rebuilt by the background job only when enough has changed", async () => {
    const before = await snapshotStamp(t.db, tenant.id);
    clock.advance(1000);
    await refreshSnapshots(t.db, clock);
    expect(await snapshotStamp(t.db, tenant.id)).toEqual(before);

    const [template] = fixtureDocuments as [DocumentInput];
    for (let i = 0; i < SNAPSHOT_AFTER_CHANGES; i++)
      await putDocument(t.db, clock, tenant.id, "DK", { ...template, id: `many-${i}`, title: `Hjælper nummer ${i}` });
    clock.advance(1000);
    await refreshSnapshots(t.db, clock);
    const after = await snapshotStamp(t.db, tenant.id);
    expect(after?.builtAt).not.toBe(before?.builtAt);
    dropIndexes(t.db);
    const index = await tenantIndex(t.db, tenant.id, "da");
    expect(index.base.reduce((n, p) => n + p.segment.keys.length, 0)).toBe(fixtureDocuments.length - 1 + SNAPSHOT_AFTER_CHANGES);
    // Only the row hidden a moment ago is read beside the snapshot, and it shows nothing.
    expect([...index.changed.values()].filter((c) => c.doc !== null)).toEqual([]);
  });

  it("ignores a snapshot stored in an older format, answering from the rows, and the background job builds it again at once", async () => {
    const answersBefore = await answers();
    const header = Buffer.from(JSON.stringify({ format: 3, lang: "da", keys: [], terms: [], facets: [], metas: [] }));
    const head = Buffer.alloc(24);
    head.writeUInt32LE(header.length, 0);
    await t.db
      .updateTable("search_snapshots")
      .set({ data: Buffer.concat([head, header]) })
      .where("tenant_id", "=", tenant.id)
      .execute();
    const before = await snapshotStamp(t.db, tenant.id);
    dropIndexes(t.db);
    const fromRows = await tenantIndex(t.db, tenant.id, "da");
    expect(fromRows.base).toEqual([]);
    expect(await answers()).toBe(answersBefore);

    clock.advance(1000);
    await refreshSnapshots(t.db, clock);
    expect((await snapshotStamp(t.db, tenant.id))?.builtAt).not.toBe(before?.builtAt);
    dropIndexes(t.db);
    expect((await tenantIndex(t.db, tenant.id, "da")).base).not.toEqual([]);
    expect(await answers()).toBe(answersBefore);
  });
});
