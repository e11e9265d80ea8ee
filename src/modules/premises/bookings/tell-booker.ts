import { icsOf } from "../../../platform/calendar/ical.js";
import { formats } from "../../../platform/i18n/format.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { sendMail } from "../../../platform/mail/send.js";
import type { ServiceContext } from "../../../platform/service-context.js";
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
          ? [{ filename: "booking.ics", contentType: "text/calendar; charset=utf-8", content: icsOf(b.premiseName, host, events) }]
          : undefined,
      };
    },
  });
}
