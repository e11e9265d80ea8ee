import { Migrator } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssociation, createTenant, createTestDb, dialects, type TestDb } from "../../../test/harness.js";
import { newId } from "../../platform/ids.js";
import { migrations } from "./index.js";

const CLEANUP = "20261126_0016_mail_claims_and_orphan_files";

describe.each(dialects())("the migration that collects orphaned files [%s]", (dialect) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(dialect);
  });
  afterAll(() => t.destroy());

  it("deletes the files of replaced logos and removed photos, and keeps those in use", async () => {
    const names = Object.keys(migrations).sort();
    const migrator = new Migrator({ db: t.db, provider: { getMigrations: async () => migrations } });
    const back = await migrator.migrateTo(names[names.indexOf(CLEANUP) - 1] ?? "");
    expect(back.error).toBeUndefined();

    const tenant = await createTenant(t.db, { slug: "a", host: "a.test", isDefault: true });
    const club = await createAssociation(t.db, tenant, "Klubben");
    const file = async () => {
      const id = newId();
      const row = { id, tenant_id: tenant.id, content_type: "image/png", size: 1, data: Buffer.from([1]), created_at: "2026-11-01T00:00:00.000Z" };
      await t.db.insertInto("files").values(row).execute();
      return id;
    };
    const [logo, photo, oldLogo, removedPhoto] = [await file(), await file(), await file(), await file()];
    await t.db.updateTable("associations").set({ logo_file_id: logo }).where("id", "=", club.id).execute();
    const premise = newId();
    const at = "2026-11-01T00:00:00.000Z";
    await t.db
      .insertInto("premises")
      .values({
        id: premise,
        tenant_id: tenant.id,
        parent_id: null,
        name: "Salen",
        kind: "room",
        address: null,
        postcode: null,
        capacity: null,
        size_m2: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await t.db
      .insertInto("premise_photos")
      .values({ id: newId(), tenant_id: tenant.id, premise_id: premise, file_id: photo, alt: "Salen", created_at: at })
      .execute();

    const forward = await migrator.migrateToLatest();
    expect(forward.error).toBeUndefined();
    const left = (await t.db.selectFrom("files").select("id").execute()).map((f) => f.id).sort();
    expect(left).toEqual([logo, photo].sort());
    expect(left).not.toContain(oldLogo);
    expect(left).not.toContain(removedPhoto);
  });
});
