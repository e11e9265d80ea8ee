import { type Selectable, sql } from "kysely";
import type { Database } from "../../db/database.js";
import { listOf } from "../../db/lists.js";
import type { FairAgreement, FairLead, FairStand, LeadInterests } from "./fair.model.js";
import type { FairAgreementsTable, FairLeadsTable, FairStandsTable } from "./fair.table.js";

type StandRow = Selectable<FairStandsTable> & { association_name: string; logo_file_id: string | null };

export function toStand(row: StandRow): FairStand {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    eventId: row.event_id,
    associationId: row.association_id,
    associationName: row.association_name,
    associationLogoFileId: row.logo_file_id,
    categoryId: row.category_id,
    size: row.size,
    needsPower: Boolean(row.needs_power),
    needsTable: Boolean(row.needs_table),
    shows: row.shows,
    status: row.status,
    standNumber: row.stand_number,
    code: row.code,
    appliedBy: row.applied_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function interestsOf(text: string): LeadInterests {
  try {
    const parsed = JSON.parse(text) as Partial<LeadInterests>;
    return { jobs: Array.isArray(parsed.jobs) ? parsed.jobs : [], other: typeof parsed.other === "string" ? parsed.other : "" };
  } catch {
    return { jobs: [], other: "" };
  }
}

type LeadRow = Selectable<FairLeadsTable> & { event_id: string; event_title: string; stand_number: string | null };

export function toLead(row: LeadRow): FairLead {
  return {
    id: row.id,
    standId: row.stand_id,
    associationId: row.association_id,
    email: row.email,
    name: row.name,
    interests: interestsOf(row.interests),
    consentVersion: row.consent_version,
    consentedAt: row.consented_at,
    createdAt: row.created_at,
    eventId: row.event_id,
    eventTitle: row.event_title,
    standNumber: row.stand_number,
  };
}

export function toAgreement(row: Selectable<FairAgreementsTable>): FairAgreement {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    eventId: row.event_id,
    associationIds: listOf(row.association_ids),
    otherParties: row.other_parties,
    agreed: row.agreed,
    followUpOn: row.follow_up_on,
    remindedAt: row.reminded_at,
    recordedBy: row.recorded_by,
    createdAt: row.created_at,
  };
}

const standRows = (db: Database, tenantId: string) =>
  db
    .selectFrom("fair_stands as s")
    .innerJoin("associations as a", (j) => j.onRef("a.id", "=", "s.association_id").onRef("a.tenant_id", "=", "s.tenant_id"))
    .selectAll("s")
    .select(["a.name as association_name", "a.logo_file_id"])
    .where("s.tenant_id", "=", tenantId);

/** Every stand of a fair: numbered ones by number, then the rest by association. */
export async function standsOf(db: Database, tenantId: string, eventId: string): Promise<FairStand[]> {
  const rows = await standRows(db, tenantId).where("s.event_id", "=", eventId).orderBy("a.name").orderBy("s.id").execute();
  return rows.map(toStand);
}

export async function findStand(db: Database, tenantId: string, id: string): Promise<FairStand | undefined> {
  const row = await standRows(db, tenantId).where("s.id", "=", id).executeTakeFirst();
  return row && toStand(row);
}

export async function standOfAssociation(db: Database, tenantId: string, eventId: string, associationId: string): Promise<FairStand | undefined> {
  const row = await standRows(db, tenantId).where("s.event_id", "=", eventId).where("s.association_id", "=", associationId).executeTakeFirst();
  return row && toStand(row);
}

export async function standByCode(db: Database, tenantId: string, code: string): Promise<FairStand | undefined> {
  const row = await standRows(db, tenantId).where("s.code", "=", code).executeTakeFirst();
  return row && toStand(row);
}

/** The stands these associations hold at fairs, for their admins' pages. */
export async function standsOfAssociations(db: Database, tenantId: string, eventId: string, associationIds: string[]): Promise<FairStand[]> {
  if (associationIds.length === 0) return [];
  const rows = await standRows(db, tenantId).where("s.event_id", "=", eventId).where("s.association_id", "in", associationIds).execute();
  return rows.map(toStand);
}

