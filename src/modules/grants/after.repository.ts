import type { Database } from "../../db/database.js";
import { listOf } from "../../db/lists.js";
import type { Report, ReportStatus } from "./grants.model.js";

/** A report as the lists show it: with its grant's reference, title and sum. */
export interface ReportListRow {
  id: string;
  applicationId: string;
  associationId: string;
  reference: string;
  title: string;
  grantedAmount: number;
  dueOn: string;
  status: ReportStatus;
  toRepay: number | null;
  repaidAt: string | null;
  reminders: Report["reminders"];
}

interface ListRowColumns {
  id: string;
  application_id: string;
  association_id: string;
  reference: string;
  title: string;
  granted_amount: number | null;
  due_on: string;
  status: ReportStatus;
  to_repay: number | null;
  repaid_at: string | null;
  reminders: string;
}

const toListRow = (row: ListRowColumns): ReportListRow => ({
  id: row.id,
  applicationId: row.application_id,
  associationId: row.association_id,
  reference: row.reference,
  title: row.title,
  grantedAmount: row.granted_amount ?? 0,
  dueOn: row.due_on,
  status: row.status,
  toRepay: row.to_repay,
  repaidAt: row.repaid_at,
  reminders: listOf(row.reminders) as Report["reminders"],
});

const listRows = (db: Database, tenantId: string) =>
  db
    .selectFrom("grant_reports as r")
    .innerJoin("grant_applications as a", (j) => j.onRef("a.id", "=", "r.application_id").onRef("a.tenant_id", "=", "r.tenant_id"))
    .select([
      "r.id",
      "r.application_id",
      "r.association_id",
      "a.reference",
      "a.title",
      "a.granted_amount",
      "r.due_on",
      "r.status",
      "r.to_repay",
      "r.repaid_at",
      "r.reminders",
    ])
    .where("r.tenant_id", "=", tenantId);

/** All the tenant's reports, the earliest due first. */
export async function tenantReports(db: Database, tenantId: string): Promise<ReportListRow[]> {
  const rows = await listRows(db, tenantId).orderBy("r.due_on").orderBy("a.reference").execute();
  return rows.map(toListRow);
}

/** Reports not yet sent (due, or more asked for) falling due on or before `upTo`: those a reminder may be owed for. */
export async function unsentReportsDueBy(db: Database, tenantId: string, upTo: string): Promise<ReportListRow[]> {
  const rows = await listRows(db, tenantId).where("r.status", "in", ["due", "more"]).where("r.due_on", "<=", upTo).orderBy("r.due_on").execute();
  return rows.map(toListRow);
}

/** The reports these associations still have to send, the earliest due first. */
export async function unsentReportsOf(db: Database, tenantId: string, associationIds: readonly string[]): Promise<ReportListRow[]> {
  if (associationIds.length === 0) return [];
  const rows = await listRows(db, tenantId)
    .where("r.association_id", "in", associationIds)
    .where("r.status", "in", ["due", "more"])
    .orderBy("r.due_on")
    .execute();
  return rows.map(toListRow);
}

/** How many reports wait for a caseworker's approval. */
export async function submittedCount(db: Database, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom("grant_reports")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "submitted")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Notes the reminders sent for a report. */
export async function setReminders(db: Database, tenantId: string, reportId: string, reminders: readonly string[], at: string): Promise<void> {
  await db
    .updateTable("grant_reports")
    .set({ reminders: reminders.join(","), updated_at: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", reportId)
    .execute();
}
