import { Temporal } from "temporal-polyfill";
import { DAY_MS, isoNow } from "../../platform/clock.js";
import type { JobDeps, JobSet } from "../../platform/jobs/house-jobs.js";
import { type MailTemplate, sendTemplateMail } from "../../platform/mail/template-mail.js";
import { forEachTenantContext, inTransaction, type ServiceContext, tenantToday } from "../../platform/service-context.js";
import { adminAddresses } from "../associations/index.js";
import * as after from "./after.repository.js";
import type { Report } from "./grants.model.js";

export const REPORT_REMINDERS_JOB = "grants.report_reminders";

/** Days before the report's deadline the first reminder goes; days after it the last. */
export const REMIND_BEFORE_DAYS = 14;
export const REMIND_AFTER_DAYS = 7;

type Reminder = Report["reminders"][number];
const ORDER: Reminder[] = ["before", "on", "after"];

/** The reminder a report not yet sent is owed on this day, if any: the latest whose day has come. */
export function reminderDue(dueOn: string, today: string): Reminder | null {
  const due = Temporal.PlainDate.from(dueOn);
  if (today >= due.add({ days: REMIND_AFTER_DAYS }).toString()) return "after";
  if (today >= dueOn) return "on";
  if (today >= due.subtract({ days: REMIND_BEFORE_DAYS }).toString()) return "before";
  return null;
}

const MAILS: Record<Reminder, MailTemplate> = {
  before: { subject: "grants.mail.reportBefore.subject", paragraphs: ["grants.mail.reportBefore.body"], action: "grants.mail.report.action" },
  on: { subject: "grants.mail.reportOn.subject", paragraphs: ["grants.mail.reportOn.body"], action: "grants.mail.report.action" },
  after: { subject: "grants.mail.reportAfter.subject", paragraphs: ["grants.mail.reportAfter.body"], action: "grants.mail.report.action" },
};

/**
 * Reminds the boards of reports not yet sent: two weeks before the deadline, on the day, and a week
 * after. Each is sent once; a reminder whose day passed while a later one is due is skipped, not sent late.
 */
export async function remindReports(ctx: ServiceContext): Promise<void> {
  const today = tenantToday(ctx);
  const upTo = Temporal.PlainDate.from(today).add({ days: REMIND_BEFORE_DAYS }).toString();
  for (const r of await after.unsentReportsDueBy(ctx.db, ctx.tenant.id, upTo)) {
    const which = reminderDue(r.dueOn, today);
    if (!which || r.reminders.includes(which)) continue;
    const sent = ORDER.slice(0, ORDER.indexOf(which) + 1);
    await inTransaction(ctx, async (tx) => {
      for (const to of await adminAddresses(tx, r.associationId)) {
        await sendTemplateMail(tx, {
          to,
          template: MAILS[which],
          values: { title: r.title, reference: r.reference },
          dates: { date: r.dueOn },
          link: `/grants/applications/${r.applicationId}/report`,
        });
      }
      await after.setReminders(tx.db, tx.tenant.id, r.id, [...new Set([...r.reminders, ...sent])], isoNow(tx.clock));
    });
  }
}

export function grantsJobs(deps: JobDeps): JobSet {
  return {
    handlers: { [REPORT_REMINDERS_JOB]: () => forEachTenantContext(deps, remindReports) },
    schedules: [{ name: REPORT_REMINDERS_JOB, everyMs: DAY_MS }],
  };
}
