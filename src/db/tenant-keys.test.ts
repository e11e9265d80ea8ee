import { type Kysely, Migrator } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAssociation,
  createPerson,
  createPublishedJob,
  createTenant,
  createTestDb,
  dialects,
  type TenantFixture,
  type TestDb,
} from "../../test/harness.js";
import { newId } from "../platform/ids.js";
import type { Database } from "./database.js";
import { TENANT_REFERENCES } from "./migrations/20261126_0015_tenant_keys.js";
import { migrations } from "./migrations/index.js";

type Referenced = (typeof TENANT_REFERENCES)[number][2];
const NOW = "2026-11-22T10:00:00.000Z";

/** One row in every table that names another, all inside one tenant; returns the id of each named row. */
async function seed(db: Database, tenant: TenantFixture, n: number): Promise<Record<Referenced, string>> {
  const association = await createAssociation(db, tenant, `Forening ${n}`);
  const person = await createPerson(db, tenant, { email: `person${n}@test`, memberships: [{ associationId: association.id, role: "admin" }] });
  const staff = await createPerson(db, tenant, { email: `staff${n}@test`, roles: ["staff"] });
  const category = (await db.selectFrom("taxonomy_terms").select("id").where("tenant_id", "=", tenant.id).executeTakeFirstOrThrow()).id;
  const job = await createPublishedJob(db, tenant, association, { title: `Job ${n}`, category: "social" });
  const ids = {
    files: newId(),
    oidc_providers: newId(),
    applications: newId(),
    premises: newId(),
    bookings: newId(),
    booking_occurrences: newId(),
    allocation_rounds: newId(),
  };
  const t = tenant.id;
  await db
    .insertInto("files")
    .values({ id: ids.files, tenant_id: t, content_type: "image/png", size: 1, data: Buffer.from([1]), created_at: NOW })
    .execute();
  await db.updateTable("associations").set({ logo_file_id: ids.files }).where("id", "=", association.id).execute();
  await db
    .insertInto("oidc_providers")
    .values({ id: ids.oidc_providers, tenant_id: t, slug: `idp${n}`, label: "IdP", issuer: "https://idp.test", client_id: "c", secret_name: "S" })
    .execute();
  await db
    .insertInto("user_identities")
    .values({ tenant_id: t, provider_id: ids.oidc_providers, subject: `sub${n}`, user_id: person.id, created_at: NOW })
    .execute();
  await db
    .insertInto("sessions")
    .values({ id_hash: newId(), tenant_id: t, user_id: person.id, active_association_id: association.id, created_at: NOW, last_seen_at: NOW, expires_at: NOW })
    .execute();
  await db
    .insertInto("email_tokens")
    .values({ token_hash: newId(), tenant_id: t, user_id: person.id, email: person.email, purpose: "reset", created_at: NOW, expires_at: NOW })
    .execute();
  await db
    .insertInto("applications")
    .values({
      id: ids.applications,
      tenant_id: t,
      opportunity_id: job.id,
      user_id: person.id,
      name: "Ansøger",
      email: person.email,
      message: "Hej",
      status: "new",
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
  await db
    .insertInto("application_messages")
    .values({ id: newId(), tenant_id: t, application_id: ids.applications, sender: "association", author_id: person.id, body: "Hej", created_at: NOW })
    .execute();
  await db
    .insertInto("volunteer_profiles")
    .values({
      tenant_id: t,
      user_id: person.id,
      interests: "",
      skills: "",
      time_slots: "",
      languages: "",
      needs: "",
      setting: "any",
      rhythm: "any",
      updated_at: NOW,
    })
    .execute();
  await db
    .insertInto("matching_consents")
    .values({ id: newId(), tenant_id: t, citizen_id: person.id, staff_id: staff.id, note: "Ja", given_at: NOW })
    .execute();
  await db
    .insertInto("saved_searches")
    .values({ id: newId(), tenant_id: t, user_id: person.id, query: "q=x", frequency: "daily", last_sent_at: NOW, created_at: NOW })
    .execute();
  await db
    .insertInto("offers")
    .values({
      id: newId(),
      tenant_id: t,
      association_id: association.id,
      kind: "activity",
      title: "Strik",
      description: "Vi strikker",
      category_id: category,
      target_groups: "",
      time_slots: "",
      time_text: "Onsdag",
      online: 0,
      accessibility: "",
      languages: "da",
      price: "free",
      contact_email: "a@test",
      status: "published",
      created_at: NOW,
      updated_at: NOW,
      confirmed_at: NOW,
    })
    .execute();
  const building = newId();
  await db
    .insertInto("premises")
    .values({ id: building, tenant_id: t, parent_id: null, kind: "building", name: "Hus", created_at: NOW, updated_at: NOW })
    .execute();
  await db
    .insertInto("premises")
    .values({ id: ids.premises, tenant_id: t, parent_id: building, kind: "room", name: "Rum", created_at: NOW, updated_at: NOW })
    .execute();
  await db.insertInto("premise_hours").values({ id: newId(), tenant_id: t, premise_id: ids.premises, weekday: 1, opens: "08:00", closes: "22:00" }).execute();
  await db
    .insertInto("premise_closures")
    .values({ id: newId(), tenant_id: t, premise_id: ids.premises, from_date: "2026-12-24", to_date: "2026-12-26", reason: "Jul" })
    .execute();
  await db
    .insertInto("premise_photos")
    .values({ id: newId(), tenant_id: t, premise_id: ids.premises, file_id: ids.files, alt: "Rummet", created_at: NOW })
    .execute();
  await db
    .insertInto("bookings")
    .values({
      id: ids.bookings,
      tenant_id: t,
      premise_id: ids.premises,
      association_id: association.id,
      user_id: person.id,
      purpose: "Møde",
      participants: 5,
      status: "approved",
      zone: "Europe/Copenhagen",
      start_date: "2026-12-01",
      start_time: "18:00",
      end_time: "20:00",
      created_at: NOW,
      updated_at: NOW,
    })
    .execute();
  await db
    .insertInto("booking_occurrences")
    .values({
      id: ids.booking_occurrences,
      tenant_id: t,
      booking_id: ids.bookings,
      premise_id: ids.premises,
      local_date: "2026-12-01",
      starts_at: "2026-12-01T17:00:00.000Z",
      ends_at: "2026-12-01T19:00:00.000Z",
      status: "active",
    })
    .execute();
  await db
    .insertInto("occupancy")
    .values({ occurrence_id: ids.booking_occurrences, tenant_id: t, premise_id: ids.premises, start_minute: 1000 * n, end_minute: 1000 * n + 120 })
    .execute();
  await db.insertInto("calendar_tokens").values({ token_hash: newId(), tenant_id: t, association_id: association.id, created_at: NOW }).execute();
  await db
    .insertInto("allocation_rounds")
    .values({ id: ids.allocation_rounds, tenant_id: t, name: "Sæson", season_from: "2027-08-01", season_to: "2027-12-20", status: "open", created_at: NOW })
    .execute();
  await db
    .insertInto("allocation_applications")
    .values({
      id: newId(),
      tenant_id: t,
      round_id: ids.allocation_rounds,
      association_id: association.id,
      user_id: person.id,
      purpose: "Træning",
      participants: 10,
      priority: 1,
      disability_use: 0,
      minutes: 60,
      first_premise_id: ids.premises,
      first_weekday: 1,
      first_start: "18:00",
      second_premise_id: ids.premises,
      placed_premise_id: ids.premises,
      booking_id: ids.bookings,
      created_at: NOW,
    })
    .execute();
  return { ...ids, users: person.id, associations: association.id, opportunities: job.id, taxonomy_terms: category };
}

/** What each dialect says when it refuses a row for naming another tenant's row. */
const refusal = (table: string, column: string) => new RegExp(`${table}_${column}_tenant_fk|${table}\\.${column} names no`);

describe.each(dialects())("the database keeps every reference inside its tenant [%s]", (dialect) => {
  let t: TestDb;
  let a: TenantFixture;
  let theirs: Record<Referenced, string>;
  // biome-ignore lint/suspicious/noExplicitAny: the rows of every table, copied generically
  let raw: Kysely<any>;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    raw = t.db;
    a = await createTenant(t.db, { slug: "a", host: "a.test" });
    const b = await createTenant(t.db, { slug: "b", host: "b.test" });
    await seed(t.db, a, 1);
    theirs = await seed(t.db, b, 2);
  });
  afterAll(() => t.destroy());

  it.each(TENANT_REFERENCES.map(([table, column, target]) => ({ table, column, target })))(
    "refuses $table.$column naming another tenant's $target, on insert and on update",
    async ({ table, column, target }) => {
      const row = await raw.selectFrom(table).selectAll().where("tenant_id", "=", a.id).limit(1).executeTakeFirstOrThrow();
      const copy = { ...row, [column]: theirs[target] };
      for (const key of ["id", "id_hash", "token_hash", "subject"]) if (key in copy && key !== column) copy[key] = newId();
      // One application per address and job: the copy applies from an address of its own.
      if (table === "applications") copy.email = `${newId()}@copy.test`;
      // An occupancy row must not collide in time with the one it copies before its reference is checked.
      if ("start_minute" in copy) Object.assign(copy, { start_minute: 500_000, end_minute: 500_060 });
      await expect(raw.insertInto(table).values(copy).execute()).rejects.toThrow(refusal(table, column));
      await expect(
        raw
          .updateTable(table)
          .set({ [column]: theirs[target] })
          .where("tenant_id", "=", a.id)
          .execute(),
      ).rejects.toThrow(refusal(table, column));
      expect(await raw.selectFrom(table).select(column).where(column, "=", theirs[target]).where("tenant_id", "=", a.id).execute()).toEqual([]);
    },
  );

  it("refuses to move a row that others name to another tenant", async () => {
    const b = await raw.selectFrom("tenants").select("id").where("slug", "=", "b").executeTakeFirstOrThrow();
    await expect(raw.updateTable("associations").set({ tenant_id: b.id }).where("tenant_id", "=", a.id).execute()).rejects.toThrow();
    expect((await raw.selectFrom("associations").select("id").where("tenant_id", "=", a.id).execute()).length).toBe(1);
  });

  it("lets a tenant's rows go as before: deleting a person takes what cascades with them", async () => {
    const person = await createPerson(t.db, a, { email: "leaving@test" });
    await t.db
      .insertInto("saved_searches")
      .values({ id: newId(), tenant_id: a.id, user_id: person.id, query: "q", frequency: "daily", last_sent_at: NOW, created_at: NOW })
      .execute();
    await t.db.deleteFrom("users").where("id", "=", person.id).execute();
    expect(await t.db.selectFrom("saved_searches").select("id").where("user_id", "=", person.id).execute()).toEqual([]);
  });
});

describe.each(dialects())("upgrading a database that holds a cross-tenant row [%s]", (dialect) => {
  it("stops and names the rows to correct", async () => {
    const t = await createTestDb(dialect);
    try {
      const names = Object.keys(migrations).sort();
      const before = names[names.indexOf("20261126_0015_tenant_keys") - 1] as string;
      const migrator = new Migrator({ db: t.db, provider: { getMigrations: async () => migrations } });
      // Back to the schema before the keys, where such a row could still be written.
      const down = await migrator.migrateTo(before);
      if (down.error) throw down.error;
      const a = await createTenant(t.db, { slug: "a", host: "a.test" });
      const b = await createTenant(t.db, { slug: "b", host: "b.test" });
      const foreign = await createAssociation(t.db, b, "Fremmed");
      await createPerson(t.db, a, { email: "p@test", memberships: [{ associationId: foreign.id, role: "admin" }] });
      const { error } = await migrator.migrateToLatest();
      expect(String(error)).toContain("association_members.association_id: 1");
    } finally {
      await t.destroy();
    }
  });
});
