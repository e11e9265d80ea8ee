import { DAY_MS, isoIn, isoNow } from "../../platform/clock.js";
import type { JobDeps, JobSet } from "../../platform/jobs/house-jobs.js";
import { type MailTemplate, sendTemplateMail } from "../../platform/mail/template-mail.js";
import { forEachTenantContext, inTransaction } from "../../platform/service-context.js";
import { claimReminder, type ReminderStep, unansweredApplications } from "./answer-reminders.repository.js";

export const REMIND_JOB = "applications.remind";

const REMINDERS: Record<ReminderStep, MailTemplate> = {
  nudge: { subject: "mail.remind.nudge.subject", paragraphs: ["mail.remind.nudge.body"], action: "mail.remind.action" },
  escalate: { subject: "mail.remind.escalate.subject", paragraphs: ["mail.remind.escalate.body"], action: "mail.remind.escalate.action" },
};

/**
 * The applicant who never hears back: after the tenant's first period the association is reminded,
 * after the second the volunteer centre is told and can step in. Each happens once per application.
 * The mails name no applicant: the link leads to them, for those allowed to see.
 */
export async function remindUnanswered(deps: JobDeps): Promise<void> {
  const now = isoNow(deps.clock);
  await forEachTenantContext(deps, async (ctx) => {
    const { tenant } = ctx;
    for (const step of ["nudge", "escalate"] as const) {
      const days = step === "nudge" ? tenant.answerNudgeDays : tenant.answerEscalateDays;
      for (const a of await unansweredApplications(ctx.db, tenant.id, step, isoIn(ctx.clock, -days * DAY_MS))) {
        await inTransaction(ctx, async (tx) => {
          if (!(await claimReminder(tx.db, tenant.id, a.id, step, now))) return;
          await sendTemplateMail(tx, {
            to: step === "nudge" ? a.contactEmail : tenant.contactEmail,
            template: REMINDERS[step],
            values: { title: a.title, days },
            link: step === "nudge" ? `/opportunities/${a.opportunityId}/applications/${a.id}` : "/opportunities/waiting",
          });
        });
      }
    }
  });
}

export const answerReminderJobs = (deps: JobDeps): JobSet => ({
  handlers: { [REMIND_JOB]: () => remindUnanswered(deps) },
  schedules: [{ name: REMIND_JOB, everyMs: 3600_000 }],
});
