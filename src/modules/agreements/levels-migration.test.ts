import { Migrator, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, createTestDb, dialects, type TestDb } from "../../../test/harness.js";
import { migrateToLatest } from "../../db/migrate.js";
import { migrations } from "../../db/migrations/index.js";

const MINE = "20261201_0720_agreement_levels";

/** The levels migration on a database that already holds agreements: up seeds the scale and keeps their levels; down goes back. */
describe.each(dialects())("the agreement levels migration [%s]", (dialect) => {
  let t: TestDb;
  const before = Object.keys(migrations)
    .sort()
    .filter((name) => name < MINE)
    .at(-1) as string;
  const migrator = () => new Migrator({ db: t.db, provider: { getMigrations: async () => migrations } });
  const agreement = (id: string, tenantId: string, level: string) =>
    sql`insert into agreements (id, tenant_id, series_id, title, purpose, level, status, municipal_unit, municipality_gives, starts_on, is_public,
      contact_name, contact_email, contact_phone, notes, created_at, updated_at)
      values (${id}, ${tenantId}, ${id}, 'Aftale', 'Formål', ${level}, 'agreed', 'Enhed', '', '2027-01-01', 1, '', '', '', '', '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z')`.execute(
      t.db,
    );
  let tenantId = "";

  beforeAll(async () => {
    t = await createTestDb(dialect, { migrate: false });
    const { error } = await migrator().migrateTo(before);
    if (error) throw error;
    tenantId = (await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true })).id;
    await agreement("a1", tenantId, "partnership");
  });
  afterAll(() => t.destroy());

  it("gives every tenant the four defaults and leaves each agreement its level", async () => {
    await migrateToLatest(t.db);
    const levels = await t.db.selectFrom("agreement_levels").select(["id", "names"]).where("tenant_id", "=", tenantId).orderBy("position").execute();
    expect(levels.map((l) => l.id)).toEqual(["information", "dialogue", "cooperation", "partnership"]);
    expect(JSON.parse(levels[3]?.names ?? "{}")).toMatchObject({ da: "Partnerskab", en: "Partnership" });
    expect((await t.db.selectFrom("agreements").select(["level", "end_note"]).where("id", "=", "a1").executeTakeFirstOrThrow()).level).toBe("partnership");
  });

  it("goes down with a tenant's own level falling back to cooperation, and up again", async () => {
    await t.db
      .insertInto("agreement_levels")
      .values({ tenant_id: tenantId, id: "own", position: 4, names: '{"da":"Egen"}', descriptions: "{}", created_at: "x", updated_at: "x" })
      .execute();
    await agreement("a2", tenantId, "own");
    const { error } = await migrator().migrateTo(before);
    if (error) throw error;
    const rows = await sql<{ id: string; level: string }>`select id, level from agreements order by id`.execute(t.db);
    expect(rows.rows).toEqual([
      { id: "a1", level: "partnership" },
      { id: "a2", level: "cooperation" },
    ]);
    await migrateToLatest(t.db);
    expect(await t.db.selectFrom("agreement_levels").select("id").where("tenant_id", "=", tenantId).execute()).toHaveLength(4);
  });
});
