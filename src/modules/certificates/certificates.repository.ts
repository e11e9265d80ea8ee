import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { Certificate } from "./certificates.model.js";
import type { ChildCertificatesTable } from "./certificates.table.js";

type Row = Selectable<ChildCertificatesTable>;

/** The one mapper of a certificate's row. */
function toCertificate(row: Row): Certificate {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    associationId: row.association_id,
    opportunityId: row.opportunity_id,
    name: row.name,
    email: row.email,
    requestedOn: row.requested_on,
    requestedBy: row.requested_by,
    consentedOn: row.consented_on,
    consentLapsesOn: row.consent_lapses_on,
    consentRecordedBy: row.consent_recorded_by,
    outcome: row.outcome,
    assessedOn: row.assessed_on,
    assessedBy: row.assessed_by,
    renewOn: row.renew_on,
    leftOn: row.left_on,
    note: row.note,
    renewalRemindedAt: row.renewal_reminded_at,
    lapseRemindedAt: row.lapse_reminded_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function renewalMonths(db: Database, tenantId: string): Promise<number | null> {
  const row = await db.selectFrom("certificate_settings").select("renewal_months").where("tenant_id", "=", tenantId).executeTakeFirst();
  return row?.renewal_months ?? null;
}

export async function putRenewalMonths(db: Database, tenantId: string, months: number, at: string) {
  await db
    .insertInto("certificate_settings")
    .values({ tenant_id: tenantId, renewal_months: months, updated_at: at })
    .onConflict((oc) => oc.column("tenant_id").doUpdateSet({ renewal_months: months, updated_at: at }))
    .execute();
}

export async function insert(db: Database, c: Certificate) {
  await db
    .insertInto("child_certificates")
    .values({
      id: c.id,
      tenant_id: c.tenantId,
      association_id: c.associationId,
      opportunity_id: c.opportunityId,
      name: c.name,
      email: c.email,
      requested_on: c.requestedOn,
      requested_by: c.requestedBy,
      consented_on: c.consentedOn,
      consent_lapses_on: c.consentLapsesOn,
      consent_recorded_by: c.consentRecordedBy,
      outcome: c.outcome,
      assessed_on: c.assessedOn,
      assessed_by: c.assessedBy,
      renew_on: c.renewOn,
      left_on: c.leftOn,
      note: c.note,
      renewal_reminded_at: c.renewalRemindedAt,
      lapse_reminded_at: c.lapseRemindedAt,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
    })
    .execute();
}

export async function findById(db: Database, tenantId: string, id: string): Promise<Certificate | undefined> {
  const row = await db.selectFrom("child_certificates").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row ? toCertificate(row) : undefined;
}

export async function listForAssociation(db: Database, tenantId: string, associationId: string): Promise<Certificate[]> {
  const rows = await db
    .selectFrom("child_certificates")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("association_id", "=", associationId)
    .orderBy("name")
    .orderBy("id")
    .execute();
  return rows.map(toCertificate);
}

/** The association's newest record per volunteer, for these addresses (lower-cased). */
export async function forEmails(db: Database, tenantId: string, associationId: string, emails: readonly string[]): Promise<Certificate[]> {
  if (emails.length === 0) return [];
  const rows = await db
    .selectFrom("child_certificates")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("association_id", "=", associationId)
    .where("email", "in", [...new Set(emails)])
    .orderBy("requested_on", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toCertificate);
}

type Changes = Partial<
  Pick<
    ChildCertificatesTable,
    | "requested_on"
    | "requested_by"
    | "consented_on"
    | "consent_lapses_on"
    | "consent_recorded_by"
    | "outcome"
    | "assessed_on"
    | "assessed_by"
    | "renew_on"
    | "left_on"
    | "note"
    | "renewal_reminded_at"
    | "lapse_reminded_at"
  >
>;

export async function update(db: Database, tenantId: string, id: string, changes: Changes, at: string) {
  await db
    .updateTable("child_certificates")
    .set({ ...changes, updated_at: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

export async function remove(db: Database, tenantId: string, id: string) {
  await db.deleteFrom("child_certificates").where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}

/** Assessed certificates still in use whose renewal day is on or before this day, not yet reminded of. */
export async function renewalsToRemind(db: Database, tenantId: string, upTo: string): Promise<Certificate[]> {
  const rows = await db
    .selectFrom("child_certificates")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("renew_on", "<=", upTo)
    .where("outcome", "is not", null)
    .where("left_on", "is", null)
    .where("renewal_reminded_at", "is", null)
    .execute();
  return rows.map(toCertificate);
}

/** Consents that lapsed before this day without an assessment, not yet reminded of. */
export async function lapsedConsents(db: Database, tenantId: string, before: string): Promise<Certificate[]> {
  const rows = await db
    .selectFrom("child_certificates")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("consent_lapses_on", "<", before)
    .where("outcome", "is", null)
    .where("left_on", "is", null)
    .where("lapse_reminded_at", "is", null)
    .execute();
  return rows.map(toCertificate);
}

/** Every record of the tenant, for the retention sweep (a tenant's records are few: one per volunteer who works with children). */
export async function allOfTenant(db: Database, tenantId: string): Promise<Certificate[]> {
  return (await db.selectFrom("child_certificates").selectAll().where("tenant_id", "=", tenantId).execute()).map(toCertificate);
}

/** The records kept about a volunteer, by their address. */
export async function ofEmail(db: Database, tenantId: string, email: string): Promise<Certificate[]> {
  const rows = await db.selectFrom("child_certificates").selectAll().where("tenant_id", "=", tenantId).where("email", "=", email.toLowerCase()).execute();
  return rows.map(toCertificate);
}

export async function removeOfEmail(db: Database, tenantId: string, email: string) {
  await db.deleteFrom("child_certificates").where("tenant_id", "=", tenantId).where("email", "=", email.toLowerCase()).execute();
}

/** The steps a board member recorded: the records stay (they are the association's), the person is taken off. */
export async function recordedBy(db: Database, tenantId: string, userId: string): Promise<Certificate[]> {
  const rows = await db
    .selectFrom("child_certificates")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where((eb) => eb.or([eb("requested_by", "=", userId), eb("consent_recorded_by", "=", userId), eb("assessed_by", "=", userId)]))
    .execute();
  return rows.map(toCertificate);
}

export async function forgetRecorder(db: Database, tenantId: string, userId: string) {
  for (const column of ["requested_by", "consent_recorded_by", "assessed_by"] as const)
    await db
      .updateTable("child_certificates")
      .set({ [column]: null })
      .where("tenant_id", "=", tenantId)
      .where(column, "=", userId)
      .execute();
}
