import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import { listOf } from "../../db/lists.js";
import { type Keyring, open, seal } from "../../platform/crypto/sealed.js";
import type { Consent, VolunteerProfile } from "./matching.model.js";
import type { MatchingConsentsTable, VolunteerProfilesTable } from "./matching.table.js";

/** Fields sealed at rest: what a person's needs reveal about their health, and what staff noted about a consent. */
const NEEDS_FIELD = "volunteer_profiles.needs";
const NOTE_FIELD = "matching_consents.note";

const toProfile =
  (ring: Keyring) =>
  (row: Selectable<VolunteerProfilesTable>): VolunteerProfile => ({
    userId: row.user_id,
    interests: listOf(row.interests),
    skills: row.skills,
    slots: listOf(row.time_slots),
    postcode: row.postcode,
    maxKm: row.max_km,
    languages: listOf(row.languages),
    needs: listOf(open(ring, NEEDS_FIELD, row.needs)) as VolunteerProfile["needs"],
    setting: row.setting,
    rhythm: row.rhythm,
    updatedAt: row.updated_at,
  });

export async function findProfile(db: Database, ring: Keyring, tenantId: string, userId: string): Promise<VolunteerProfile | undefined> {
  const row = await db.selectFrom("volunteer_profiles").selectAll().where("tenant_id", "=", tenantId).where("user_id", "=", userId).executeTakeFirst();
  return row && toProfile(ring)(row);
}

/** The profile's columns, lists as comma-separated text and the needs sealed. */
const profileColumns = (ring: Keyring, p: VolunteerProfile) => ({
  interests: p.interests.join(","),
  skills: p.skills,
  time_slots: p.slots.join(","),
  postcode: p.postcode,
  max_km: p.maxKm,
  languages: p.languages.join(","),
  needs: seal(ring, NEEDS_FIELD, p.needs.join(",")),
  setting: p.setting,
  rhythm: p.rhythm,
  updated_at: p.updatedAt,
});

export async function saveProfile(db: Database, ring: Keyring, tenantId: string, p: VolunteerProfile) {
  const columns = profileColumns(ring, p);
  await db
    .insertInto("volunteer_profiles")
    .values({ tenant_id: tenantId, user_id: p.userId, ...columns })
    .onConflict((oc) => oc.columns(["tenant_id", "user_id"]).doUpdateSet(columns))
    .execute();
}

const toConsent =
  (ring: Keyring) =>
  (row: Selectable<MatchingConsentsTable>): Consent => ({
    id: row.id,
    citizenId: row.citizen_id,
    staffId: row.staff_id,
    note: open(ring, NOTE_FIELD, row.note),
    givenAt: row.given_at,
    confirmedAt: row.confirmed_at,
    withdrawnAt: row.withdrawn_at,
    expiresAt: row.expires_at,
  });

export async function insertConsent(db: Database, ring: Keyring, tenantId: string, c: Omit<Consent, "confirmedAt" | "withdrawnAt">) {
  await db
    .insertInto("matching_consents")
    .values({
      id: c.id,
      tenant_id: tenantId,
      citizen_id: c.citizenId,
      staff_id: c.staffId,
      note: seal(ring, NOTE_FIELD, c.note),
      given_at: c.givenAt,
      confirmed_at: null,
      withdrawn_at: null,
      expires_at: c.expiresAt,
    })
    .execute();
}

export async function findConsent(db: Database, ring: Keyring, tenantId: string, id: string): Promise<Consent | undefined> {
  const row = await db.selectFrom("matching_consents").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row && toConsent(ring)(row);
}

/** The citizen's consents that have neither ended nor been withdrawn, newest first. */
export async function liveConsents(db: Database, ring: Keyring, tenantId: string, citizenId: string, now: string): Promise<Consent[]> {
  const rows = await db
    .selectFrom("matching_consents")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("citizen_id", "=", citizenId)
    .where("withdrawn_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("given_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toConsent(ring));
}

export async function consentsOf(db: Database, ring: Keyring, tenantId: string, citizenId: string): Promise<Consent[]> {
  const rows = await db
    .selectFrom("matching_consents")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("citizen_id", "=", citizenId)
    .orderBy("given_at")
    .execute();
  return rows.map(toConsent(ring));
}

/** The citizen's answer: confirmed (lasting until `expiresAt`) or withdrawn. Only a live consent changes; false when none did. */
export async function answerConsent(
  db: Database,
  tenantId: string,
  id: string,
  now: string,
  answer: { confirmed: true; expiresAt: string } | { confirmed: false },
): Promise<boolean> {
  const result = await db
    .updateTable("matching_consents")
    .set(answer.confirmed ? { confirmed_at: now, expires_at: answer.expiresAt } : { withdrawn_at: now })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .where("withdrawn_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Erasure: the citizen's profile and consents go; consents they recorded as staff stay, without them. */
export async function forgetPerson(db: Database, tenantId: string, userId: string) {
  await db.deleteFrom("volunteer_profiles").where("tenant_id", "=", tenantId).where("user_id", "=", userId).execute();
  await db.deleteFrom("matching_consents").where("tenant_id", "=", tenantId).where("citizen_id", "=", userId).execute();
  await db.updateTable("matching_consents").set({ staff_id: null }).where("tenant_id", "=", tenantId).where("staff_id", "=", userId).execute();
}
