import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import { type Keyring, open, seal } from "../../platform/crypto/sealed.js";
import type { BridgeNote } from "./bridge.model.js";
import type { BridgeNotesTable } from "./bridge.table.js";

// The case's notes, the tenant's bridge-builders, and what a person's download and erasure read and change.

const toNote =
  (ring: Keyring) =>
  (row: Selectable<BridgeNotesTable>): BridgeNote => ({
    id: row.id,
    caseId: row.case_id,
    authorId: row.author_id,
    body: open(ring, "bridge_notes.body", row.body),
    createdAt: row.created_at,
  });

export async function insertNote(db: Database, ring: Keyring, tenantId: string, note: BridgeNote): Promise<void> {
  await db
    .insertInto("bridge_notes")
    .values({
      id: note.id,
      tenant_id: tenantId,
      case_id: note.caseId,
      author_id: note.authorId,
      body: seal(ring, "bridge_notes.body", note.body),
      created_at: note.createdAt,
    })
    .execute();
}

/** The case's notes, newest first. */
export async function notesOf(db: Database, ring: Keyring, tenantId: string, caseIds: readonly string[]): Promise<BridgeNote[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom("bridge_notes")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("case_id", "in", [...caseIds])
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toNote(ring));
}

export interface StaffName {
  id: string;
  name: string;
}

/** The tenant's bridge-builders, by name. */
export async function bridgeBuilders(db: Database, tenantId: string): Promise<StaffName[]> {
  return db
    .selectFrom("user_roles")
    .innerJoin("users", (j) => j.onRef("users.id", "=", "user_roles.user_id").onRef("users.tenant_id", "=", "user_roles.tenant_id"))
    .select(["users.id as id", "users.name as name"])
    .where("user_roles.tenant_id", "=", tenantId)
    .where("user_roles.role", "=", "bridge_builder")
    .orderBy("users.name")
    .execute();
}

/** For the start page: cases nobody holds yet, and the dates of referrals still waiting for consent. */
export async function waitingCounts(db: Database, tenantId: string): Promise<{ unheld: number; awaiting: { createdAt: string; purgeAfter: string | null }[] }> {
  const unheld = await db
    .selectFrom("bridge_cases")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("tenant_id", "=", tenantId)
    .where("builder_id", "is", null)
    .where("status", "!=", "awaiting_consent")
    .executeTakeFirst();
  const awaiting = await db
    .selectFrom("bridge_cases")
    .select(["created_at", "purge_after"])
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "awaiting_consent")
    .orderBy("purge_after")
    .execute();
  return { unheld: Number(unheld?.n ?? 0), awaiting: awaiting.map((r) => ({ createdAt: r.created_at, purgeAfter: r.purge_after })) };
}

/** The cases that are this person's: under their account, or under the hash of their e-mail address. */
export async function caseIdsOfSubject(db: Database, tenantId: string, userId: string | null, contactHash: string | null): Promise<string[]> {
  if (!userId && !contactHash) return [];
  const rows = await db
    .selectFrom("bridge_cases")
    .select("id")
    .where("tenant_id", "=", tenantId)
    .where((eb) => {
      const ors = [];
      if (userId) ors.push(eb("person_id", "=", userId));
      if (contactHash) ors.push(eb("contact_hash", "=", contactHash));
      return eb.or(ors);
    })
    .execute();
  return rows.map((r) => r.id);
}

/** The referrals made to associations for these cases, what was shared opened. */
export async function referralsOfCases(db: Database, ring: Keyring, tenantId: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom("bridge_referrals")
    .innerJoin("associations", (j) =>
      j.onRef("associations.id", "=", "bridge_referrals.association_id").onRef("associations.tenant_id", "=", "bridge_referrals.tenant_id"),
    )
    .select([
      "bridge_referrals.case_id",
      "associations.name as association",
      "bridge_referrals.status",
      "bridge_referrals.shared",
      "bridge_referrals.sent_at",
      "bridge_referrals.answered_at",
      "bridge_referrals.first_meeting_at",
      "bridge_referrals.meeting_place",
      "bridge_referrals.met_at",
    ])
    .where("bridge_referrals.tenant_id", "=", tenantId)
    .where("bridge_referrals.case_id", "in", [...caseIds])
    .orderBy("bridge_referrals.sent_at")
    .execute();
  return rows.map(({ shared, ...r }) => ({ ...r, shared: JSON.parse(open(ring, "bridge_referrals.shared", shared) || "{}") as unknown }));
}

/** The follow-ups of these cases, what was said opened. */
export async function followUpsOfCases(db: Database, ring: Keyring, tenantId: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom("bridge_follow_ups")
    .select(["case_id", "months", "due_on", "done_at", "outcome", "why", "person_words"])
    .where("tenant_id", "=", tenantId)
    .where("case_id", "in", [...caseIds])
    .orderBy("due_on")
    .execute();
  return rows.map((r) => ({
    ...r,
    why: open(ring, "bridge_follow_ups.why", r.why),
    person_words: open(ring, "bridge_follow_ups.person_words", r.person_words),
  }));
}

/** Who has read these cases, and when: the access log's rows about them. */
export async function readsOfCases(db: Database, tenantId: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom("access_log")
    .select(["subject_id as case_id", "action", "at"])
    .where("tenant_id", "=", tenantId)
    .where("subject_type", "=", "bridge_case")
    .where("subject_id", "in", [...caseIds])
    .orderBy("at")
    .execute();
}

/** Erasure of a member of staff or a companion: the cases and their records stay, without the person. */
export async function forgetStaff(db: Database, tenantId: string, userId: string): Promise<void> {
  const cases = db.updateTable("bridge_cases").where("tenant_id", "=", tenantId);
  await cases.set({ referred_by: null }).where("referred_by", "=", userId).execute();
  await cases.set({ builder_id: null }).where("builder_id", "=", userId).execute();
  await cases.set({ consent_by: null }).where("consent_by", "=", userId).execute();
  await cases.set({ companion_id: null, companion_since: null }).where("companion_id", "=", userId).execute();
  await db.updateTable("bridge_notes").set({ author_id: null }).where("tenant_id", "=", tenantId).where("author_id", "=", userId).execute();
  const referrals = db.updateTable("bridge_referrals").where("tenant_id", "=", tenantId);
  await referrals.set({ sent_by: null }).where("sent_by", "=", userId).execute();
  await referrals.set({ answered_by: null }).where("answered_by", "=", userId).execute();
  await db.updateTable("bridge_follow_ups").set({ recorded_by: null }).where("tenant_id", "=", tenantId).where("recorded_by", "=", userId).execute();
  await db.deleteFrom("bridge_case_shares").where("tenant_id", "=", tenantId).where("user_id", "=", userId).execute();
  await db.deleteFrom("bridge_companions").where("tenant_id", "=", tenantId).where("user_id", "=", userId).execute();
}
