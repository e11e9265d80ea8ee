import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import { listOf } from "../../db/lists.js";
import { type Keyring, open } from "../../platform/crypto/sealed.js";
import type { Companion } from "./bridge.model.js";
import type { BridgeCompanionsTable } from "./bridge.table.js";

/** A companion in the pool with the name and address of their account. */
export interface PoolMember extends Companion {
  name: string;
  email: string;
}

/** What a companion may know of a person they come along with: a first name, the case's bridge-builder. */
export interface Accompanied {
  caseId: string;
  firstName: string;
  builderId: string | null;
  companionId: string | null;
}

/** The first meeting the association set for an accepted referral. */
export interface FirstMeeting {
  caseId: string;
  at: string | null;
  place: string | null;
}

const toPoolMember = (row: Selectable<BridgeCompanionsTable> & { name: string; email: string }): PoolMember => ({
  userId: row.user_id,
  postcode: row.postcode,
  languages: listOf(row.languages),
  slots: listOf(row.time_slots),
  trainedOn: row.trained_on,
  active: row.active === 1,
  createdAt: row.created_at,
  name: row.name,
  email: row.email,
});

const companionColumns = (c: Companion) => ({
  postcode: c.postcode,
  languages: c.languages.join(","),
  time_slots: c.slots.join(","),
  trained_on: c.trainedOn,
  active: c.active ? 1 : 0,
});

const pool = (db: Database, tenantId: string) =>
  db
    .selectFrom("bridge_companions as b")
    .innerJoin("users as u", (j) => j.onRef("u.id", "=", "b.user_id").onRef("u.tenant_id", "=", "b.tenant_id"))
    .selectAll("b")
    .select(["u.name", "u.email"])
    .where("b.tenant_id", "=", tenantId);

/** The whole pool, active first, by name. */
export async function listPool(db: Database, tenantId: string): Promise<PoolMember[]> {
  const rows = await pool(db, tenantId).orderBy("b.active", "desc").orderBy("u.name").execute();
  return rows.map(toPoolMember);
}

export async function findPoolMember(db: Database, tenantId: string, userId: string): Promise<PoolMember | undefined> {
  const row = await pool(db, tenantId).where("b.user_id", "=", userId).executeTakeFirst();
  return row && toPoolMember(row);
}

export async function insertCompanion(db: Database, tenantId: string, c: Companion): Promise<void> {
  await db
    .insertInto("bridge_companions")
    .values({ tenant_id: tenantId, user_id: c.userId, created_at: c.createdAt, ...companionColumns(c) })
    .execute();
}

export async function updateCompanion(db: Database, tenantId: string, c: Companion): Promise<void> {
  await db.updateTable("bridge_companions").set(companionColumns(c)).where("tenant_id", "=", tenantId).where("user_id", "=", c.userId).execute();
}

/** Whom the person comes along with: the open cases that name them as companion. */
export async function accompaniedBy(db: Database, ring: Keyring, tenantId: string, userId: string): Promise<Accompanied[]> {
  const rows = await db
    .selectFrom("bridge_cases")
    .select(["id", "first_name", "builder_id", "companion_id"])
    .where("tenant_id", "=", tenantId)
    .where("companion_id", "=", userId)
    .where("status", "!=", "closed")
    .orderBy("companion_since")
    .execute();
  return rows.map((r) => ({
    caseId: r.id,
    firstName: open(ring, "bridge_cases.first_name", r.first_name),
    builderId: r.builder_id,
    companionId: r.companion_id,
  }));
}

/** How many open cases name the person as companion (for their start page). */
export async function countAccompanied(db: Database, tenantId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom("bridge_cases")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("tenant_id", "=", tenantId)
    .where("companion_id", "=", userId)
    .where("status", "!=", "closed")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The first meetings of the cases' accepted referrals, the earliest first. */
export async function firstMeetings(db: Database, tenantId: string, caseIds: readonly string[]): Promise<FirstMeeting[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom("bridge_referrals")
    .select(["case_id", "first_meeting_at", "meeting_place"])
    .where("tenant_id", "=", tenantId)
    .where("case_id", "in", caseIds)
    .where("status", "=", "accepted")
    .orderBy("first_meeting_at")
    .execute();
  return rows.map((r) => ({ caseId: r.case_id, at: r.first_meeting_at, place: r.meeting_place }));
}

/** Sets or clears a case's companion, leaving every other column as it is. */
export async function setCaseCompanion(
  db: Database,
  tenantId: string,
  caseId: string,
  companionId: string | null,
  since: string | null,
  at: string,
): Promise<void> {
  await db
    .updateTable("bridge_cases")
    .set({ companion_id: companionId, companion_since: since, updated_at: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", caseId)
    .execute();
}
