import type { Database } from "../../db/database.js";
import { auditEntry } from "../audit/audit.js";
import { isoNow } from "../clock.js";
import { AppError, tooManyRequests } from "../http/errors.js";
import { newId } from "../ids.js";
import { sendMail } from "../mail/send.js";
import type { ServiceContext } from "../service-context.js";
import { consumeToken, endTokens, issueToken, peekToken } from "./email-tokens.js";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords.js";
import { exhausted, hit, limitKeys, withinLimit } from "./rate-limit.js";
import { createSession, endAllSessions } from "./sessions.js";

/** Counts this attempt, and refuses it when the address or account has had too many. */
async function limit(ctx: ServiceContext, action: string, ...subjects: (string | null)[]): Promise<void> {
  if (!(await withinLimit(ctx, action, subjects))) throw tooManyRequests();
}

export async function findUserById(db: Database, tenantId: string, id: string) {
  return db.selectFrom("users").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
}

export async function findUserByEmail(db: Database, tenantId: string, email: string) {
  return db.selectFrom("users").selectAll().where("tenant_id", "=", tenantId).where("email", "=", email).executeTakeFirst();
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
  await ctx.db.transaction().execute(async (trx) => {
    const id = newId();
    const now = isoNow(ctx.clock);
    await trx
      .insertInto("users")
      .values({
        id,
        tenant_id: ctx.tenant.id,
        email: input.email,
        name: input.name,
        password_hash: passwordHash,
        email_verified_at: null,
        language: ctx.lang,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await mailLink({ ...ctx, db: trx }, { email: input.email, id }, "verify");
    await auditEntry(trx, ctx.clock, { tenantId: ctx.tenant.id, actorId: id, action: "user.signed_up", entityType: "user", entityId: id, ip: ctx.ip });
  });
}

export async function verifyEmail(ctx: ServiceContext, token: string): Promise<boolean> {
  const used = await consumeToken(ctx.db, ctx.clock, ctx.tenant.id, "verify", token);
  if (!used?.userId) return false;
  await ctx.db
    .updateTable("users")
    .set({ email_verified_at: isoNow(ctx.clock), updated_at: isoNow(ctx.clock) })
    .where("id", "=", used.userId)
    .where("tenant_id", "=", ctx.tenant.id)
    .where("email_verified_at", "is", null)
    .execute();
  await auditEntry(ctx.db, ctx.clock, {
    tenantId: ctx.tenant.id,
    actorId: used.userId,
    action: "user.email_verified",
    entityType: "user",
    entityId: used.userId,
    ip: ctx.ip,
  });
  return true;
}

export type SignInResult = { ok: true; session: string } | { ok: false; reason: "invalid" | "unverified" };

export async function signIn(ctx: ServiceContext, input: { email: string; password: string; userAgent: string | null }): Promise<SignInResult> {
  // Only failed attempts count, so people who share an address (a library, a care home) can still sign in.
  // An account is limited per address it is tried from, so guessing from one place cannot lock its owner out everywhere.
  const keys = limitKeys(ctx, "sign-in", [ctx.ip, `${ctx.ip ?? "unknown"}|${input.email}`]);
  for (const key of keys) if (await exhausted(ctx.db, ctx.clock, key, ctx.config.RATE_LIMIT_PER_15_MIN)) throw tooManyRequests();
  const user = await findUserByEmail(ctx.db, ctx.tenant.id, input.email);
  if (!(await verifyPassword(user?.password_hash ?? null, input.password)) || !user) {
    for (const key of keys) await hit(ctx.db, ctx.clock, key, ctx.config.RATE_LIMIT_PER_15_MIN);
    return { ok: false, reason: "invalid" };
  }
  if (!user.email_verified_at) {
    await mailLink(ctx, user, "verify");
    return { ok: false, reason: "unverified" };
  }
  return { ok: true, session: await startSession(ctx, user.id, input.userAgent, "password") };
}

export async function startSession(ctx: ServiceContext, userId: string, userAgent: string | null, method: string): Promise<string> {
  const session = await createSession(ctx.db, ctx.clock, ctx.config, { tenantId: ctx.tenant.id, userId, ip: ctx.ip, userAgent });
  await auditEntry(ctx.db, ctx.clock, {
    tenantId: ctx.tenant.id,
    actorId: userId,
    action: "user.signed_in",
    entityType: "user",
    entityId: userId,
    ip: ctx.ip,
    details: { method },
  });
  return session;
}

export const requestMagicLink = (ctx: ServiceContext, email: string) => mailLinkIfKnown(ctx, email, "magic");

export async function signInWithMagicLink(ctx: ServiceContext, token: string, userAgent: string | null): Promise<string | null> {
  const used = await consumeToken(ctx.db, ctx.clock, ctx.tenant.id, "magic", token);
  if (!used?.userId) return null;
  // Opening the link proves the address is theirs.
  await ctx.db
    .updateTable("users")
    .set({ email_verified_at: isoNow(ctx.clock) })
    .where("id", "=", used.userId)
    .where("email_verified_at", "is", null)
    .execute();
  return startSession(ctx, used.userId, userAgent, "magic_link");
}

export const requestPasswordReset = (ctx: ServiceContext, email: string) => mailLinkIfKnown(ctx, email, "reset");

export async function resetPassword(ctx: ServiceContext, token: string, password: string): Promise<"ok" | "invalid-link"> {
  const pending = await peekToken(ctx.db, ctx.clock, ctx.tenant.id, "reset", token);
  if (!pending?.userId) return "invalid-link";
  const user = await ctx.db.selectFrom("users").select(["email", "name"]).where("id", "=", pending.userId).executeTakeFirst();
  const problem = passwordProblem(password, user ? [user.email, user.name, ctx.tenant.name] : []);
  if (problem) throw new AppError(422, "weak_password", problem, { password: problem });
  const used = await consumeToken(ctx.db, ctx.clock, ctx.tenant.id, "reset", token);
  if (!used?.userId) return "invalid-link";
  const hash = await hashPassword(password);
  const now = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: hash, updated_at: now, email_verified_at: now })
      .where("id", "=", used.userId as string)
      .execute();
    await endAllSessions(trx, ctx.tenant.id, used.userId as string);
    // Sign-in links sent before the new password go with the old one.
    await endTokens(trx, ctx.clock, ctx.tenant.id, used.userId as string, ["magic"]);
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: used.userId,
      action: "user.password_reset",
      entityType: "user",
      entityId: used.userId,
      ip: ctx.ip,
    });
  });
  return "ok";
}
