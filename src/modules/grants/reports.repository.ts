import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import { listOf } from "../../db/lists.js";
import type { Report } from "./grants.model.js";
import type { GrantReportsTable } from "./grants.table.js";

const toReport = (row: Selectable<GrantReportsTable>): Report => ({
  id: row.id,
  tenantId: row.tenant_id,
  applicationId: row.application_id,
  associationId: row.association_id,
  dueOn: row.due_on,
  status: row.status,
  whatWasDone: row.what_was_done,
  participants: row.participants,
  volunteerHours: row.volunteer_hours,
  accounts: JSON.parse(row.accounts) as Report["accounts"],
  spent: row.spent,
  toRepay: row.to_repay,
  repaidAt: row.repaid_at,
  reminders: listOf(row.reminders) as Report["reminders"],
  submittedBy: row.submitted_by,
  submittedAt: row.submitted_at,
  reviewedBy: row.reviewed_by,
  reviewedAt: row.reviewed_at,
  reviewNote: row.review_note,
});

const reportRow = (tenantId: string, r: Report, at: string): Omit<Selectable<GrantReportsTable>, "created_at"> => ({
  id: r.id,
  tenant_id: tenantId,
  application_id: r.applicationId,
  association_id: r.associationId,
  due_on: r.dueOn,
  status: r.status,
  what_was_done: r.whatWasDone,
  participants: r.participants,
  volunteer_hours: r.volunteerHours,
  accounts: JSON.stringify(r.accounts),
  spent: r.spent,
  to_repay: r.toRepay,
  repaid_at: r.repaidAt,
  reminders: r.reminders.join(","),
  submitted_by: r.submittedBy,
  submitted_at: r.submittedAt,
  reviewed_by: r.reviewedBy,
  reviewed_at: r.reviewedAt,
  review_note: r.reviewNote,
  updated_at: at,
});

export async function insertReport(db: Database, tenantId: string, r: Report, at: string): Promise<void> {
  await db
    .insertInto("grant_reports")
    .values({ ...reportRow(tenantId, r, at), created_at: at })
    .execute();
}

export async function updateReport(db: Database, tenantId: string, r: Report, at: string): Promise<void> {
  const { id: _i, tenant_id: _t, application_id: _a, association_id: _s, ...changes } = reportRow(tenantId, r, at);
  await db.updateTable("grant_reports").set(changes).where("tenant_id", "=", tenantId).where("id", "=", r.id).execute();
}

export async function reportOf(db: Database, tenantId: string, applicationId: string): Promise<Report | undefined> {
  const row = await db.selectFrom("grant_reports").selectAll().where("tenant_id", "=", tenantId).where("application_id", "=", applicationId).executeTakeFirst();
  return row && toReport(row);
}

/** The association's reports past their deadline and not yet approved: while there is one, it gets no new grant. */
export async function overdueReports(db: Database, tenantId: string, associationId: string, today: string): Promise<Report[]> {
  const rows = await db
    .selectFrom("grant_reports")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("association_id", "=", associationId)
    .where("status", "!=", "approved")
    .where("due_on", "<", today)
    .orderBy("due_on")
    .execute();
  return rows.map(toReport);
}
