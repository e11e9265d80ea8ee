// A synthetic municipality at national scale: 50,000 associations and 100,000 published jobs,
// written straight into the tables the way the services leave them (search documents included).

import { seedDemo } from "../scripts/demo-data.js";
import { demoPostcodes } from "../scripts/demo-postcodes.js";
import type { Config } from "../src/config.js";
import { type Database, openDatabase } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { opportunityDocument } from "../src/modules/opportunities/index.js";
import { toOpportunity } from "../src/modules/opportunities/opportunities.repository.js";
import { systemClock } from "../src/platform/clock.js";
import { newId } from "../src/platform/ids.js";
import { WEEK_SLOTS } from "../src/platform/week-slots.js";

const TASKS = [
  "besøgsven",
  "lektiehjælper",
  "fodboldtræner",
  "turleder",
  "kasserer",
  "kok",
  "chauffør",
  "samtaleleder",
  "cykelpilot",
  "oplæser",
  "mentor",
  "frivillig",
  "rådgiver",
  "hjælper",
  "værtinde",
  "tekniker",
];
const FOR = [
  "ældre borgere",
  "børn i 4.-6. klasse",
  "nytilkomne familier",
  "unge",
  "ensomme",
  "efterladte",
  "beboere på plejehjemmet",
  "mennesker med handicap",
];
const WORDS =
  "du hjælper med at lave mad spille kort gå tur lytte fortælle køre cykle læse højt træne hold lektier regnskab budget samtale kaffe fællesskab kursus weekend aften formiddag biblioteket hallen parken havnen".split(
    " ",
  );
const CATEGORIES = ["social", "children_youth", "elderly", "health", "learning", "integration", "culture", "sport", "nature", "counselling", "board"];
const SUITS = ["young", "seniors", "newcomers", "disabilities", "no_local_language"];

/** A small deterministic generator, so every run and both databases get the same data. */
export function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 4294967296;
    return s / 4294967296;
  };
}

export async function generate(db: Database, tenantId: string, counts: { associations: number; jobs: number }) {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
  const at = "2026-01-15T09:00:00.000Z";
  const categories = await db
    .selectFrom("taxonomy_terms")
    .select(["id", "code", "labels"])
    .where("tenant_id", "=", tenantId)
    .where("kind", "=", "category")
    .execute();
  const associations = Array.from({ length: counts.associations }, (_, i) => ({
    id: newId(),
    tenant_id: tenantId,
    name: `${pick(["Foreningen", "Klubben", "Netværket", "Gruppen"])} ${pick(TASKS)} ${i}`,
    registration_number: null,
    email: `forening${i}@bench.example`,
    phone: null,
    created_at: at,
    updated_at: at,
  }));
  for (let i = 0; i < associations.length; i += 1000)
    await db
      .insertInto("associations")
      .values(associations.slice(i, i + 1000))
      .execute();

  for (let i = 0; i < counts.jobs; i += 500) {
    const rows = Array.from({ length: Math.min(500, counts.jobs - i) }, (_, k) => {
      const association = associations[Math.floor(rnd() * associations.length)] as (typeof associations)[number];
      const task = pick(TASKS);
      const category = pick(CATEGORIES);
      const published = new Date(Date.parse(at) - Math.floor(rnd() * 200) * 86_400_000).toISOString();
      return {
        id: newId(),
        tenant_id: tenantId,
        association_id: association.id,
        association_name: association.name,
        category_id: categories.find((c) => c.code === category)?.id ?? null,
        title: `${task[0]?.toUpperCase()}${task.slice(1)} for ${pick(FOR)} ${i + k}`,
        tasks: Array.from({ length: 30 }, () => pick(WORDS)).join(" "),
        benefits: "Kaffe, fællesskab og et kursus.",
        commitment: pick(["weekly", "weekly", "one_off", "flexible"] as const),
        hours_per_week: 2,
        one_off_date: null,
        place: null,
        postcode: (pick(demoPostcodes) as [string, string, number, number])[0],
        remote: rnd() < 0.05 ? 1 : 0,
        start_date: null,
        needs_certificate: 0,
        min_age: null,
        languages: rnd() < 0.3 ? "da,en" : "da",
        suits: [pick(SUITS), pick(SUITS)].join(","),
        contact_name: "Kontakt",
        contact_email: association.email,
        expires_on: "2027-12-31",
        status: "published" as const,
        review_note: null,
        created_at: published,
        updated_at: published,
        published_at: published,
        time_slots: [pick(WEEK_SLOTS), pick(WEEK_SLOTS)].join(","),
        setting: pick(["any", "one_to_one", "group"] as const),
        step_free: rnd() < 0.5 ? 1 : 0,
      };
    });
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("opportunities")
        .values(rows.map(({ association_name: _, ...row }) => row))
        .execute();
      const place = new Map(demoPostcodes.map(([code, , lat, lon]) => [code, { lat, lon }]));
      await trx
        .insertInto("search_documents")
        .values(
          rows.map((row) => {
            const term = categories.find((c) => c.id === row.category_id);
            const doc = opportunityDocument(
              toOpportunity({ ...row, renewal_reminded_at: null }),
              term && { code: term.code, label: (JSON.parse(term.labels) as { da: string }).da },
            );
            const coords = row.postcode && !row.remote ? place.get(row.postcode) : undefined;
            return {
              tenant_id: tenantId,
              kind: "opportunity",
              ref_id: row.id,
              visible: 1,
              updated_at: row.updated_at,
              body: JSON.stringify({ ...doc, lat: coords?.lat ?? null, lon: coords?.lon ?? null }),
            };
          }),
        )
        .execute();
    });
  }
}

/**
 * A new database with the demo data and, in its municipality, a synthetic list of this size; the seconds the
 * list took to write. The caller destroys the database.
 */
export async function syntheticDatabase(
  settings: Pick<Config, "DATABASE_URL" | "SQLITE_FILE">,
  counts: { associations: number; jobs: number },
): Promise<{ db: Database; tenantId: string; seedSeconds: number }> {
  const { db } = openDatabase(settings);
  try {
    await migrateToLatest(db);
    await seedDemo(db, systemClock);
    const tenant = await db.selectFrom("tenants").select("id").where("slug", "=", "sonderby").executeTakeFirstOrThrow();
    const seeding = performance.now();
    await generate(db, tenant.id, counts);
    return { db, tenantId: tenant.id, seedSeconds: Math.round((performance.now() - seeding) / 100) / 10 };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
