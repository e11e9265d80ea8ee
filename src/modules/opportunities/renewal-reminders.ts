import { DAY_MS, isoIn, isoNow } from "../../platform/clock.js";
import type { JobDeps, JobSet } from "../../platform/jobs/house-jobs.js";
import { type MailTemplate, sendTemplateMail } from "../../platform/mail/template-mail.js";
import { forEachTenantContext, inTransaction } from "../../platform/service-context.js";
import { expiringPostings, markRenewalReminded } from "./renewal-reminders.repository.js";

export const RENEWAL_JOB = "opportunities.renewal";
const RENEWAL_NOTICE_DAYS = 7;
const RENEWAL: MailTemplate = { subject: "mail.renewal.subject", paragraphs: ["mail.renewal.body"], action: "mail.renewal.action" };

/** A week before a posting runs out, its contact person is asked whether to extend it. Once per posting and expiry. */
export async function remindRenewals(deps: JobDeps): Promise<void> {
  const today = isoNow(deps.clock).slice(0, 10);
  const soon = isoIn(deps.clock, RENEWAL_NOTICE_DAYS * DAY_MS).slice(0, 10);
  await forEachTenantContext(deps, async (ctx) => {
    for (const o of await expiringPostings(ctx.db, ctx.tenant.id, today, soon)) {
      await inTransaction(ctx, async (tx) => {
        await markRenewalReminded(tx.db, ctx.tenant.id, o.id, isoNow(ctx.clock));
        await sendTemplateMail(tx, {
          to: o.contactEmail,
          template: RENEWAL,
          values: { title: o.title },
          dates: { date: o.expiresOn },
          link: `/opportunities/${o.id}/edit`,
        });
      });
    }
  });
}

export const renewalReminderJobs = (deps: JobDeps): JobSet => ({
  handlers: { [RENEWAL_JOB]: () => remindRenewals(deps) },
  schedules: [{ name: RENEWAL_JOB, everyMs: 6 * 3600_000 }],
});
