import { audit } from "../../platform/audit/audit.js";
import { findUserByEmail, findUserById } from "../../platform/auth/auth.service.js";
import { consumeToken, issueToken, peekToken } from "../../platform/auth/email-tokens.js";
import { authorize, isPerson } from "../../platform/auth/policy.js";
import { withinLimit } from "../../platform/auth/rate-limit.js";
import { isoNow } from "../../platform/clock.js";
import { dataKeyring } from "../../platform/crypto/data-key.js";
import { AppError, tooManyRequests } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { sendMail } from "../../platform/mail/send.js";
import type { DataSubject } from "../../platform/privacy/data-subject.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { personalDataSources } from "../personal-data.js";
import { canTakeOutData } from "./privacy.policy.js";

/** The signed-in person, who may take out or erase their own data: their account, and its e-mail address once they have shown it is theirs. */
async function me(ctx: ServiceContext): Promise<DataSubject> {
  const actor = ctx.actor;
  const userId = isPerson(actor) ? actor.userId : null;
  authorize(actor, canTakeOutData, { tenantId: ctx.tenant.id, userId });
  const user = await findUserById(ctx.db, ctx.tenant.id, actor.userId);
  return { tenantId: ctx.tenant.id, userId: actor.userId, email: user?.emailVerifiedAt ? user.email : null };
}

/** Whoever opened a link mailed to this address: what is held under it, the account of that address included. */
async function subjectOfEmail(ctx: ServiceContext, email: string): Promise<DataSubject> {
  const user = await findUserByEmail(ctx.db, ctx.tenant.id, email);
  return { tenantId: ctx.tenant.id, userId: user?.id ?? null, email };
}

/** Everything Sammen holds about the person, from every module, as one document. */
async function collect(ctx: ServiceContext, subject: DataSubject): Promise<Record<string, unknown>> {
  const ring = dataKeyring(ctx.config);
  const parts = await Promise.all(personalDataSources().map((s) => s.read(ctx.db, ring, subject)));
  return { exported_at: isoNow(ctx.clock), tenant: ctx.tenant.name, ...Object.assign({}, ...parts) };
}

/** The person's data download (GDPR art. 15 and 20), noted in the audit log as theirs. */
async function exportPersonalData(ctx: ServiceContext, subject: DataSubject) {
  const data = await collect(ctx, subject);
  await audit(ctx, "person.data_exported", { type: "user", id: subject.userId }, undefined, { actorId: subject.userId });
  return data;
}

/** The signed-in person's own data download. */
export async function exportMyData(ctx: ServiceContext) {
  return exportPersonalData(ctx, await me(ctx));
}

/**
 * Erases the person (GDPR art. 17): every module forgets them in one transaction. What must stay for
 * the municipality's records stays without them, under a pseudonym that leads nowhere:
 * docs/decisions/0011-erasure-keeps-records-without-the-person.md.
 */
async function erasePerson(ctx: ServiceContext, subject: DataSubject): Promise<void> {
  const pseudonym = newId();
  await inTransaction(ctx, async (tx) => {
    for (const source of personalDataSources()) await source.erase(tx.db, subject, { clock: ctx.clock, pseudonym });
    // Nothing in the row may lead back to the person: neither who asked nor from where.
    await audit({ ...tx, ip: null }, "person.erased", { type: "user", id: pseudonym }, { account: subject.userId !== null }, { actorId: null });
  });
}

/** The signed-in person deletes their account and everything held about them. */
export async function eraseMe(ctx: ServiceContext): Promise<void> {
  await erasePerson(ctx, await me(ctx));
}

/**
 * Anyone may ask what is held under an e-mail address, account or not; the answer is a one-time link
 * mailed to that address, so only its owner sees it. The page says the same whatever is held.
 */
export async function requestByEmail(ctx: ServiceContext, email: string): Promise<void> {
  // Each request mails the address, so neither one sender nor one inbox may have many.
  if (!(await withinLimit(ctx, "data-request", [ctx.ip, email]))) throw tooManyRequests();
  await inTransaction(ctx, async (tx) => {
    const token = await issueToken(tx.db, ctx.clock, { tenantId: ctx.tenant.id, purpose: "data_request", email, userId: null });
    await sendMail(tx.db, ctx.clock, {
      tenant: ctx.tenant,
      to: email,
      usedLanguage: ctx.lang,
      compose: (t) => ({
        subject: t("mail.dataRequest.subject", { tenant: ctx.tenant.name }),
        paragraphs: [t("mail.dataRequest.body", { tenant: ctx.tenant.name }), t("mail.notYou")],
        action: { label: t("mail.dataRequest.action"), url: `${ctx.baseUrl}/privacy/email/open?token=${encodeURIComponent(token)}` },
      }),
    });
  });
}

async function subjectOfLink(ctx: ServiceContext, token: string): Promise<DataSubject | null> {
  const found = await peekToken(ctx.db, ctx.clock, ctx.tenant.id, "data_request", token);
  return found ? subjectOfEmail(ctx, found.email) : null;
}

/** What the link opens: what is held under its address, until the link runs out or is used to erase. */
export async function openByLink(ctx: ServiceContext, token: string) {
  const subject = await subjectOfLink(ctx, token);
  return subject?.email ? { email: subject.email, data: await collect(ctx, subject) } : null;
}

/** The download the link gives. */
export async function exportByLink(ctx: ServiceContext, token: string) {
  const subject = await subjectOfLink(ctx, token);
  if (!subject) throw new AppError(400, "invalid_link", "error.linkInvalid");
  return exportPersonalData(ctx, subject);
}

/** Erases everything held under the link's address, the account of that address included. The link works once. */
export async function eraseByLink(ctx: ServiceContext, token: string): Promise<void> {
  const subject = await subjectOfLink(ctx, token);
  if (!subject || !(await consumeToken(ctx.db, ctx.clock, ctx.tenant.id, "data_request", token))) throw new AppError(400, "invalid_link", "error.linkInvalid");
  await erasePerson(ctx, subject);
}
