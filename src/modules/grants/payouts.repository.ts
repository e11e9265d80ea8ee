import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { Payout } from "./grants.model.js";
import type { GrantPayoutsTable } from "./grants.table.js";

const toPayout = (row: Selectable<GrantPayoutsTable>): Payout => ({
  id: row.id,
  applicationId: row.application_id,
  amount: row.amount,
  dueOn: row.due_on,
  paidAt: row.paid_at,
  paidBy: row.paid_by,
});

export async function insertPayouts(db: Database, tenantId: string, payouts: Payout[], at: string): Promise<void> {
  if (payouts.length === 0) return;
  await db
    .insertInto("grant_payouts")
    .values(
      payouts.map((p) => ({
        id: p.id,
        tenant_id: tenantId,
        application_id: p.applicationId,
        amount: p.amount,
        due_on: p.dueOn,
        paid_at: p.paidAt,
        paid_by: p.paidBy,
        created_at: at,
      })),
    )
    .execute();
}

/** The payouts of these applications, by due date. */
export async function payoutsOf(db: Database, tenantId: string, applicationIds: readonly string[]): Promise<Payout[]> {
  if (applicationIds.length === 0) return [];
  const rows = await db
    .selectFrom("grant_payouts")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("application_id", "in", applicationIds)
    .orderBy("due_on")
    .orderBy("id")
    .execute();
  return rows.map(toPayout);
}

/** Removes an application's payouts not yet paid (before planning them again). */
export async function deleteUnpaid(db: Database, tenantId: string, applicationId: string): Promise<void> {
  await db.deleteFrom("grant_payouts").where("tenant_id", "=", tenantId).where("application_id", "=", applicationId).where("paid_at", "is", null).execute();
}

export async function markPaid(db: Database, tenantId: string, ids: readonly string[], by: string, at: string): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db
    .updateTable("grant_payouts")
    .set({ paid_at: at, paid_by: by })
    .where("tenant_id", "=", tenantId)
    .where("id", "in", ids)
    .where("paid_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