export async function insertStand(db: Database, s: Omit<FairStand, "associationName" | "associationLogoFileId">): Promise<void> {
  await db
    .insertInto("fair_stands")
    .values({
      id: s.id,
      tenant_id: s.tenantId,
      event_id: s.eventId,
      association_id: s.associationId,
      category_id: s.categoryId,
      size: s.size,
      needs_power: s.needsPower ? 1 : 0,
      needs_table: s.needsTable ? 1 : 0,
      shows: s.shows,
      status: s.status,
      stand_number: s.standNumber,
      code: s.code,
      applied_by: s.appliedBy,
      created_at: s.createdAt,
      updated_at: s.updatedAt,
    })
    .execute();
}

/** What the association asks for: changed, or the application applied again after a withdrawal. */
export async function updateStandRequest(
  db: Database,
  tenantId: string,
  id: string,
  s: Pick<FairStand, "categoryId" | "size" | "needsPower" | "needsTable" | "shows" | "status" | "updatedAt">,
): Promise<void> {
  await db
    .updateTable("fair_stands")
    .set({
      category_id: s.categoryId,
      size: s.size,
      needs_power: s.needsPower ? 1 : 0,
      needs_table: s.needsTable ? 1 : 0,
      shows: s.shows,
      status: s.status,
      updated_at: s.updatedAt,
    })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

export async function setStandStatus(db: Database, tenantId: string, id: string, status: FairStand["status"], standNumber: string | null, now: string) {
  await db
    .updateTable("fair_stands")
    .set({ status, stand_number: standNumber, updated_at: now })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

/** Clears the numbers of these stands first, so that two stands may swap numbers in one save. */
export async function clearStandNumbers(db: Database, tenantId: string, ids: string[], now: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable("fair_stands").set({ stand_number: null, updated_at: now }).where("tenant_id", "=", tenantId).where("id", "in", ids).execute();
}

// ——— Leads

const leadRows = (db: Database, tenantId: string) =>
  db
    .selectFrom("fair_leads as l")
    .innerJoin("fair_stands as s", (j) => j.onRef("s.id", "=", "l.stand_id").onRef("s.tenant_id", "=", "l.tenant_id"))
    .innerJoin("events as e", (j) => j.onRef("e.id", "=", "s.event_id").onRef("e.tenant_id", "=", "s.tenant_id"))
    .selectAll("l")
    .select(["e.id as event_id", "e.title as event_title", "s.stand_number"])
    .where("l.tenant_id", "=", tenantId);

export async function insertLead(
  db: Database,
  tenantId: string,
  l: Pick<FairLead, "id" | "standId" | "associationId" | "email" | "name" | "interests" | "consentVersion" | "consentedAt" | "createdAt">,
): Promise<void> {
  await db
    .insertInto("fair_leads")
    .values({
      id: l.id,
      tenant_id: tenantId,
      stand_id: l.standId,
      association_id: l.associationId,
      email: l.email,
      name: l.name,
      interests: JSON.stringify(l.interests),
      consent_version: l.consentVersion,
      consented_at: l.consentedAt,
      created_at: l.createdAt,
    })
    .execute();
}

/** The lead a visitor already left at this stand under the same address (in any case), if any. */
export async function leadAtStand(db: Database, tenantId: string, standId: string, email: string): Promise<{ id: string; name: string | null } | undefined> {
  return db
    .selectFrom("fair_leads")
    .select(["id", "name"])
    .where("tenant_id", "=", tenantId)
    .where("stand_id", "=", standId)
    .where(sql<string>`lower(email)`, "=", email.toLowerCase())
    .orderBy("created_at", "desc")
    .executeTakeFirst();
}

/** A visitor who leaves their interest again at the same stand: the one lead gets the new interests, name and consent. */
export async function updateLead(
  db: Database,
  tenantId: string,
  id: string,
  l: Pick<FairLead, "name" | "interests" | "consentVersion" | "consentedAt">,
): Promise<void> {
  await db
    .updateTable("fair_leads")
    .set({ name: l.name, interests: JSON.stringify(l.interests), consent_version: l.consentVersion, consented_at: l.consentedAt })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

/** An association's leads from every fair, the newest first. */
export async function leadsOfAssociation(db: Database, tenantId: string, associationId: string): Promise<FairLead[]> {
  const rows = await leadRows(db, tenantId).where("l.association_id", "=", associationId).orderBy("l.created_at", "desc").orderBy("l.id").limit(2000).execute();
  return rows.map(toLead);
}

export async function countLeads(db: Database, tenantId: string, associationIds: string[]): Promise<number> {
  if (associationIds.length === 0) return 0;
  const row = await db
    .selectFrom("fair_leads")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("tenant_id", "=", tenantId)
    .where("association_id", "in", associationIds)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Leads from fairs that ended before the cutoff. */
export async function deleteLeadsOfFairsEndedBefore(db: Database, tenantId: string, cutoff: string): Promise<void> {
  await db
    .deleteFrom("fair_leads")
    .where("tenant_id", "=", tenantId)
    .where("stand_id", "in", (q) =>
      q
        .selectFrom("fair_stands as s")
        .innerJoin("events as e", (j) => j.onRef("e.id", "=", "s.event_id").onRef("e.tenant_id", "=", "s.tenant_id"))
        .select("s.id")
        .where("s.tenant_id", "=", tenantId)
        .where("e.ends_at", "<", cutoff),
    )
    .execute();
}

export async function leadsOfSubject(db: Database, tenantId: string, email: string | null) {
  if (!email) return [];
  const rows = await leadRows(db, tenantId).where("l.email", "=", email).orderBy("l.created_at").execute();
  return rows.map((r) => {
    const l = toLead(r);
    return { event: l.eventTitle, email: l.email, name: l.name, interests: l.interests, consented_at: l.consentedAt };
  });
}

/** A person's leads go; their name on stands they applied for and agreements they recorded is cleared. */
export async function forgetFairSubject(db: Database, tenantId: string, who: { userId: string | null; email: string | null }): Promise<void> {
  if (who.email) await db.deleteFrom("fair_leads").where("tenant_id", "=", tenantId).where("email", "=", who.email).execute();
  if (!who.userId) return;
  await db.updateTable("fair_stands").set({ applied_by: null }).where("tenant_id", "=", tenantId).where("applied_by", "=", who.userId).execute();
  await db.updateTable("fair_agreements").set({ recorded_by: null }).where("tenant_id", "=", tenantId).where("recorded_by", "=", who.userId).execute();
}

// ——— Agreements

export async function insertAgreement(db: Database, a: Omit<FairAgreement, "remindedAt">): Promise<void> {
  await db
    .insertInto("fair_agreements")
    .values({
      id: a.id,
      tenant_id: a.tenantId,
      event_id: a.eventId,
      association_ids: a.associationIds.join(","),
      other_parties: a.otherParties,
      agreed: a.agreed,
      follow_up_on: a.followUpOn,
      reminded_at: null,
      recorded_by: a.recordedBy,
      created_at: a.createdAt,
      updated_at: a.createdAt,
    })
    .execute();
}

export async function agreementsOf(db: Database, tenantId: string, eventId: string): Promise<FairAgreement[]> {
  const rows = await db
    .selectFrom("fair_agreements")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("event_id", "=", eventId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toAgreement);
}

/** Agreements whose follow-up day has come and whose recorder has not been reminded. */
export async function agreementsDue(db: Database, tenantId: string, today: string): Promise<(FairAgreement & { eventTitle: string })[]> {
  const rows = await db
    .selectFrom("fair_agreements as g")
    .innerJoin("events as e", (j) => j.onRef("e.id", "=", "g.event_id").onRef("e.tenant_id", "=", "g.tenant_id"))
    .selectAll("g")
    .select("e.title as event_title")
    .where("g.tenant_id", "=", tenantId)
    .where("g.follow_up_on", "<=", today)
    .where("g.reminded_at", "is", null)
    .orderBy("g.follow_up_on")
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...toAgreement(r), eventTitle: r.event_title }));
}

export async function markAgreementReminded(db: Database, tenantId: string, id: string, now: string): Promise<void> {
  await db.updateTable("fair_agreements").set({ reminded_at: now, updated_at: now }).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}
