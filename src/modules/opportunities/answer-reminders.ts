import { DAY_MS } from "../../platform/clock.js";
import type { JobDeps, JobSet } from "../../platform/jobs/house-jobs.js";
import { sendMail } from "../../platform/mail/send.js";
import { forEachTenant } from "../../platform/tenants/tenants.js";

export const REMIND_JOB = "applications.remind";

/**
 * The applicant who never hears back: after the tenant's first period the association is reminded,
 * after the second the volunteer centre is told and can step in. Each happens once per application.
 * The mails name no applicant: the link leads to them, for those allowed to see.
 */
export async function remindUnanswered({ db, clock, config }: JobDeps): Promise<void> {
  const now = clock.now();
  await forEachTenant(db, config.PORT, async (tenant, baseUrl) => {
    for (const step of ["nudge", "escalate"] as const) {
      const days = step === "nudge" ? tenant.answerNudgeDays : tenant.answerEscalateDays;
      const column = step === "nudge" ? "nudged_at" : "escalated_at";
      const waiting = await db
        .selectFrom("applications as ap")
        .innerJoin("opportunities as o", (j) => j.onRef("o.id", "=", "ap.opportunity_id").onRef("o.tenant_id", "=", "ap.tenant_id"))
        .select(["ap.id", "ap.opportunity_id", "o.title", "o.contact_email"])
        .where("ap.tenant_id", "=", tenant.id)
        .where("ap.status", "=", "new")
        .where("ap.first_answer_at", "is", null)
        .where(`ap.${column}`, "is", null)
        .where("ap.confirmed_at", "<=", new Date(now.getTime() - days * DAY_MS).toISOString())
        .execute();
      for (const a of waiting) {
        await db.transaction().execute(async (trx) => {
          const claimed = await trx
            .updateTable("applications")
            .set({ [column]: now.toISOString() })
            .where("tenant_id", "=", tenant.id)
            .where("id", "=", a.id)
            .where(column, "is", null)
            .executeTakeFirst();
          if (claimed.numUpdatedRows === 0n) return;
          const thread = `${baseUrl}/opportunities/${a.opportunity_id}/applications/${a.id}`;
          await sendMail(trx, clock, {
            tenant,
            to: step === "nudge" ? a.contact_email : tenant.contactEmail,
            lang: tenant.defaultLanguage,
            compose: (t) =>
              step === "nudge"
                ? {
                    subject: t("mail.remind.nudge.subject", { title: a.title }),
                    paragraphs: [t("mail.remind.nudge.body", { title: a.title, days })],
                    action: { label: t("mail.remind.action"), url: thread },
                  }
                : {
                    subject: t("mail.remind.escalate.subject", { title: a.title }),
                    paragraphs: [t("mail.remind.escalate.body", { title: a.title, days })],
                    action: { label: t("mail.remind.escalate.action"), url: `${baseUrl}/opportunities/waiting` },
                  },
          });
        });
      }
    }
  });
}

export const RENEWAL_JOB = "opportunities.renewal";
const RENEWAL_NOTICE_DAYS = 7;

/** A week before a posting runs out, its contact person is asked whether to extend it. Once per posting and expiry. */
export async function remindRenewals({ db, clock, config }: JobDeps): Promise<void> {
  const today = clock.now().toISOString().slice(0, 10);
  const soon = new Date(clock.now().getTime() + RENEWAL_NOTICE_DAYS * DAY_MS).toISOString().slice(0, 10);
  await forEachTenant(db, config.PORT, async (tenant, baseUrl) => {
    const expiring = await db
      .selectFrom("opportunities")
      .select(["id", "title", "contact_email", "expires_on"])
      .where("tenant_id", "=", tenant.id)
      .where("status", "=", "published")
      .where("renewal_reminded_at", "is", null)
      .where("expires_on", ">=", today)
      .where("expires_on", "<=", soon)
      .execute();
    for (const o of expiring) {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable("opportunities")
          .set({ renewal_reminded_at: clock.now().toISOString() })
          .where("tenant_id", "=", tenant.id)
          .where("id", "=", o.id)
          .execute();
        await sendMail(trx, clock, {
          tenant,
          to: o.contact_email,
          lang: tenant.defaultLanguage,
          compose: (t) => ({
            subject: t("mail.renewal.subject", { title: o.title }),
            paragraphs: [t("mail.renewal.body", { title: o.title, date: o.expires_on })],
            action: { label: t("mail.renewal.action"), url: `${baseUrl}/opportunities/${o.id}/edit` },
          }),
        });
      });
    }
  });
}

export const answerReminderJobs = (deps: JobDeps): JobSet => ({
  handlers: { [REMIND_JOB]: () => remindUnanswered(deps), [RENEWAL_JOB]: () => remindRenewals(deps) },
  schedules: [
    { name: REMIND_JOB, everyMs: 3600_000 },
    { name: RENEWAL_JOB, everyMs: 6 * 3600_000 },
  ],
});
