import { findUserById } from "../../platform/auth/users.repository.js";
import { isoNow } from "../../platform/clock.js";
import { sendTemplateMail } from "../../platform/mail/template-mail.js";
import { inTransaction, type ServiceContext, tenantToday } from "../../platform/service-context.js";
import { noteCaseMail } from "./cases.js";
import * as repo from "./follow-ups.repository.js";

export const FOLLOW_UP_REMINDERS_JOB = "bridge.follow_up_reminders";

/**
 * Once a follow-up falls due, the bridge-builder holding the case gets one mail saying so, with a link to
 * the case's follow-ups and nothing about the person. A case nobody holds waits until someone takes it.
 */
export async function remindFollowUps(ctx: ServiceContext): Promise<void> {
  const due = await repo.remindersDue(ctx.db, ctx.tenant.id, tenantToday(ctx));
  for (const f of due) {
    await inTransaction(ctx, async (tx) => {
      const builder = await findUserById(tx.db, tx.tenant.id, f.builderId);
      if (builder) {
        const mailId = await sendTemplateMail(tx, {
          to: builder.email,
          template: { subject: "bridge.mail.followUpDue.subject", paragraphs: ["bridge.mail.followUpDue.body"], action: "bridge.mail.followUpDue.action" },
          values: {},
          link: `/bridge/cases/${f.caseId}/follow-ups`,
        });
        await noteCaseMail(tx, f.caseId, mailId);
      }
      await repo.markReminded(tx.db, tx.tenant.id, f.id, isoNow(tx.clock));
    });
  }
}
