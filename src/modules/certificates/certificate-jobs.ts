import { Temporal } from "temporal-polyfill";
import { DAY_MS, isoNow } from "../../platform/clock.js";
import type { JobDeps, JobSet } from "../../platform/jobs/house-jobs.js";
import { type MailTemplate, sendTemplateMail } from "../../platform/mail/template-mail.js";
import { forEachTenantContext, inTransaction, type ServiceContext, tenantToday } from "../../platform/service-context.js";
import { adminAddresses } from "../associations/index.js";
import { deleteOn, RENEWAL_NOTICE_DAYS } from "./certificates.model.js";
import * as repo from "./certificates.repository.js";

export const CERTIFICATE_REMINDERS_JOB = "certificates.reminders";

const RENEWAL: MailTemplate = {
  subject: "certificates.mail.renewal.subject",
  paragraphs: ["certificates.mail.renewal.body"],
  action: "certificates.mail.action",
};
const LAPSED: MailTemplate = {
  subject: "certificates.mail.lapsed.subject",
  paragraphs: ["certificates.mail.lapsed.body"],
  action: "certificates.mail.action",
};

const addDays = (day: string, days: number) => Temporal.PlainDate.from(day).add({ days }).toString();

/**
 * Once a day for each tenant: mails the board once when a certificate is due for renewal within 30 days, and
 * once when a consent lapsed without an assessment; then deletes the records whose retention has run out.
 */
export async function remindCertificates(ctx: ServiceContext): Promise<void> {
  const today = tenantToday(ctx);
  const mail = async (tx: ServiceContext, associationId: string, template: MailTemplate, id: string, name: string, date: string) => {
    for (const to of await adminAddresses(tx, associationId))
      await sendTemplateMail(tx, { to, template, values: { name }, dates: { date }, link: `/certificates/${id}` });
  };
  for (const c of await repo.renewalsToRemind(ctx.db, ctx.tenant.id, addDays(today, RENEWAL_NOTICE_DAYS)))
    await inTransaction(ctx, async (tx) => {
      await mail(tx, c.associationId, RENEWAL, c.id, c.name, c.renewOn ?? today);
      await repo.update(tx.db, tx.tenant.id, c.id, { renewal_reminded_at: isoNow(tx.clock) }, isoNow(tx.clock));
    });
  for (const c of await repo.lapsedConsents(ctx.db, ctx.tenant.id, today))
    await inTransaction(ctx, async (tx) => {
      await mail(tx, c.associationId, LAPSED, c.id, c.name, c.consentLapsesOn ?? today);
      await repo.update(tx.db, tx.tenant.id, c.id, { lapse_reminded_at: isoNow(tx.clock) }, isoNow(tx.clock));
    });
  for (const c of await repo.allOfTenant(ctx.db, ctx.tenant.id)) if (deleteOn(c) <= today) await repo.remove(ctx.db, ctx.tenant.id, c.id);
}

export function certificateJobs(deps: JobDeps): JobSet {
  return {
    handlers: { [CERTIFICATE_REMINDERS_JOB]: () => forEachTenantContext(deps, remindCertificates) },
    schedules: [{ name: CERTIFICATE_REMINDERS_JOB, everyMs: DAY_MS }],
  };
}
