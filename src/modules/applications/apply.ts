import { consumeToken, issueToken } from "../../platform/auth/email-tokens.js";
import { isPerson } from "../../platform/auth/policy.js";
import { withinLimit } from "../../platform/auth/rate-limit.js";
import { isoNow } from "../../platform/clock.js";
import { dataKeyring } from "../../platform/crypto/data-key.js";
import { notFound, tooManyRequests } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { sendMail } from "../../platform/mail/send.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { findJob, getVisible, type Opportunity } from "../opportunities/index.js";
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

/**
 * A citizen applies. Signed in with the same e-mail, the application goes to the association at once;
 * otherwise the citizen first confirms the e-mail address by a link.
 */
export async function apply(ctx: ServiceContext, opportunityId: string, input: { name: string; email: string; phone: string | null; message: string }) {
  const o = await getVisible(ctx, opportunityId);
  if (o.status !== "published") throw notFound();
  const known = isPerson(ctx.actor) && ctx.actor.email === input.email;
  // Each unconfirmed application mails its address, so neither one sender nor one inbox may have many.
  if (!known && !(await withinLimit(ctx, "apply", [ctx.ip, input.email])))
    throw tooManyRequests("application.rateLimited", { email: "application.rateLimited" });
  const now = isoNow(ctx.clock);
  const id = newId();
  await inTransaction(ctx, async (tx) => {
    await repo.insertApplication(tx.db, dataKeyring(tx.config), {
      id,
      tenantId: tx.tenant.id,
      opportunityId: o.id,
      userId: isPerson(tx.actor) ? tx.actor.userId : null,
      name: input.name,
      email: input.email,
      phone: input.phone,
      message: input.message,
      status: known ? "new" : "unconfirmed",
      createdAt: now,
      confirmedAt: known ? now : null,
      firstAnswerAt: null,
      updatedAt: now,
    });
    if (known) {
      await notifyAssociation(tx, o);
      return;
    }
    const token = await issueToken(tx.db, tx.clock, {
      tenantId: tx.tenant.id,
      purpose: "application",
      email: input.email,
      userId: null,
      data: { applicationId: id },
    });
    await sendMail(tx.db, tx.clock, {
      tenant: tx.tenant,
      to: input.email,
      usedLanguage: tx.lang,
      compose: (t) => ({
        subject: t("mail.application.confirm.subject", { title: o.title }),
        paragraphs: [t("mail.application.confirm.body", { title: o.title, association: o.associationName }), t("mail.notYou")],
        action: { label: t("mail.application.confirm.action"), url: `${tx.baseUrl}/applications/confirm?token=${encodeURIComponent(token)}` },
      }),
    });
  });
  return { confirmed: known };
}

/** The applicant's link confirms their address; the association hears of the application. Null for a link that does not work. */
export async function confirmApplication(ctx: ServiceContext, token: string): Promise<Opportunity | null> {
  const used = await consumeToken(ctx.db, ctx.clock, ctx.tenant.id, "application", token);
  if (!used?.data.applicationId) return null;
  const application = await repo.findApplication(ctx.db, dataKeyring(ctx.config), ctx.tenant.id, used.data.applicationId);
  if (!application) return null;
  const o = await findJob(ctx, application.opportunityId);
  if (!o) return null;
  await inTransaction(ctx, async (tx) => {
    await repo.confirm(tx.db, tx.tenant.id, application.id, isoNow(tx.clock));
    await notifyAssociation(tx, o);
  });
  return o;
}
