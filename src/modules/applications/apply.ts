import { consumeToken, issueToken, peekUsedToken } from "../../platform/auth/email-tokens.js";
import { isPerson } from "../../platform/auth/policy.js";
import { withinLimit } from "../../platform/auth/rate-limit.js";
import { isoNow } from "../../platform/clock.js";
import { dataKeyring } from "../../platform/crypto/data-key.js";
import { notFound, tooManyRequests } from "../../platform/http/errors.js";
import { formats } from "../../platform/i18n/format.js";
import { newId } from "../../platform/ids.js";
import { sendMail } from "../../platform/mail/send.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { findJob, getVisible, type Opportunity } from "../opportunities/index.js";
import { replyKey } from "./application-threads.js";
import { stepLabels } from "./applications.labels.js";
import type { Application } from "./applications.model.js";
import * as repo from "./applications.repository.js";

/** The association's contact person hears of a new application; the mail names no applicant. */
async function notifyAssociation(tx: ServiceContext, o: Opportunity) {
  await sendMail(tx.db, tx.clock, {
    tenant: tx.tenant,
    to: o.contactEmail,
    compose: (t) => ({
      subject: t("mail.application.new.subject", { title: o.title }),
      paragraphs: [t("mail.application.new.body", { title: o.title })],
      action: { label: t("mail.application.new.action"), url: `${tx.baseUrl}/opportunities/${o.id}/applications` },
    }),
  });
}

/** The applicant's receipt: what they sent, to whom and when, and the way to their conversation with the association. */
async function sendReceipt(tx: ServiceContext, o: Opportunity, a: Application) {
  await sendMail(tx.db, tx.clock, {
    tenant: tx.tenant,
    to: a.email,
    usedLanguage: tx.lang,
    compose: (t, lang) => ({
      subject: t("mail.application.receipt.subject", { title: o.title }),
      paragraphs: [
        t("mail.application.receipt.body", {
          title: o.title,
          association: o.associationName,
          date: formats(lang, tx.tenant.timeZone).date(a.confirmedAt ?? a.createdAt),
        }),
        // What they wrote stays sealed in the database; the mail outbox is not, so the receipt links to it instead.
        t("mail.application.receipt.yourMessage"),
        t("mail.notYou"),
      ],
      action: { label: t("mail.application.receipt.action"), url: threadUrl(tx, a.id) },
    }),
  });
}

const threadUrl = (ctx: ServiceContext, applicationId: string) => `${ctx.baseUrl}/applications/thread?key=${encodeURIComponent(replyKey(ctx, applicationId))}`;

/** A link that confirms the address of an unconfirmed application, new or resent. */
async function sendConfirmLink(tx: ServiceContext, o: Opportunity, applicationId: string, email: string) {
  const token = await issueToken(tx.db, tx.clock, {
    tenantId: tx.tenant.id,
    purpose: "application",
    email,
    userId: null,
    data: { applicationId },
  });
  await sendMail(tx.db, tx.clock, {
    tenant: tx.tenant,
    to: email,
    usedLanguage: tx.lang,
    compose: (t) => ({
      subject: t("mail.application.confirm.subject", { title: o.title }),
      paragraphs: [t("mail.application.confirm.body", { title: o.title, association: o.associationName }), t("mail.notYou")],
      action: { label: t("mail.application.confirm.action"), url: `${tx.baseUrl}/applications/confirm?token=${encodeURIComponent(token)}` },
    }),
  });
}

/** To the address of an application already sent: when it went, where it stands, and the way to it. */
async function remindOfFirst(tx: ServiceContext, o: Opportunity, a: Application) {
  await sendMail(tx.db, tx.clock, {
    tenant: tx.tenant,
    to: a.email,
    usedLanguage: tx.lang,
    compose: (t, lang) => ({
      subject: t("mail.application.already.subject", { title: o.title }),
      paragraphs: [
        t("application.sentOn", {
          title: o.title,
          association: o.associationName,
          date: formats(lang, tx.tenant.timeZone).date(a.confirmedAt ?? a.createdAt),
        }),
        t("application.statusIs", { status: t(stepLabels[a.status]) }),
        t("mail.notYou"),
      ],
      action: { label: t("mail.application.receipt.action"), url: threadUrl(tx, a.id) },
    }),
  });
}

