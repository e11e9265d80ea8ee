import { logAccess } from "../../platform/audit/access.js";
import { audit } from "../../platform/audit/audit.js";
import { isPerson } from "../../platform/auth/policy.js";
import { openSignedKey, signedKey } from "../../platform/auth/signed-links.js";
import { isoNow } from "../../platform/clock.js";
import { dataKeyring } from "../../platform/crypto/data-key.js";
import { notFound } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { sendMail } from "../../platform/mail/send.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { findJob, getForEdit } from "../opportunities/index.js";
import type { Thread } from "./applications.model.js";
import * as repo from "./applications.repository.js";

const REPLY = "application-reply";

/** The link in the applicant's e-mail that opens the conversation without an account. */
export const replyKey = (ctx: ServiceContext, applicationId: string) => signedKey(ctx.config.secret, `${REPLY}:${ctx.tenant.id}`, applicationId);
const replyUrl = (ctx: ServiceContext, applicationId: string) => `${ctx.baseUrl}/applications/thread?key=${encodeURIComponent(replyKey(ctx, applicationId))}`;

async function load(ctx: ServiceContext, applicationId: string, opportunityId?: string): Promise<Thread> {
  const ring = dataKeyring(ctx.config);
  const application = await repo.findApplication(ctx.db, ring, ctx.tenant.id, applicationId);
  if (!application || application.status === "unconfirmed" || (opportunityId && application.opportunityId !== opportunityId)) throw notFound();
  const opportunity = await findJob(ctx, application.opportunityId);
  if (!opportunity) throw notFound();
  return { opportunity, application, messages: await repo.messagesOf(ctx.db, ring, ctx.tenant.id, application.id) };
}

async function loadForAssociation(ctx: ServiceContext, opportunityId: string, applicationId: string): Promise<Thread> {
  await getForEdit(ctx, opportunityId);
  return load(ctx, applicationId, opportunityId);
}

/** The association's side of the conversation with one applicant; every opening is in the access log. */
export async function threadForAssociation(ctx: ServiceContext, opportunityId: string, applicationId: string): Promise<Thread> {
  const thread = await loadForAssociation(ctx, opportunityId, applicationId);
  await logAccess(ctx, "application.thread_read", "application", [thread.application.id]);
  return thread;
}

/** The applicant's side, opened by the key in their e-mail. */
export async function threadForApplicant(ctx: ServiceContext, key: string): Promise<Thread> {
  const id = openSignedKey(ctx.config.secret, `${REPLY}:${ctx.tenant.id}`, key);
  if (!id) throw notFound();
  return load(ctx, id);
}

/**
 * The association writes; the applicant is told by e-mail, with a link to read and answer. Mails
 * carry no message text: what is written stays sealed in Sammen. Writing counts as the first answer.
 */
export async function writeToApplicant(ctx: ServiceContext, opportunityId: string, applicationId: string, body: string) {
  const { opportunity: o, application: a } = await loadForAssociation(ctx, opportunityId, applicationId);
  const actor = ctx.actor;
  if (!isPerson(actor)) throw notFound();
  const now = isoNow(ctx.clock);
  await inTransaction(ctx, async (tx) => {
    await repo.insertMessage(tx.db, dataKeyring(tx.config), {
      id: newId(),
      tenantId: tx.tenant.id,
      applicationId: a.id,
      sender: "association",
      authorId: actor.userId,
      body,
      createdAt: now,
    });
    await repo.touch(tx.db, tx.tenant.id, a.id, now, true);
    await sendMail(tx.db, tx.clock, {
      tenant: tx.tenant,
      to: a.email,
      compose: (t) => ({
        subject: t("mail.thread.toApplicant.subject", { association: o.associationName }),
        paragraphs: [t("mail.thread.toApplicant.body", { association: o.associationName, title: o.title })],
        action: { label: t("mail.thread.toApplicant.action"), url: replyUrl(tx, a.id) },
      }),
    });
    await audit(tx, "application.messaged", { type: "application", id: a.id });
  });
}

/** The applicant answers through their link; the association's contact person hears of it, without the text or the applicant's name. */
export async function answerAssociation(ctx: ServiceContext, key: string, body: string) {
  const { opportunity: o, application: a } = await threadForApplicant(ctx, key);
  const now = isoNow(ctx.clock);
  await inTransaction(ctx, async (tx) => {
    await repo.insertMessage(tx.db, dataKeyring(tx.config), {
      id: newId(),
      tenantId: tx.tenant.id,
      applicationId: a.id,
      sender: "applicant",
      authorId: null,
      body,
      createdAt: now,
    });
    await repo.touch(tx.db, tx.tenant.id, a.id, now, false);
    await sendMail(tx.db, tx.clock, {
      tenant: tx.tenant,
      to: o.contactEmail,
      compose: (t) => ({
        subject: t("mail.thread.toAssociation.subject", { title: o.title }),
        paragraphs: [t("mail.thread.toAssociation.body", { title: o.title })],
        action: { label: t("mail.thread.toAssociation.action"), url: `${tx.baseUrl}/opportunities/${o.id}/applications/${a.id}` },
      }),
    });
  });
}
