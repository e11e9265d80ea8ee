import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { CaseSource, CaseStatus, CounsellingCase, CounsellingEntry, Topic } from "./counselling.model.js";
import type { CounsellingCasesTable, CounsellingEntriesTable } from "./counselling.table.js";

export function toCase(row: Selectable<CounsellingCasesTable>): CounsellingCase {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    associationId: row.association_id,
    initiativeName: row.initiative_name,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    topic: row.topic as Topic,
    about: row.about,
    source: row.source as CaseSource,
    status: row.status as CaseStatus,
    staffId: row.staff_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
  };
}

export function toEntry(row: Selectable<CounsellingEntriesTable>): CounsellingEntry {
  return {
    id: row.id,
    caseId: row.case_id,
    heldOn: row.held_on,
    minutes: Number(row.minutes),
    agreed: row.agreed,
    internalNote: row.internal_note,
    nextStep: row.next_step,
    nextStepOn: row.next_step_on,
    responsibleId: row.responsible_id,
    remindedAt: row.reminded_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export async function insertCase(db: Database, c: CounsellingCase & { closedBy?: string | null }): Promise<void> {
  await db
    .insertInto("counselling_cases")
    .values({
      id: c.id,
      tenant_id: c.tenantId,
      association_id: c.associationId,
      initiative_name: c.initiativeName,
      contact_name: c.contactName,
      contact_email: c.contactEmail,
      contact_phone: c.contactPhone,
      topic: c.topic,
      about: c.about,
      source: c.source,
      status: c.status,
      staff_id: c.staffId,
      created_by: c.createdBy,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
      closed_at: c.closedAt,
      closed_by: c.closedBy ?? null,
    })
    .execute();
}

export async function insertEntry(db: Database, tenantId: string, e: CounsellingEntry): Promise<void> {
  await db
    .insertInto("counselling_entries")
    .values({
      id: e.id,
      tenant_id: tenantId,
      case_id: e.caseId,
      held_on: e.heldOn,
      minutes: e.minutes,
      agreed: e.agreed,
      internal_note: e.internalNote,
      next_step: e.nextStep,
      next_step_on: e.nextStepOn,
      responsible_id: e.responsibleId,
      reminded_at: e.remindedAt,
      created_by: e.createdBy,
      created_at: e.createdAt,
    })
    .execute();
}

export async function findCase(db: Database, tenantId: string, id: string): Promise<CounsellingCase | null> {
  const row = await db.selectFrom("counselling_cases").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row ? toCase(row) : null;
}

export interface CaseFilter {
  topic: Topic | null;
  staffId: string | null;
  status: CaseStatus | null;
}

export async function listCases(db: Database, tenantId: string, filter: CaseFilter): Promise<CounsellingCase[]> {
  let q = db.selectFrom("counselling_cases").selectAll().where("tenant_id", "=", tenantId);
  if (filter.topic) q = q.where("topic", "=", filter.topic);
  if (filter.staffId) q = q.where("staff_id", "=", filter.staffId);
  if (filter.status) q = q.where("status", "=", filter.status);
  const rows = await q.orderBy("updated_at", "desc").orderBy("id").limit(500).execute();
  return rows.map(toCase);
}

export async function casesOfAssociations(db: Database, tenantId: string, associationIds: readonly string[]): Promise<CounsellingCase[]> {
  if (associationIds.length === 0) return [];
  const rows = await db
    .selectFrom("counselling_cases")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("association_id", "in", [...associationIds])
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(toCase);
}

export async function entriesOf(db: Database, tenantId: string, caseIds: readonly string[]): Promise<CounsellingEntry[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom("counselling_entries")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("case_id", "in", [...caseIds])
    .orderBy("held_on", "desc")
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(toEntry);
}

export async function setStatus(db: Database, tenantId: string, id: string, status: CaseStatus, by: string | null, at: string): Promise<void> {
  await db
    .updateTable("counselling_cases")
    .set(status === "closed" ? { status, closed_at: at, closed_by: by, updated_at: at } : { status, closed_at: null, closed_by: null, updated_at: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

export async function touchCase(db: Database, tenantId: string, id: string, at: string): Promise<void> {
  await db.updateTable("counselling_cases").set({ updated_at: at }).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}

/** The centre's staff (and the tenant's admins), by name: who may be responsible for a case. */
export async function staffMembers(db: Database, tenantId: string): Promise<{ id: string; name: string; email: string }[]> {
  const rows = await db
    .selectFrom("user_roles")
    .innerJoin("users", (j) => j.onRef("users.id", "=", "user_roles.user_id").onRef("users.tenant_id", "=", "user_roles.tenant_id"))
    .select(["users.id", "users.name", "users.email"])
    .where("user_roles.tenant_id", "=", tenantId)
    .where("user_roles.role", "in", ["staff", "tenant_admin"])
    .distinct()
    .orderBy("users.name")
    .execute();
  return rows;
}

/** Next steps whose day has come, on open cases, not yet reminded of. */
export async function dueNextSteps(db: Database, tenantId: string, today: string) {
  return db
    .selectFrom("counselling_entries as e")
    .innerJoin("counselling_cases as c", (j) => j.onRef("c.id", "=", "e.case_id").onRef("c.tenant_id", "=", "e.tenant_id"))
    .select(["e.id", "e.case_id", "e.next_step", "e.next_step_on", "e.responsible_id", "c.staff_id", "c.topic"])
    .where("e.tenant_id", "=", tenantId)
    .where("c.status", "=", "open")
    .where("e.next_step_on", "<=", today)
    .where("e.reminded_at", "is", null)
    .execute();
}

export async function markReminded(db: Database, tenantId: string, entryId: string, at: string): Promise<void> {
  await db.updateTable("counselling_entries").set({ reminded_at: at }).where("tenant_id", "=", tenantId).where("id", "=", entryId).execute();
}

/** Each conversation held in the period, with its case's topic: the figures are counted from these. */
export async function conversationsBetween(db: Database, tenantId: string, from: string, to: string) {
  const rows = await db
    .selectFrom("counselling_entries as e")
    .innerJoin("counselling_cases as c", (j) => j.onRef("c.id", "=", "e.case_id").onRef("c.tenant_id", "=", "e.tenant_id"))
    .select(["e.case_id", "e.held_on", "e.minutes", "c.topic"])
    .where("e.tenant_id", "=", tenantId)
    .where("e.held_on", ">=", from)
    .where("e.held_on", "<=", to)
    .execute();
  return rows.map((r) => ({ caseId: r.case_id, heldOn: r.held_on, minutes: Number(r.minutes), topic: r.topic as Topic }));
}

/** Start-up requests nobody has talked with yet. */
export async function countUnansweredRequests(db: Database, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom("counselling_cases as c")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("c.tenant_id", "=", tenantId)
    .where("c.source", "=", "start")
    .where("c.status", "=", "open")
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom("counselling_entries as e").select("e.id").whereRef("e.case_id", "=", "c.id").whereRef("e.tenant_id", "=", "c.tenant_id")),
      ),
    )
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// Personal data: the initiative's contact person, and the staff who kept the cases.

export async function casesOfContact(db: Database, tenantId: string, email: string): Promise<CounsellingCase[]> {
  const rows = await db.selectFrom("counselling_cases").selectAll().where("tenant_id", "=", tenantId).where("contact_email", "=", email).execute();
  return rows.map(toCase);
}

export async function casesKeptBy(db: Database, tenantId: string, userId: string): Promise<CounsellingCase[]> {
  const rows = await db
    .selectFrom("counselling_cases")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where((eb) => eb.or([eb("staff_id", "=", userId), eb("created_by", "=", userId), eb("closed_by", "=", userId)]))
    .execute();
  return rows.map(toCase);
}

export async function entriesKeptBy(db: Database, tenantId: string, userId: string): Promise<CounsellingEntry[]> {
  const rows = await db
    .selectFrom("counselling_entries")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where((eb) => eb.or([eb("responsible_id", "=", userId), eb("created_by", "=", userId)]))
    .execute();
  return rows.map(toEntry);
}

export async function forgetContact(db: Database, tenantId: string, email: string): Promise<void> {
  await db
    .updateTable("counselling_cases")
    .set({ contact_name: null, contact_email: null, contact_phone: null })
    .where("tenant_id", "=", tenantId)
    .where("contact_email", "=", email)
    .execute();
}

export async function forgetStaff(db: Database, tenantId: string, userId: string): Promise<void> {
  await db.updateTable("counselling_cases").set({ staff_id: null }).where("tenant_id", "=", tenantId).where("staff_id", "=", userId).execute();
  await db.updateTable("counselling_cases").set({ created_by: null }).where("tenant_id", "=", tenantId).where("created_by", "=", userId).execute();
  await db.updateTable("counselling_cases").set({ closed_by: null }).where("tenant_id", "=", tenantId).where("closed_by", "=", userId).execute();
  await db.updateTable("counselling_entries").set({ responsible_id: null }).where("tenant_id", "=", tenantId).where("responsible_id", "=", userId).execute();
  await db.updateTable("counselling_entries").set({ created_by: null }).where("tenant_id", "=", tenantId).where("created_by", "=", userId).execute();
}
