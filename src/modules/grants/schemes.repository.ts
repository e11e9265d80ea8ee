import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import { listOf } from "../../db/lists.js";
import { parseTranslations } from "../../platform/i18n/localized.js";
import { formDefinition } from "./form.model.js";
import type { Criterion, FormVersion, ReportPart, Round, Scheme } from "./grants.model.js";
import type { GrantFormVersionsTable, GrantRoundsTable, GrantSchemesTable } from "./grants.table.js";

const toScheme = (row: Selectable<GrantSchemesTable>): Scheme => ({
  id: row.id,
  tenantId: row.tenant_id,
  title: row.title,
  purpose: row.purpose,
  rules: row.rules,
  whoMayApply: row.who_may_apply,
  translations: parseTranslations(row.translations),
  maxAmount: row.max_amount,
  requiresRegistration: row.requires_registration === 1,
  criteria: JSON.parse(row.criteria) as Criterion[],
  reportDemands: listOf(row.report_demands) as ReportPart[],
  reportMonths: row.report_months,
  allYear: row.all_year === 1,
  status: row.status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const schemeRow = (tenantId: string, s: Scheme): Selectable<GrantSchemesTable> => ({
  id: s.id,
  tenant_id: tenantId,
  title: s.title,
  purpose: s.purpose,
  rules: s.rules,
  who_may_apply: s.whoMayApply,
  translations: JSON.stringify(s.translations),
  max_amount: s.maxAmount,
  requires_registration: s.requiresRegistration ? 1 : 0,
  criteria: JSON.stringify(s.criteria),
  report_demands: s.reportDemands.join(","),
  report_months: s.reportMonths,
  all_year: s.allYear ? 1 : 0,
  status: s.status,
  created_at: s.createdAt,
  updated_at: s.updatedAt,
});

export async function insertScheme(db: Database, tenantId: string, s: Scheme): Promise<void> {
  await db.insertInto("grant_schemes").values(schemeRow(tenantId, s)).execute();
}

export async function updateScheme(db: Database, tenantId: string, s: Scheme): Promise<void> {
  const { id: _id, tenant_id: _t, created_at: _c, ...changes } = schemeRow(tenantId, s);
  await db.updateTable("grant_schemes").set(changes).where("tenant_id", "=", tenantId).where("id", "=", s.id).execute();
}

export async function findScheme(db: Database, tenantId: string, id: string): Promise<Scheme | undefined> {
  const row = await db.selectFrom("grant_schemes").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row && toScheme(row);
}

/** The tenant's schemes, newest first; only those in the given states when asked. */
export async function listSchemes(db: Database, tenantId: string, statuses?: Scheme["status"][]): Promise<Scheme[]> {
  let q = db.selectFrom("grant_schemes").selectAll().where("tenant_id", "=", tenantId);
  if (statuses) q = q.where("status", "in", statuses);
  return (await q.orderBy("created_at", "desc").orderBy("id").execute()).map(toScheme);
}

const toVersion = (row: Selectable<GrantFormVersionsTable>): FormVersion => ({
  id: row.id,
  schemeId: row.scheme_id,
  version: row.version,
  definition: formDefinition.parse(JSON.parse(row.definition)),
  createdAt: row.created_at,
  frozenAt: row.frozen_at,
});

/** The scheme's newest form version: the one new applications are made on. */
export async function latestFormVersion(db: Database, tenantId: string, schemeId: string): Promise<FormVersion | undefined> {
  const row = await db
    .selectFrom("grant_form_versions")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("scheme_id", "=", schemeId)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return row && toVersion(row);
}

export async function findFormVersion(db: Database, tenantId: string, id: string): Promise<FormVersion | undefined> {
  const row = await db.selectFrom("grant_form_versions").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row && toVersion(row);
}

export async function insertFormVersion(db: Database, tenantId: string, v: FormVersion, createdBy: string | null): Promise<void> {
  await db
    .insertInto("grant_form_versions")
    .values({
      id: v.id,
      tenant_id: tenantId,
      scheme_id: v.schemeId,
      version: v.version,
      definition: JSON.stringify(v.definition),
      created_by: createdBy,
      created_at: v.createdAt,
      frozen_at: v.frozenAt,
    })
    .execute();
}

/** Changes a version nobody has applied on yet; a frozen one is left as it is (the caller makes a new version). */
export async function updateOpenFormVersion(db: Database, tenantId: string, id: string, definition: FormVersion["definition"]): Promise<boolean> {
  const r = await db
    .updateTable("grant_form_versions")
    .set({ definition: JSON.stringify(definition) })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .where("frozen_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function freezeFormVersion(db: Database, tenantId: string, id: string, at: string): Promise<void> {
  await db
    .updateTable("grant_form_versions")
    .set({ frozen_at: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .where("frozen_at", "is", null)
    .execute();
}

const toRound = (row: Selectable<GrantRoundsTable>): Round => ({
  id: row.id,
  tenantId: row.tenant_id,
  schemeId: row.scheme_id,
  title: row.title,
  opensAt: row.opens_at,
  deadlineAt: row.deadline_at,
  secondDeadlineAt: row.second_deadline_at,
  budget: row.budget,
  status: row.status,
  decisionBody: row.decision_body,
  decidedAt: row.decided_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const roundRow = (tenantId: string, r: Round): Selectable<GrantRoundsTable> => ({
  id: r.id,
  tenant_id: tenantId,
  scheme_id: r.schemeId,
  title: r.title,
  opens_at: r.opensAt,
  deadline_at: r.deadlineAt,
  second_deadline_at: r.secondDeadlineAt,
  budget: r.budget,
  status: r.status,
  decision_body: r.decisionBody,
  decided_at: r.decidedAt,
  created_at: r.createdAt,
  updated_at: r.updatedAt,
});

export async function insertRound(db: Database, tenantId: string, r: Round): Promise<void> {
  await db.insertInto("grant_rounds").values(roundRow(tenantId, r)).execute();
}

export async function updateRound(db: Database, tenantId: string, r: Round): Promise<void> {
  const { id: _id, tenant_id: _t, created_at: _c, scheme_id: _s, ...changes } = roundRow(tenantId, r);
  await db.updateTable("grant_rounds").set(changes).where("tenant_id", "=", tenantId).where("id", "=", r.id).execute();
}

export async function findRound(db: Database, tenantId: string, id: string): Promise<Round | undefined> {
  const row = await db.selectFrom("grant_rounds").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row && toRound(row);
}

/** Rounds of the tenant (of one scheme when given), the latest deadline first; rounds without one first of all. */
export async function listRounds(db: Database, tenantId: string, schemeId?: string): Promise<Round[]> {
  let q = db.selectFrom("grant_rounds").selectAll().where("tenant_id", "=", tenantId);
  if (schemeId) q = q.where("scheme_id", "=", schemeId);
  return (await q.orderBy("opens_at", "desc").orderBy("id").execute()).map(toRound);
}
