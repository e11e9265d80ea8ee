import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { Answers } from "./form.model.js";
import type { Application, ApplicationFile, ApplicationProfile, BoardMember, Eligibility } from "./grants.model.js";
import type { GrantApplicationFilesTable, GrantApplicationsTable } from "./grants.table.js";

const toApplication = (row: Selectable<GrantApplicationsTable>): Application => ({
  id: row.id,
  tenantId: row.tenant_id,
  roundId: row.round_id,
  schemeId: row.scheme_id,
  associationId: row.association_id,
  formVersionId: row.form_version_id,
  reference: row.reference,
  status: row.status,
  title: row.title,
  amountRequested: row.amount_requested,
  answers: JSON.parse(row.answers) as Answers,
  profile: row.profile ? (JSON.parse(row.profile) as ApplicationProfile) : null,
  reopened: JSON.parse(row.reopened) as string[],
  language: row.language,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedBy: row.updated_by,
  updatedAt: row.updated_at,
  submittedBy: row.submitted_by,
  submittedAt: row.submitted_at,
  eligibility: row.eligibility ? (JSON.parse(row.eligibility) as Eligibility) : null,
  recommendedAmount: row.recommended_amount,
  recommendation: row.recommendation,
  recommendedBy: row.recommended_by,
  recommendedAt: row.recommended_at,
  decision: row.decision,
  grantedAmount: row.granted_amount,
  decisionReason: row.decision_reason,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
  letterSentAt: row.letter_sent_at,
});

const applicationRow = (tenantId: string, a: Application): Selectable<GrantApplicationsTable> => ({
  id: a.id,
  tenant_id: tenantId,
  round_id: a.roundId,
  scheme_id: a.schemeId,
  association_id: a.associationId,
  form_version_id: a.formVersionId,
  reference: a.reference,
  status: a.status,
  title: a.title,
  amount_requested: a.amountRequested,
  answers: JSON.stringify(a.answers),
  profile: a.profile ? JSON.stringify(a.profile) : null,
  reopened: JSON.stringify(a.reopened),
  language: a.language,
  created_by: a.createdBy,
  created_at: a.createdAt,
  updated_by: a.updatedBy,
  updated_at: a.updatedAt,
  submitted_by: a.submittedBy,
  submitted_at: a.submittedAt,
  eligibility: a.eligibility ? JSON.stringify(a.eligibility) : null,
  recommended_amount: a.recommendedAmount,
  recommendation: a.recommendation,
  recommended_by: a.recommendedBy,
  recommended_at: a.recommendedAt,
  decision: a.decision,
  granted_amount: a.grantedAmount,
  decision_reason: a.decisionReason,
  decided_by: a.decidedBy,
  decided_at: a.decidedAt,
  letter_sent_at: a.letterSentAt,
});

export async function insertApplication(db: Database, tenantId: string, a: Application): Promise<void> {
  await db.insertInto("grant_applications").values(applicationRow(tenantId, a)).execute();
}

/** Writes the application as the service changed it (never its tenant, round, association or form). */
export async function updateApplication(db: Database, tenantId: string, a: Application): Promise<void> {
  const {
    id: _i,
    tenant_id: _t,
    round_id: _r,
    scheme_id: _s,
    association_id: _a,
    form_version_id: _f,
    reference: _n,
    created_at: _c,
    created_by: _b,
    ...changes
  } = applicationRow(tenantId, a);
  await db.updateTable("grant_applications").set(changes).where("tenant_id", "=", tenantId).where("id", "=", a.id).execute();
}

export async function findApplication(db: Database, tenantId: string, id: string): Promise<Application | undefined> {
  const row = await db.selectFrom("grant_applications").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row && toApplication(row);
}

