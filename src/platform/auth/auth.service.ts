import { audit } from "../audit/audit.js";
import { isoNow } from "../clock.js";
import { AppError, tooManyRequests } from "../http/errors.js";
import { newId } from "../ids.js";
import { sendMail } from "../mail/send.js";
import { inTransaction, type ServiceContext } from "../service-context.js";
import { consumeToken, endTokens, issueToken, peekToken } from "./email-tokens.js";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords.js";
import { exhausted, hit, limitKeys, withinLimit } from "./rate-limit.js";
import { createSession, endAllSessions } from "./sessions.js";
import { findUserByEmail, findUserById, insertUser, markEmailVerified, setPassword } from "./users.repository.js";

export { findUserByEmail, findUserById };

/** Counts this attempt, and refuses it when the address or account has had too many. */
async function limit(ctx: ServiceContext, action: string, ...subjects: (string | null)[]): Promise<void> {
  if (!(await withinLimit(ctx, action, subjects))) throw tooManyRequests();
}

const LINK_MAILS = {
  verify: { path: "/verify", subject: "mail.verify.subject", body: "mail.verify.body", action: "mail.verify.action" },
  magic: { path: "/sign-in/link", subject: "mail.magic.subject", body: "mail.magic.body", action: "mail.magic.action" },
  reset: { path: "/password/reset", subject: "mail.reset.subject", body: "mail.reset.body", action: "mail.reset.action" },
} as const;

/** Mails a one-time link of this purpose to the person, in their language. */
async function mailLink(ctx: ServiceContext, to: { email: string; id: string; language?: string | null }, purpose: keyof typeof LINK_MAILS) {
  const keys = LINK_MAILS[purpose];
  const token = await issueToken(ctx.db, ctx.clock, { tenantId: ctx.tenant.id, purpose, email: to.email, userId: to.id });
  const url = `${ctx.baseUrl}${keys.path}?token=${encodeURIComponent(token)}`;
  await sendMail(ctx.db, ctx.clock, {
    tenant: ctx.tenant,
    to: to.email,
    usedLanguage: ctx.lang,
    compose: (t) => ({
      subject: t(keys.subject, { tenant: ctx.tenant.name }),
      paragraphs: [t(keys.body, { tenant: ctx.tenant.name }), t("mail.notYou")],
      action: { label: t(keys.action), url },
    }),
  });
}

/** Mails the link when the e-mail has an account; says nothing either way, so nobody learns who has one. */
async function mailLinkIfKnown(ctx: ServiceContext, email: string, purpose: "magic" | "reset") {
  await limit(ctx, purpose, ctx.ip, email);
  const user = await findUserByEmail(ctx.db, ctx.tenant.id, email);
  if (user) await mailLink(ctx, user, purpose);
}

/** Signs a person up, or — when the e-mail is taken — tells its owner, so the page never reveals who has an account. */
export async function signUp(ctx: ServiceContext, input: { name: string; email: string; password: string }): Promise<void> {
  await limit(ctx, "sign-up", ctx.ip);
  const problem = passwordProblem(input.password, [input.email, input.name, ctx.tenant.name]);
  if (problem) throw new AppError(422, "weak_password", problem, { password: problem });
  // Hashed before the e-mail is looked up, so a taken e-mail costs the same time as a new one.
  const passwordHash = await hashPassword(input.password);
  const existing = await findUserByEmail(ctx.db, ctx.tenant.id, input.email);
  if (existing) {
    await sendMail(ctx.db, ctx.clock, {
      tenant: ctx.tenant,
      to: existing.email,
      usedLanguage: ctx.lang,
      compose: (t) => ({
        subject: t("mail.exists.subject", { tenant: ctx.tenant.name }),
        paragraphs: [t("mail.exists.body"), t("mail.notYou")],
        action: { label: t("mail.exists.action"), url: `${ctx.baseUrl}/sign-in` },
      }),
    });
    return;
  }
  await inTransaction(ctx, async (tx) => {
    const id = newId();
    const now = isoNow(ctx.clock);
    await insertUser(tx.db, {
      id,
      tenantId: ctx.tenant.id,
      email: input.email,
      name: input.name,
      passwordHash,
      emailVerifiedAt: null,
      language: ctx.lang,
      createdAt: now,
      updatedAt: now,
    });
    await mailLink(tx, { email: input.email, id }, "verify");
    await audit(tx, "user.signed_up", { type: "user", id }, undefined, { actorId: id });
  });
}

