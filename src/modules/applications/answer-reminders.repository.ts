import type { Database } from "../../db/database.js";

/** Which reminder about an unanswered application: the association's nudge, or the volunteer centre's. */
export type ReminderStep = "nudge" | "escalate";

const STEP_COLUMN = { nudge: "nudged_at", escalate: "escalated_at" } as const;

/** A confirmed application nobody has answered, with the posting it was for. */
export interface UnansweredApplication {
  id: string;
  opportunityId: string;
  title: string;
  contactEmail: string;
}

/** Applications confirmed before the moment, still unanswered and not yet reminded at this step. */
export async function unansweredApplications(db: Database, tenantId: string, step: ReminderStep, confirmedBefore: string): Promise<UnansweredApplication[]> {
  const rows = await db
    .selectFrom("applications as ap")
    .innerJoin("opportunities as o", (j) => j.onRef("o.id", "=", "ap.opportunity_id").onRef("o.tenant_id", "=", "ap.tenant_id"))
    .select(["ap.id", "ap.opportunity_id", "o.title", "o.contact_email"])
    .where("ap.tenant_id", "=", tenantId)
    .where("ap.status", "=", "new")
    .where("ap.first_answer_at", "is", null)
    .where(`ap.${STEP_COLUMN[step]}`, "is", null)
    .where("ap.confirmed_at", "<=", confirmedBefore)
    .execute();
  return rows.map((r) => ({ id: r.id, opportunityId: r.opportunity_id, title: r.title, contactEmail: r.contact_email }));
}

/** Notes the step as done; false when another run did it first, so each reminder goes once. */
export async function claimReminder(db: Database, tenantId: string, applicationId: string, step: ReminderStep, at: string): Promise<boolean> {
  const column = STEP_COLUMN[step];
  const claimed = await db
    .updateTable("applications")
    .set({ [column]: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", applicationId)
    .where(column, "is", null)
    .executeTakeFirst();
  return claimed.numUpdatedRows > 0n;
}