/** A round's applications (drafts left out unless asked for), by reference. */
export async function applicationsOfRound(db: Database, tenantId: string, roundId: string, withDrafts = false): Promise<Application[]> {
  let q = db.selectFrom("grant_applications").selectAll().where("tenant_id", "=", tenantId).where("round_id", "=", roundId);
  if (!withDrafts) q = q.where("status", "not in", ["draft", "withdrawn"]);
  return (await q.orderBy("reference").execute()).map(toApplication);
}

/** The applications of some associations, newest first. */
export async function applicationsOfAssociations(db: Database, tenantId: string, associationIds: readonly string[]): Promise<Application[]> {
  if (associationIds.length === 0) return [];
  const rows = await db
    .selectFrom("grant_applications")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("association_id", "in", associationIds)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map(toApplication);
}

/** The next reference of the year: "2026-0001", "2026-0002", … per tenant. */
export async function nextReference(db: Database, tenantId: string, year: number): Promise<string> {
  const row = await db
    .selectFrom("grant_applications")
    .select((eb) => eb.fn.max("reference").as("last"))
    .where("tenant_id", "=", tenantId)
    .where("reference", "like", `${year}-%`)
    .executeTakeFirst();
  const last = row?.last ? Number(String(row.last).slice(5)) : 0;
  return `${year}-${String(last + 1).padStart(4, "0")}`;
}

const toFile = (row: Selectable<GrantApplicationFilesTable>): ApplicationFile => ({
  id: row.id,
  applicationId: row.application_id,
  fieldKey: row.field_key,
  fileId: row.file_id,
  name: row.name,
  contentType: row.content_type,
  size: row.size,
  createdAt: row.created_at,
});

export async function insertFile(db: Database, tenantId: string, f: ApplicationFile, createdBy: string): Promise<void> {
  await db
    .insertInto("grant_application_files")
    .values({
      id: f.id,
      tenant_id: tenantId,
      application_id: f.applicationId,
      field_key: f.fieldKey,
      file_id: f.fileId,
      name: f.name,
      content_type: f.contentType,
      size: f.size,
      created_by: createdBy,
      created_at: f.createdAt,
    })
    .execute();
}

export async function filesOf(db: Database, tenantId: string, applicationId: string): Promise<ApplicationFile[]> {
  const rows = await db
    .selectFrom("grant_application_files")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("application_id", "=", applicationId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toFile);
}

export async function deleteFile(db: Database, tenantId: string, applicationId: string, id: string): Promise<ApplicationFile | undefined> {
  const row = await db
    .deleteFrom("grant_application_files")
    .where("tenant_id", "=", tenantId)
    .where("application_id", "=", applicationId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
  return row && toFile(row);
}

/** The association's kept facts (without the name, number and address, which the association's own record holds). */
export async function findProfile(
  db: Database,
  tenantId: string,
  associationId: string,
): Promise<Pick<ApplicationProfile, "bankAccount" | "board" | "memberCount" | "activities" | "updatedAt"> | undefined> {
  const row = await db
    .selectFrom("grant_profiles")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("association_id", "=", associationId)
    .executeTakeFirst();
  return (
    row && {
      bankAccount: row.bank_account,
      board: JSON.parse(row.board) as BoardMember[],
      memberCount: row.member_count,
      activities: row.activities,
      updatedAt: row.updated_at,
    }
  );
}

export async function putProfile(
  db: Database,
  tenantId: string,
  associationId: string,
  p: Pick<ApplicationProfile, "bankAccount" | "board" | "memberCount" | "activities">,
  by: string,
  at: string,
): Promise<void> {
  const values = {
    bank_account: p.bankAccount,
    board: JSON.stringify(p.board),
    member_count: p.memberCount,
    activities: p.activities,
    updated_by: by,
    updated_at: at,
  };
  await db
    .insertInto("grant_profiles")
    .values({ tenant_id: tenantId, association_id: associationId, ...values })
    .onConflict((oc) => oc.columns(["tenant_id", "association_id"]).doUpdateSet(values))
    .execute();
}