export async function verifyEmail(ctx: ServiceContext, token: string): Promise<boolean> {
  const used = await consumeToken(ctx.db, ctx.clock, ctx.tenant.id, "verify", token);
  if (!used?.userId) return false;
  await markEmailVerified(ctx.db, ctx.tenant.id, used.userId, isoNow(ctx.clock), true);
  await audit(ctx, "user.email_verified", { type: "user", id: used.userId }, undefined, { actorId: used.userId });
  return true;
}

export type SignInResult = { ok: true; session: string } | { ok: false; reason: "invalid" | "unverified" };

export async function signIn(ctx: ServiceContext, input: { email: string; password: string; userAgent: string | null }): Promise<SignInResult> {
  // Only failed attempts count, so people who share an address (a library, a care home) can still sign in.
  // An account is limited per address it is tried from, so guessing from one place cannot lock its owner out everywhere.
  const keys = limitKeys(ctx, "sign-in", [ctx.ip, `${ctx.ip ?? "unknown"}|${input.email}`]);
  for (const key of keys) if (await exhausted(ctx.db, ctx.clock, key, ctx.config.RATE_LIMIT_PER_15_MIN)) throw tooManyRequests();
  const user = await findUserByEmail(ctx.db, ctx.tenant.id, input.email);
  if (!(await verifyPassword(user?.passwordHash ?? null, input.password)) || !user) {
    for (const key of keys) await hit(ctx.db, ctx.clock, key, ctx.config.RATE_LIMIT_PER_15_MIN);
    return { ok: false, reason: "invalid" };
  }
  if (!user.emailVerifiedAt) {
    await mailLink(ctx, user, "verify");
    return { ok: false, reason: "unverified" };
  }
  return { ok: true, session: await startSession(ctx, user.id, input.userAgent, "password") };
}

export async function startSession(ctx: ServiceContext, userId: string, userAgent: string | null, method: string): Promise<string> {
  const session = await createSession(ctx.db, ctx.clock, ctx.config, { tenantId: ctx.tenant.id, userId, ip: ctx.ip, userAgent });
  await audit(ctx, "user.signed_in", { type: "user", id: userId }, { method }, { actorId: userId });
  return session;
}

export const requestMagicLink = (ctx: ServiceContext, email: string) => mailLinkIfKnown(ctx, email, "magic");

export async function signInWithMagicLink(ctx: ServiceContext, token: string, userAgent: string | null): Promise<string | null> {
  const used = await consumeToken(ctx.db, ctx.clock, ctx.tenant.id, "magic", token);
  if (!used?.userId) return null;
  // Opening the link proves the address is theirs.
  await markEmailVerified(ctx.db, ctx.tenant.id, used.userId, isoNow(ctx.clock), false);
  return startSession(ctx, used.userId, userAgent, "magic_link");
}

export const requestPasswordReset = (ctx: ServiceContext, email: string) => mailLinkIfKnown(ctx, email, "reset");

export async function resetPassword(ctx: ServiceContext, token: string, password: string): Promise<"ok" | "invalid-link"> {
  const pending = await peekToken(ctx.db, ctx.clock, ctx.tenant.id, "reset", token);
  if (!pending?.userId) return "invalid-link";
  const user = await findUserById(ctx.db, ctx.tenant.id, pending.userId);
  const problem = passwordProblem(password, user ? [user.email, user.name, ctx.tenant.name] : []);
  if (problem) throw new AppError(422, "weak_password", problem, { password: problem });
  const used = await consumeToken(ctx.db, ctx.clock, ctx.tenant.id, "reset", token);
  const userId = used?.userId;
  if (!userId) return "invalid-link";
  const hash = await hashPassword(password);
  const now = isoNow(ctx.clock);
  await inTransaction(ctx, async (tx) => {
    await setPassword(tx.db, ctx.tenant.id, userId, hash, now);
    await endAllSessions(tx.db, ctx.tenant.id, userId);
    // Sign-in links sent before the new password go with the old one.
    await endTokens(tx.db, ctx.clock, ctx.tenant.id, userId, ["magic"]);
    await audit(tx, "user.password_reset", { type: "user", id: userId }, undefined, { actorId: userId });
  });
  return "ok";
}
