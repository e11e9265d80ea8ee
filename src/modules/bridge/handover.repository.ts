import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import { listOf } from "../../db/lists.js";
import { type Keyring, open, seal } from "../../platform/crypto/sealed.js";
import type { BridgePick, BridgeReferral, CaseStatus, SharedDetails } from "./bridge.model.js";
import type { BridgePicksTable, BridgeReferralsTable } from "./bridge.table.js";

const toPick = (row: Selectable<BridgePicksTable>): BridgePick => ({
  id: row.id,
  caseId: row.case_id,
  kind: row.kind,
  targetId: row.target_id,
  associationId: row.association_id,
  title: row.title,
  category: row.category,
  pickedBy: row.picked_by,
  chosen: row.chosen === 1,
  createdAt: row.created_at,
});

export async function insertPick(db: Database, tenantId: string, p: BridgePick): Promise<void> {
  await db
    .insertInto("bridge_picks")
    .values({
      id: p.id,
      tenant_id: tenantId,
      case_id: p.caseId,
      kind: p.kind,
      target_id: p.targetId,
      association_id: p.associationId,
      title: p.title,
      category: p.category,
      picked_by: p.pickedBy,
      chosen: p.chosen ? 1 : 0,
      created_at: p.createdAt,
    })
    .execute();
}

/** The case's picks, oldest first. */
export async function picksOf(db: Database, tenantId: string, caseId: string): Promise<BridgePick[]> {
  const rows = await db
    .selectFrom("bridge_picks")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("case_id", "=", caseId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toPick);
}

export async function setChosen(db: Database, tenantId: string, caseId: string, pickId: string, chosen: boolean): Promise<void> {
  await db
    .updateTable("bridge_picks")
    .set({ chosen: chosen ? 1 : 0 })
    .where("tenant_id", "=", tenantId)
    .where("case_id", "=", caseId)
    .where("id", "=", pickId)
    .execute();
}

/** Moves the case on (choosing, handed over, taking part) without touching anything else of it. */
export async function setCaseStatus(db: Database, tenantId: string, caseId: string, status: CaseStatus, at: string): Promise<void> {
  await db.updateTable("bridge_cases").set({ status, updated_at: at }).where("tenant_id", "=", tenantId).where("id", "=", caseId).execute();
}

const toReferral =
  (ring: Keyring) =>
  (row: Selectable<BridgeReferralsTable>): BridgeReferral => ({
    id: row.id,
    caseId: row.case_id,
    pickId: row.pick_id,
    associationId: row.association_id,
    status: row.status,
    shared: JSON.parse(open(ring, "bridge_referrals.shared", row.shared)) as SharedDetails,
    sentBy: row.sent_by,
    sentAt: row.sent_at,
    answeredBy: row.answered_by,
    answeredAt: row.answered_at,
    declineReason: row.decline_reason === null ? null : open(ring, "bridge_referrals.decline_reason", row.decline_reason),
    firstMeetingAt: row.first_meeting_at,
    meetingPlace: row.meeting_place,
    metAt: row.met_at,
    welcomeItems: JSON.parse(row.welcome_items) as string[],
    welcomeDone: listOf(row.welcome_done).map(Number),
  });

const referralColumns = (ring: Keyring, r: BridgeReferral) => ({
  pick_id: r.pickId,
  association_id: r.associationId,
  status: r.status,
  shared: seal(ring, "bridge_referrals.shared", JSON.stringify(r.shared)),
  sent_by: r.sentBy,
  sent_at: r.sentAt,
  answered_by: r.answeredBy,
  answered_at: r.answeredAt,
  decline_reason: r.declineReason === null ? null : seal(ring, "bridge_referrals.decline_reason", r.declineReason),
  first_meeting_at: r.firstMeetingAt,
  meeting_place: r.meetingPlace,
  met_at: r.metAt,
  welcome_items: JSON.stringify(r.welcomeItems),
  welcome_done: r.welcomeDone.join(","),
});

export async function insertReferral(db: Database, ring: Keyring, tenantId: string, r: BridgeReferral): Promise<void> {
  await db
    .insertInto("bridge_referrals")
    .values({ id: r.id, tenant_id: tenantId, case_id: r.caseId, ...referralColumns(ring, r) })
    .execute();
}

export async function updateReferral(db: Database, ring: Keyring, tenantId: string, r: BridgeReferral): Promise<void> {
  await db.updateTable("bridge_referrals").set(referralColumns(ring, r)).where("tenant_id", "=", tenantId).where("id", "=", r.id).execute();
}

export async function findReferral(db: Database, ring: Keyring, tenantId: string, id: string): Promise<BridgeReferral | undefined> {
  const row = await db.selectFrom("bridge_referrals").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row ? toReferral(ring)(row) : undefined;
}

/** The case's referrals, newest first. */
export async function referralsOfCase(db: Database, ring: Keyring, tenantId: string, caseId: string): Promise<BridgeReferral[]> {
  const rows = await db
    .selectFrom("bridge_referrals")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("case_id", "=", caseId)
    .orderBy("sent_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toReferral(ring));
}

/** The referrals made to these associations, newest first; withdrawn ones are left out. */
export async function referralsTo(db: Database, ring: Keyring, tenantId: string, associationIds: readonly string[]): Promise<BridgeReferral[]> {
  if (associationIds.length === 0) return [];
  const rows = await db
    .selectFrom("bridge_referrals")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("association_id", "in", associationIds)
    .where("status", "!=", "withdrawn")
    .orderBy("sent_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toReferral(ring));
}

/** How many referrals to these associations wait for an answer. */
export async function unansweredCount(db: Database, tenantId: string, associationIds: readonly string[]): Promise<number> {
  if (associationIds.length === 0) return 0;
  const row = await db
    .selectFrom("bridge_referrals")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("tenant_id", "=", tenantId)
    .where("association_id", "in", associationIds)
    .where("status", "=", "sent")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findPick(db: Database, tenantId: string, id: string): Promise<BridgePick | undefined> {
  const row = await db.selectFrom("bridge_picks").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row ? toPick(row) : undefined;
}
