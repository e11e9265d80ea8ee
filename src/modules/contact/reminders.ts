import { DAY_MS, isoIn, isoNow } from "../../platform/clock.js";
import type { JobDeps, JobSet } from "../../platform/jobs/house-jobs.js";
import { type MailTemplate, sendTemplateMail } from "../../platform/mail/template-mail.js";
import { forEachTenantContext, inTransaction, type ServiceContext } from "../../platform/service-context.js";
import * as repo from "./contact.repository.js";
import { localDay, monthsBefore } from "./deadline.js";
import { responsibleAddress } from "./enquiries.js";

export const CONTACT_JOB = "contact.daily";

const REMINDERS: Record<repo.ReminderStep, MailTemplate> = {
  remind: { subject: "contact.mail.remind.subject", paragraphs: ["contact.mail.remind.body"], action: "contact.mail.open" },
  escalate: { subject: "contact.mail.escalate.subject", paragraphs: ["contact.mail.escalate.body"], action: "contact.mail.open" },
};

/**
 * The citizen who never hears back: when the deadline passes unanswered, the topic's person (or inbox)
 * is reminded; after the tenant's further days the administrators are told and can step in. Each happens
 * once per enquiry. The mails name no sender: the link leads to them, for those allowed to see.
 */
export async function remindUnanswered(ctx: ServiceContext): Promise<void> {
  const settings = await repo.findSettings(ctx.db, ctx.tenant.id);
  const now = isoNow(ctx.clock);
  for (const step of ["remind", "escalate"] as const) {
    const before = step === "remind" ? now : isoIn(ctx.clock, -settings.escalateDays * DAY_MS);
    for (const e of await repo.unansweredEnquiries(ctx.db, ctx.tenant.id, step, before)) {
      await inTransaction(ctx, async (tx) => {
        if (!(await repo.claimReminder(tx.db, tx.tenant.id, e.id, step, now))) return;
        const topic = await repo.findTopic(tx.db, tx.tenant.id, (await repo.findEnquiry(tx.db, tx.tenant.id, e.id))?.topicId ?? "");
        if (!topic) return;
        const to = step === "remind" ? [await responsibleAddress(tx, topic)] : await repo.tenantAdminEmails(tx.db, tx.tenant.id);
        for (const address of to.length ? to : [tx.tenant.contactEmail]) {
          await sendTemplateMail(tx, {
            to: address,
            template: REMINDERS[step],
            values: { unit: topic.unitName, days: settings.escalateDays },
            dates: { date: localDay(e.dueAt, tx.tenant.timeZone) },
            link: `/contact/enquiries/${e.id}`,
          });
        }
      });
    }
  }
}

/** Closed enquiries are deleted after the tenant's period (12 months unless it chose otherwise). */
export async function deleteOldEnquiries(ctx: ServiceContext): Promise<void> {
  const settings = await repo.findSettings(ctx.db, ctx.tenant.id);
  await repo.deleteClosedBefore(ctx.db, ctx.tenant.id, monthsBefore(ctx.clock.now(), settings.keepMonths, ctx.tenant.timeZone));
}

export const contactJobs = (deps: JobDeps): JobSet => ({
  handlers: {
    [CONTACT_JOB]: () =>
      forEachTenantContext(deps, async (ctx) => {
        await remindUnanswered(ctx);
        await deleteOldEnquiries(ctx);
      }),
  },
  schedules: [{ name: CONTACT_JOB, everyMs: DAY_MS }],
});