/**
 * What applying came to: sent to the association; waiting for the e-mail address to be confirmed
 * (a new application or a fresh link for the first); or an application already sent, shown to the
 * signed-in person it belongs to (to anyone else only by e-mail, so an address tells a stranger nothing).
 */
export type ApplyOutcome = { kind: "sent" } | { kind: "confirmFirst" } | { kind: "already"; application: Application };

/**
 * A citizen applies, once per job. Signed in with the same e-mail, the application goes to the association at once;
 * otherwise the citizen first confirms the e-mail address by a link. Applying again finds the first application.
 */
export async function apply(
  ctx: ServiceContext,
  opportunityId: string,
  input: { name: string; email: string; phone: string | null; message: string },
): Promise<ApplyOutcome> {
  const o = await getVisible(ctx, opportunityId);
  if (o.status !== "published") throw notFound();
  const known = isPerson(ctx.actor) && ctx.actor.email === input.email;
  // Each unconfirmed application mails its address, so neither one sender nor one inbox may have many.
  if (!known && !(await withinLimit(ctx, "apply", [ctx.ip, input.email])))
    throw tooManyRequests("application.rateLimited", { email: "application.rateLimited" });
  const now = isoNow(ctx.clock);
  const ring = dataKeyring(ctx.config);
  const userId = isPerson(ctx.actor) ? ctx.actor.userId : null;
  return inTransaction(ctx, async (tx): Promise<ApplyOutcome> => {
    const application: Application = {
      id: newId(),
      tenantId: tx.tenant.id,
      opportunityId: o.id,
      userId,
      name: input.name,
      email: input.email,
      phone: input.phone,
      message: input.message,
      status: known ? "new" : "unconfirmed",
      createdAt: now,
      confirmedAt: known ? now : null,
      firstAnswerAt: null,
      updatedAt: now,
    };
    // The unique index on (job, address) holds under a race: the second insert does nothing.
    const first =
      (await repo.applicationFor(tx.db, ring, tx.tenant.id, o.id, { email: input.email, userId })) ??
      ((await repo.insertApplication(tx.db, ring, application))
        ? undefined
        : await repo.applicationFor(tx.db, ring, tx.tenant.id, o.id, { email: input.email, userId }));
    if (!first) {
      if (!known) {
        await sendConfirmLink(tx, o, application.id, input.email);
        return { kind: "confirmFirst" };
      }
      await notifyAssociation(tx, o);
      await sendReceipt(tx, o, application);
      return { kind: "sent" };
    }
    if (first.status === "unconfirmed") {
      if (known && first.email === input.email) {
        await repo.confirm(tx.db, tx.tenant.id, first.id, now);
        await notifyAssociation(tx, o);
        await sendReceipt(tx, o, { ...first, status: "new", confirmedAt: now });
        return { kind: "sent" };
      }
      await sendConfirmLink(tx, o, first.id, first.email);
      return { kind: "confirmFirst" };
    }
    if (userId && (first.userId === userId || known)) return { kind: "already", application: first };
    await remindOfFirst(tx, o, first);
    return { kind: "confirmFirst" };
  });
}

/**
 * The applicant's link confirms their address; the association hears of the application and the applicant gets a receipt.
 * A link used before shows the application it confirmed. Null for a link that does not work.
 */
export async function confirmApplication(ctx: ServiceContext, token: string): Promise<{ opportunity: Opportunity; application: Application } | null> {
  const ring = dataKeyring(ctx.config);
  const used = await consumeToken(ctx.db, ctx.clock, ctx.tenant.id, "application", token);
  const earlier = used ? null : await peekUsedToken(ctx.db, ctx.clock, ctx.tenant.id, "application", token);
  const applicationId = (used ?? earlier)?.data.applicationId;
  if (!applicationId) return null;
  const application = await repo.findApplication(ctx.db, ring, ctx.tenant.id, applicationId);
  if (!application) return null;
  const o = await findJob(ctx, application.opportunityId);
  if (!o) return null;
  if (!used) return application.status === "unconfirmed" ? null : { opportunity: o, application };
  if (application.status !== "unconfirmed") return { opportunity: o, application };
  const now = isoNow(ctx.clock);
  const confirmed: Application = { ...application, status: "new", confirmedAt: now, updatedAt: now };
  await inTransaction(ctx, async (tx) => {
    await repo.confirm(tx.db, tx.tenant.id, application.id, now);
    await notifyAssociation(tx, o);
    await sendReceipt(tx, o, confirmed);
  });
  return { opportunity: o, application: confirmed };
}
