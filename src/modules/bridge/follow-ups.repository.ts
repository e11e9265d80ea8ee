import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import { type Keyring, open, seal } from "../../platform/crypto/sealed.js";
import type { FollowUp } from "./bridge.model.js";
import type { BridgeFollowUpsTable } from "./bridge.table.js";

const toFollowUp =
  (ring: Keyring) =>
  (row: Selectable<BridgeFollowUpsTable>): FollowUp => ({
    id: row.id,
    caseId: row.case_id,
    months: row.months,
    dueOn: row.due_on,
    doneAt: row.done_at,
    outcome: row.outcome,
    why: open(ring, "bridge_follow_ups.why", row.why),
    personWords: open(ring, "bridge_follow_ups.person_words", row.person_words),
    recordedBy: row.recorded_by,
    remindedAt: row.reminded_at,
  });

export async function insertFollowUp(db: Database, ring: Keyring, tenantId: string, f: FollowUp): Promise<void> {
  await db
    .insertInto("bridge_follow_ups")
    .values({
      id: f.id,
      tenant_id: tenantId,
      case_id: f.caseId,
      months: f.months,
      due_on: f.dueOn,
      done_at: f.doneAt,
      outcome: f.outcome,
      why: seal(ring, "bridge_follow_ups.why", f.why),
      person_words: seal(ring, "bridge_follow_ups.person_words", f.personWords),
      recorded_by: f.recordedBy,
      reminded_at: f.remindedAt,
    })
    .execute();
}

/** Writes what was recorded at a follow-up: the outcome, why, and the person's own words, sealed. */
export async function recordFollowUp(db: Database, ring: Keyring, tenantId: string, f: FollowUp): Promise<void> {
  await db
    .updateTable("bridge_follow_ups")
    .set({
      done_at: f.doneAt,
      outcome: f.outcome,
      why: seal(ring, "bridge_follow_ups.why", f.why),
      person_words: seal(ring, "bridge_follow_ups.person_words", f.personWords),
      recorded_by: f.recordedBy,
    })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", f.id)
    .execute();
}

/** A case's follow-ups, the earliest first. */
export async function followUpsOf(db: Database, ring: Keyring, tenantId: string, caseId: string): Promise<FollowUp[]> {
  const rows = await db
    .selectFrom("bridge_follow_ups")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("case_id", "=", caseId)
    .orderBy("due_on")
    .orderBy("months")
    .execute();
  return rows.map(toFollowUp(ring));
}

/** Follow-ups not yet recorded that fall due on or before the day, of the given cases; the most overdue first. */
export async function openFollowUpsDueBy(db: Database, ring: Keyring, tenantId: string, caseIds: readonly string[], day: string): Promise<FollowUp[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom("bridge_follow_ups")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("case_id", "in", caseIds)
    .where("done_at", "is", null)
    .where("due_on", "<=", day)
    .orderBy("due_on")
    .orderBy("id")
    .execute();
  return rows.map(toFollowUp(ring));
}

/** Due follow-ups nobody has been reminded of yet, with the bridge-builder holding the case. */
export async function remindersDue(db: Database, tenantId: string, today: string): Promise<{ id: string; caseId: string; builderId: string }[]> {
  const rows = await db
    .selectFrom("bridge_follow_ups as f")
    .innerJoin("bridge_cases as c", (j) => j.onRef("c.id", "=", "f.case_id").onRef("c.tenant_id", "=", "f.tenant_id"))
    .select(["f.id", "f.case_id", "c.builder_id"])
    .where("f.tenant_id", "=", tenantId)
    .where("f.done_at", "is", null)
    .where("f.reminded_at", "is", null)
    .where("f.due_on", "<=", today)
    .where("c.builder_id", "is not", null)
    .where("c.status", "!=", "closed")
    .orderBy("f.due_on")
    .execute();
  return rows.map((r) => ({ id: r.id, caseId: r.case_id, builderId: r.builder_id as string }));
}

export async function markReminded(db: Database, tenantId: string, id: string, at: string): Promise<void> {
  await db.updateTable("bridge_follow_ups").set({ reminded_at: at }).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}

/** The case's contact hash as stored, so that a change of status written through the case's own writer keeps it. */
export async function contactHashOf(db: Database, tenantId: string, caseId: string): Promise<string | null> {
  const row = await db.selectFrom("bridge_cases").select("contact_hash").where("tenant_id", "=", tenantId).where("id", "=", caseId).executeTakeFirst();
  return row?.contact_hash ?? null;
}
