import { logAccess } from "../../platform/audit/access.js";
import { auditEntry } from "../../platform/audit/audit.js";
import { isPerson } from "../../platform/auth/policy.js";
import { openSignedKey, signedKey } from "../../platform/auth/signed-links.js";
import { isoNow } from "../../platform/clock.js";
import { dataKeyring } from "../../platform/crypto/data-key.js";
import { notFound } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { sendMail } from "../../platform/mail/send.js";
import type { ServiceContext } from "../../platform/service-context.js";
import * as repo from "./opportunities.repository.js";
import { getForEdit, type Opportunity } from "./opportunities.service.js";

const REPLY = "application-reply";

export interface Thread {
  opportunity: Opportunity;
  application: repo.ApplicationRow;
  messages: Awaited<ReturnType<typeof repo.messagesOf>>;
}

/** The link in the applicant's e-mail that opens the conversation without an account. */
export const replyKey = (ctx: ServiceContext, applicationId: string) => signedKey(ctx.config.secret, `${REPLY}:${ctx.tenant.id}`, applicationId);
const replyUrl = (ctx: ServiceContext, applicationId: string) => `${ctx.baseUrl}/applications/thread?key=${encodeURIComponent(replyKey(ctx, applicationId))}`;

async function load(ctx: ServiceContext, applicationId: string, opportunityId?: string): Promise<Thread> {
  const ring = dataKeyring(ctx.config);
  const application = await repo.findApplication(ctx.db, ring, ctx.tenant.id, applicationId);
  if (!application || application.status === "unconfirmed" || (opportunityId && application.opportunity_id !== opportunityId)) throw notFound();
  const opportunity = await repo.findById(ctx.db, ctx.tenant.id, application.opportunity_id);
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
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertMessage(trx, dataKeyring(ctx.config), {
      id: newId(),
      tenant_id: ctx.tenant.id,
      application_id: a.id,
      sender: "association",
      author_id: actor.userId,
      body,
      created_at: now,
    });
    await trx
      .updateTable("applications")
      .set((eb) => ({ first_answer_at: eb.fn.coalesce("first_answer_at", eb.val(now)), updated_at: now }))
      .where("tenant_id", "=", ctx.tenant.id)
      .where("id", "=", a.id)
      .execute();
    await sendMail(trx, ctx.clock, {
      tenant: ctx.tenant,
      to: a.email,
      compose: (t) => ({
        subject: t("mail.thread.toApplicant.subject", { association: o.association_name }),
        paragraphs: [t("mail.thread.toApplicant.body", { association: o.association_name, title: o.title })],
        action: { label: t("mail.thread.toApplicant.action"), url: replyUrl(ctx, a.id) },
      }),
    });
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: actor.userId,
      action: "application.messaged",
      entityType: "application",
      entityId: a.id,
      ip: ctx.ip,
    });
  });
}

/** The applicant answers through their link; the association's contact person hears of it, without the text or the applicant's name. */
export async function answerAssociation(ctx: ServiceContext, key: string, body: string) {
  const { opportunity: o, application: a } = await threadForApplicant(ctx, key);
  const now = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertMessage(trx, dataKeyring(ctx.config), {
      id: newId(),
      tenant_id: ctx.tenant.id,
      application_id: a.id,
      sender: "applicant",
      author_id: null,
      body,
      created_at: now,
    });
    await trx.updateTable("applications").set({ updated_at: now }).where("tenant_id", "=", ctx.tenant.id).where("id", "=", a.id).execute();
    await sendMail(trx, ctx.clock, {
      tenant: ctx.tenant,
      to: o.contact_email,
      compose: (t) => ({
        subject: t("mail.thread.toAssociation.subject", { title: o.title }),
        paragraphs: [t("mail.thread.toAssociation.body", { title: o.title })],
        action: { label: t("mail.thread.toAssociation.action"), url: `${ctx.baseUrl}/opportunities/${o.id}/applications/${a.id}` },
      }),
    });
  });
}
