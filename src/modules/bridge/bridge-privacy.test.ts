import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { whereStored } from "../../../test/database-dump.js";
import { buildSealedCase } from "../../../test/factories/bridge.factory.js";
import {
  createAssociation,
  createPerson,
  createTenant,
  createTestApp,
  createTestDb,
  dialects,
  latestMail,
  TEST_DATA_KEY,
  type TenantFixture,
  testConfig,
  Visitor,
} from "../../../test/harness.js";
import type { Database, DB } from "../../db/database.js";
import { migrateToLatest } from "../../db/migrate.js";
import { createDialect } from "../../db/portable.js";
import { dataKeyring } from "../../platform/crypto/data-key.js";
import { reseal } from "../../platform/crypto/reseal.js";
import { newId } from "../../platform/ids.js";
import { sealedFields } from "../personal-data.js";
import * as records from "./case-records.repository.js";
import { personalData } from "./personal-data.js";

/** The database as a file or a dump shows it to whoever gets hold of it. */
interface RawDatabase {
  db: Database;
  raw(): string;
  destroy(): Promise<void>;
}

async function rawDatabase(dialect: "sqlite" | "postgres"): Promise<RawDatabase> {
  if (dialect === "postgres") {
    const t = await createTestDb("postgres");
    return { db: t.db, raw: () => execFileSync("pg_dump", ["--no-owner", t.url ?? ""], { encoding: "utf8", maxBuffer: 64 << 20 }), destroy: () => t.destroy() };
  }
  const dir = mkdtempSync(join(tmpdir(), "bridge-"));
  const file = join(dir, "sammen.sqlite");
  const db = new Kysely<DB>({ dialect: createDialect({ sqliteFile: file }).dialect });
  await migrateToLatest(db);
  const read = (path: string) => {
    try {
      return readFileSync(path).toString("utf8");
    } catch {
      return "";
    }
  };
  return {
    db,
    // The file and its write-ahead log: what was written lately may not be in the main file yet.
    raw: () => read(file) + read(`${file}-wal`),
    async destroy() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const BRIDGE_TABLES = [
  "bridge_cases",
  "bridge_case_shares",
  "bridge_notes",
  "bridge_picks",
  "bridge_referrals",
  "bridge_follow_ups",
  "bridge_mails",
  "mail_outbox",
] as const;

describe.each(dialects())("bridge-building's special-category text at rest [%s]", (dialect) => {
  let store: RawDatabase;
  let a: TenantFixture;
  let club: { id: string };
  let env: ReturnType<typeof createTestApp>;
  let caseId = "";
  let builder: { id: string };
  let colleague: { id: string };
  const words = {
    firstName: "Gudrunella",
    reason: "Angstanfald efter fyringen",
    wishes: "Drømmer om havearbejde med andre",
    resources: "Kan reparere gamle cykler",
    notes: "Tager antidepressiv medicin",
    note: "Hospitalsindlæggelse i marts",
  };
  const contact = "gh1970@example.org";

  beforeAll(async () => {
    store = await rawDatabase(dialect);
    const db = store.db;
    a = await createTenant(db, { slug: "a", host: "a.test", isDefault: true });
    club = await createAssociation(db, a, "Havefolket");
    builder = await createPerson(db, a, { email: "bro@a.test", name: "Bente", roles: ["bridge_builder"] });
    colleague = await createPerson(db, a, { email: "bro2@a.test", name: "Bo", roles: ["bridge_builder"] });
    await createPerson(db, a, { email: "jobcenter@a.test", roles: ["referrer"] });
    env = createTestApp(db);

    const jens = new Visitor(env.app, "a.test");
    await jens.signIn("jobcenter@a.test");
    const sent = await jens.post(
      "/bridge/refer",
      {
        source: "municipality",
        sourceUnit: "health",
        firstName: words.firstName,
        contact,
        language: "da",
        consent: "yes",
        purposes: ["bridge_building", "share_with_association"],
        how: "in_person",
        copy: "email",
        reason: words.reason,
      },
      { from: "/bridge/refer" },
    );
    expect(sent.status).toBe(200);
    caseId = (await db.selectFrom("bridge_cases").select("id").executeTakeFirstOrThrow()).id;
    const bente = new Visitor(env.app, "a.test");
    await bente.signIn("bro@a.test");
    const intake = {
      wishes: words.wishes,
      resources: words.resources,
      needs: ["quiet_place", "small_group"],
      notes: words.notes,
      slots: ["mon-morning"],
      postcode: "",
      languages: ["da"],
    };
    expect((await bente.post(`/bridge/cases/${caseId}/intake`, intake, { from: "/bridge" })).status).toBe(303);
    expect((await bente.post(`/bridge/cases/${caseId}/notes`, { body: words.note }, { from: "/bridge" })).status).toBe(303);
    expect((await bente.post(`/bridge/cases/${caseId}/share`, { userId: colleague.id }, { from: "/bridge" })).status).toBe(303);
  });
  afterAll(() => store.destroy());

  it("shows none of the words in clear text in the database file or dump, nor in any stored value", async () => {
    const sensitive = [...Object.values(words), "quiet_place", "small_group"];
    const raw = store.raw();
    expect(raw.length).toBeGreaterThan(10_000);
    expect(sensitive.filter((w) => raw.toLowerCase().includes(w.toLowerCase()))).toEqual([]);
    expect(await whereStored(store.db, sensitive)).toEqual([]);
    // The bridge-builder reads them all on the case's page.
    const bente = new Visitor(env.app, "a.test");
    await bente.signIn("bro@a.test");
    const page = await (await bente.get(`/bridge/cases/${caseId}`)).text();
    for (const w of [words.firstName, words.reason, words.note]) expect(page).toContain(w);
    const intake = await (await bente.get(`/bridge/cases/${caseId}/intake`)).text();
    for (const w of [words.wishes, words.resources, words.notes]) expect(intake).toContain(w);
  });

  it("hands the person their case in their data download, found by their e-mail address, with who read it", async () => {
    const data = (await personalData.read(store.db, dataKeyring(env.config), { tenantId: a.id, userId: null, email: contact.toUpperCase() })) as {
      bridge_building: { first_name: string; reason: string; case_notes: { text: string }[]; read_by_others: { action: string }[]; needs: string[] }[];
    };
    expect(data.bridge_building).toHaveLength(1);
    const mine = data.bridge_building[0];
    expect(mine).toMatchObject({ first_name: words.firstName, reason: words.reason, needs: ["quiet_place", "small_group"] });
    expect(mine?.case_notes.map((n) => n.text)).toEqual([words.note]);
    expect(mine?.read_by_others.map((r) => r.action)).toContain("bridge.case.read");
    expect(await personalData.read(store.db, dataKeyring(env.config), { tenantId: a.id, userId: null, email: "someone@else.org" })).toEqual({});
  });

  it("reads old bridge rows after the data key is rotated", async () => {
    const other = await buildSealedCase(store.db, dataKeyring(env.config), a.id, club.id, {
      firstName: "Olav",
      contact: "+45 99 88 77 66",
      reason: "Gammel grund",
      wishes: "Gamle ønsker",
      resources: "Gamle ressourcer",
      notes: "Gamle noter",
      note: "Gammelt notat",
      shared: "Gammelt delt",
      why: "Gammel begrundelse",
      personWords: "Gamle ord",
    });
    const next = randomBytes(32).toString("base64");
    const rotated = createTestApp(store.db, { config: testConfig({ DATA_KEY: next, DATA_KEYS_OLD: TEST_DATA_KEY }) });
    const moved = await reseal(store.db, dataKeyring(rotated.config), sealedFields(), { rotate: true });
    expect(moved["bridge_cases.reason"]).toBe(2);
    expect(moved["bridge_notes.body"]).toBe(2);
    expect(moved["bridge_referrals.shared"]).toBe(1);
    expect(moved["bridge_follow_ups.person_words"]).toBe(1);
    // Only the new key now: the pages and the repository still open every old row.
    const newOnly = createTestApp(store.db, { config: testConfig({ DATA_KEY: next }) });
    const bente = new Visitor(newOnly.app, "a.test");
    await bente.signIn("bro@a.test");
    const page = await (await bente.get(`/bridge/cases/${caseId}`)).text();
    expect(page).toContain(words.reason);
    expect(page).toContain(words.note);
    const ring = dataKeyring(newOnly.config);
    expect((await records.referralsOfCases(store.db, ring, a.id, [other.id])).map((r) => r.shared)).toEqual([{ wishes: "Gammelt delt" }]);
    expect((await records.followUpsOfCases(store.db, ring, a.id, [other.id])).map((f) => [f.why, f.person_words])).toEqual([
      ["Gammel begrundelse", "Gamle ord"],
    ]);
    expect(await whereStored(store.db, ["Gammel grund", "Gammelt notat", "Gammelt delt", "Gamle ord"])).toEqual([]);
    env = newOnly;
  });

  it("deletes the whole case everywhere when consent is withdrawn, and only that case", async () => {
    const db = store.db;
    const now = new Date().toISOString();
    // What the other parts of bridge-building add to a case: a suggestion, a referral, a follow-up.
    const pick = newId();
    await db
      .insertInto("bridge_picks")
      .values({
        id: pick,
        tenant_id: a.id,
        case_id: caseId,
        kind: "association",
        target_id: club.id,
        association_id: club.id,
        title: "Havefolket",
        category: null,
        picked_by: "builder",
        chosen: 1,
        created_at: now,
      })
      .execute();
    await db
      .insertInto("bridge_referrals")
      .values({
        id: newId(),
        tenant_id: a.id,
        case_id: caseId,
        pick_id: pick,
        association_id: club.id,
        status: "sent",
        shared: "",
        sent_by: builder.id,
        sent_at: now,
        answered_by: null,
        answered_at: null,
        decline_reason: null,
        first_meeting_at: null,
        meeting_place: null,
        met_at: null,
        welcome_items: "[]",
        welcome_done: "",
      })
      .execute();
    await db
      .insertInto("bridge_follow_ups")
      .values({
        id: newId(),
        tenant_id: a.id,
        case_id: caseId,
        months: 1,
        due_on: "2027-01-01",
        done_at: null,
        outcome: null,
        why: "",
        person_words: "",
        recorded_by: null,
        reminded_at: null,
      })
      .execute();
    const counts = async () => {
      const out: Record<string, number> = {};
      for (const table of BRIDGE_TABLES)
        out[table] = Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<string>().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return out;
    };
    const before = await counts();
    const mail = await latestMail(db, contact);
    expect(mail).toBeDefined();

    const bente = new Visitor(env.app, "a.test");
    await bente.signIn("bro@a.test");
    expect((await bente.post(`/bridge/cases/${caseId}/withdraw`, {}, { from: `/bridge/cases/${caseId}/withdraw` })).status).toBe(303);
    const after = await counts();
    expect(Object.fromEntries(BRIDGE_TABLES.map((table) => [table, (before[table] ?? 0) - (after[table] ?? 0)])), "rows gone from each table").toEqual({
      bridge_cases: 1,
      bridge_case_shares: 1,
      bridge_notes: 1,
      bridge_picks: 1,
      bridge_referrals: 1,
      bridge_follow_ups: 1,
      bridge_mails: 1,
      mail_outbox: 1,
    });
    expect(await latestMail(db, contact)).toBeUndefined();
    const trail = await db.selectFrom("audit_log").select(["action", "details"]).where("entity_id", "=", caseId).execute();
    expect(trail.map((r) => r.action)).toContain("bridge.consent_withdrawn");
    expect(JSON.stringify(trail)).not.toContain(words.firstName);
  });
});
