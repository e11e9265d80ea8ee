import { findUserById } from "../../platform/auth/users.repository.js";
import { DAY_MS, isoNow } from "../../platform/clock.js";
import type { JobDeps, JobSet } from "../../platform/jobs/house-jobs.js";
import { sendTemplateMail } from "../../platform/mail/template-mail.js";
import { forEachTenantContext, inTransaction, type ServiceContext, tenantToday } from "../../platform/service-context.js";
import * as repo from "./counselling.repository.js";

export const NEXT_STEP_REMINDERS_JOB = "counselling.next_step_reminders";

/**
 * Mails the responsible staff member once when a next step's day has come (on an open case). The mail names
 * the next step and links to the case; it never carries the internal note.
 */
export async function remindNextSteps(ctx: ServiceContext): Promise<void> {
  const today = tenantToday(ctx);
  for (const due of await repo.dueNextSteps(ctx.db, ctx.tenant.id, today)) {
    await inTransaction(ctx, async (tx) => {
      const to = due.responsible_id ?? due.staff_id;
      const person = to ? await findUserById(tx.db, tx.tenant.id, to) : undefined;
      if (person) {
        await sendTemplateMail(tx, {
          to: person.email,
          template: { subject: "counselling.mail.due.subject", paragraphs: ["counselling.mail.due.body"], action: "counselling.mail.due.action" },
          values: { step: due.next_step ?? "" },
          dates: { date: due.next_step_on ?? today },
          link: `/counselling/${due.case_id}`,
        });
      }
      await repo.markReminded(tx.db, tx.tenant.id, due.id, isoNow(tx.clock));
    });
  }
}

export function counsellingJobs(deps: JobDeps): JobSet {
  return {
    handlers: { [NEXT_STEP_REMINDERS_JOB]: () => forEachTenantContext(deps, remindNextSteps) },
    schedules: [{ name: NEXT_STEP_REMINDERS_JOB, everyMs: DAY_MS }],
  };
}
