import { icsOf } from "../../../platform/calendar/ical.js";
import { formats } from "../../../platform/i18n/format.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
import type { JobDeps, JobSet } from "../../../platform/jobs/house-jobs.js";
import { enqueue } from "../../../platform/jobs/queue.js";
import { sendMail } from "../../../platform/mail/send.js";
import { jobContext, type ServiceContext } from "../../../platform/service-context.js";
import { allTenants } from "../../../platform/tenants/tenants.js";
import * as bookings from "../bookings.repository.js";
import { describeWhen } from "../premises.labels.js";
import { priceOf } from "../premises.model.js";
import { bookingEvents, premiseTree } from "../premises.service.js";

export type Telling = "received" | "approved" | "rejected" | "proposed";
const TELLING: Record<Telling, { subject: MessageKey; body: MessageKey }> = {
  proposed: { subject: "mail.booking.proposed.subject", body: "mail.booking.proposed.body" },
  received: { subject: "mail.booking.received.subject", body: "mail.booking.received.body" },
  approved: { subject: "mail.booking.approved.subject", body: "mail.booking.approved.body" },
  rejected: { subject: "mail.booking.rejected.subject", body: "mail.booking.rejected.body" },
};

/** The e-mail that tells the booker what happened; an approval carries the dates as an .ics file and how to get in. */
export async function tellBooker(ctx: Pick<ServiceContext, "db" | "clock" | "tenant" | "baseUrl">, bookingId: string, what: Telling) {
  const b = await bookings.bookingWithNames(ctx.db, ctx.tenant.id, bookingId);
  if (!b?.bookerEmail) return;
  const tree = await premiseTree(ctx);
  const premise = tree.byId.get(b.premiseId);
  const access = tree
    .lineage(b.premiseId)
    .map((p) => p.accessDetails)
    .find(Boolean);
  const dates = await bookings.liveDatesWithPurpose(ctx.db, ctx.tenant.id, { bookingIds: [b.id] });
  const events = what === "approved" ? bookingEvents(tree, dates) : [];
  const price = what === "rejected" ? null : priceOf(b, b, dates.length);
  const host = new URL(ctx.baseUrl).hostname;
  await sendMail(ctx.db, ctx.clock, {
    tenant: ctx.tenant,
    to: b.bookerEmail,
    compose: (t, lang) => {
      const fmt = formats(lang, ctx.tenant.timeZone);
      return {
        subject: t(TELLING[what].subject, { premise: b.premiseName }),
        paragraphs: [
          t(TELLING[what].body, { premise: b.premiseName, purpose: b.purpose, when: describeWhen(t, fmt, b), note: b.decisionNote ?? "" }),
          ...(what === "approved" && access ? [t("mail.booking.access", { access })] : []),
          ...(price ? [t("mail.booking.price", { price: fmt.money(price.minor, price.currency) })] : []),
          ...(what === "approved" && premise?.houseRules ? [t("mail.booking.rules", { rules: premise.houseRules })] : []),
        ],
        action: { label: t("mail.booking.action"), url: `${ctx.baseUrl}/premises/bookings/${b.id}` },
        attachments: events.length
          ? [{ filename: "booking.ics", contentType: "text/calendar; charset=utf-8", content: icsOf(b.premiseName, host, events, ctx.clock.now()) }]
          : undefined,
      };
    },
  });
}

export const TELL_BOOKER_JOB = "premises.tellBooker";

/**
 * Tells the booker after the transaction that wrote the booking commits: the job is written in that
 * transaction (so it is never lost, and never sent for a booking that was rolled back), and the mail
 * is composed and queued in the outbox by the worker, off the request.
 */
export async function queueTellBooker(ctx: Pick<ServiceContext, "db" | "clock" | "tenant" | "baseUrl">, bookingId: string, what: Telling) {
  await enqueue(ctx.db, ctx.clock, { name: TELL_BOOKER_JOB, tenantId: ctx.tenant.id, payload: { bookingId, what, baseUrl: ctx.baseUrl } });
}

export const tellBookerJobs = (deps: JobDeps): JobSet => ({
  handlers: {
    [TELL_BOOKER_JOB]: async (payload, job) => {
      const { bookingId, what, baseUrl } = payload as { bookingId: string; what: Telling; baseUrl: string };
      const tenant = (await allTenants(deps.db)).find((t) => t.id === job.tenantId);
      if (!tenant) return;
      await tellBooker({ ...jobContext(deps, tenant), baseUrl }, bookingId, what);
    },
  },
  schedules: [],
});
