import { Temporal } from "temporal-polyfill";
import { can, isPerson } from "../../platform/auth/policy.js";
import { findUserById } from "../../platform/auth/users.repository.js";
import { DAY_MS, isoNow } from "../../platform/clock.js";
import { formats } from "../../platform/i18n/format.js";
import { translator } from "../../platform/i18n/i18n.js";
import type { JobDeps, JobSet } from "../../platform/jobs/house-jobs.js";
import { sendMail } from "../../platform/mail/send.js";
import type { WaitingItem } from "../../platform/modules.js";
import { forEachTenantContext, inTransaction, type ServiceContext, tenantToday } from "../../platform/service-context.js";
import { REMIND_DAYS_BEFORE_END, textIn } from "./agreements.model.js";
import { canManageAgreements } from "./agreements.policy.js";
import * as repo from "./agreements.repository.js";
import { daysLeft, namesOf } from "./agreements.service.js";
import { tenantLevels } from "./levels.service.js";

export const AGREEMENT_REMINDERS_JOB = "agreements.end_reminders";

const horizon = (today: string) => Temporal.PlainDate.from(today).add({ days: REMIND_DAYS_BEFORE_END }).toString();

/**
 * Reminds the caseworker who keeps an agreed agreement, and its contact person, that it ends within
 * 60 days (a fixed number), once: renew it or let it end. An agreement renewed or changed to a new end is reminded anew.
 */
export async function remindEndings(ctx: ServiceContext): Promise<void> {
  const today = tenantToday(ctx);
  const levels = await tenantLevels(ctx);
  for (const a of await repo.endingBetween(ctx.db, ctx.tenant.id, today, horizon(today), namesOf(ctx))) {
    if (a.remindedAt || !a.endsOn) continue;
    const endsOn = a.endsOn;
    const level = levels.find((l) => l.id === a.level);
    await inTransaction(ctx, async (tx) => {
      const keeper = a.responsibleUserId ? await findUserById(tx.db, tx.tenant.id, a.responsibleUserId) : undefined;
      const to = new Set([keeper?.email, a.contactEmail].filter((e): e is string => Boolean(e)));
      for (const address of to) {
        // In the recipient's language, the level named as the tenant's scale names it in that language.
        await sendMail(tx.db, tx.clock, {
          tenant: tx.tenant,
          to: address,
          compose: (t, lang) => {
            const values = { title: a.title, days: daysLeft(endsOn, today), date: formats(lang, tx.tenant.timeZone).date(endsOn) };
            const levelName = level ? textIn(level.names, lang, tx.tenant.defaultLanguage) : a.level;
            return {
              subject: t("agreements.mail.ending.subject", values),
              paragraphs: [
                t("agreements.mail.ending.body", values),
                t("agreements.mail.ending.level", { level: levelName }),
                t("agreements.mail.ending.next", values),
              ],
              action: { label: t("agreements.mail.ending.action", values), url: `${tx.baseUrl}/agreements/${a.id}` },
            };
          },
        });
      }
      await repo.markReminded(tx.db, tx.tenant.id, a.id, isoNow(tx.clock));
    });
  }
}

export function agreementJobs(deps: JobDeps): JobSet {
  return {
    handlers: { [AGREEMENT_REMINDERS_JOB]: () => forEachTenantContext(deps, remindEndings) },
    schedules: [{ name: AGREEMENT_REMINDERS_JOB, everyMs: DAY_MS }],
  };
}

/** On a keeper's start page: the agreed agreements that end within 60 days, each with the days left. */
export async function waitingInAgreements(ctx: ServiceContext): Promise<WaitingItem[]> {
  if (!isPerson(ctx.actor) || !can(ctx.actor, canManageAgreements, { tenantId: ctx.tenant.id })) return [];
  const today = tenantToday(ctx);
  const ending = await repo.endingBetween(ctx.db, ctx.tenant.id, today, horizon(today), namesOf(ctx));
  if (ending.length === 0) return [];
  const t = translator(ctx.lang);
  const fmt = formats(ctx.lang, ctx.tenant.timeZone);
  return [
    {
      group: "centre",
      label: "start.agreements.ending",
      count: ending.length,
      href: "/agreements/manage?status=agreed",
      toDo: true,
      examples: ending.slice(0, 3).map((a) => ({
        text: a.title,
        href: `/agreements/${a.id}`,
        note: t("agreements.endsIn", { count: daysLeft(a.endsOn ?? today, today), date: fmt.date(a.endsOn ?? today) }),
      })),
    },
  ];
}
