import { authorize, isPerson, type Person } from "../../platform/auth/policy.js";
import { endAllSessions } from "../../platform/auth/sessions.js";
import * as users from "../../platform/auth/users.repository.js";
import { isoNow } from "../../platform/clock.js";
import { notFound } from "../../platform/http/errors.js";
import type { ServiceContext } from "../../platform/service-context.js";
import type { Account, AccountProfile } from "./account.model.js";
import { canManageAccount } from "./account.policy.js";
import * as repo from "./account.repository.js";

/** The signed-in person, who may manage their own account; anybody else is asked to sign in. */
export function owner(ctx: ServiceContext): Person {
  const actor = ctx.actor;
  authorize(actor, canManageAccount, { tenantId: ctx.tenant.id, userId: isPerson(actor) ? actor.userId : "" });
  return actor;
}

export async function myAccount(ctx: ServiceContext): Promise<Account> {
  const account = await repo.findAccount(ctx.db, ctx.tenant.id, owner(ctx).userId);
  if (!account) throw notFound();
  return account;
}

export async function updateMyProfile(ctx: ServiceContext, profile: AccountProfile): Promise<void> {
  await users.updateUserProfile(ctx.db, ctx.tenant.id, owner(ctx).userId, profile, isoNow(ctx.clock));
}

/** Ends every session of the signed-in person, on every device. */
export async function signOutEverywhere(ctx: ServiceContext): Promise<void> {
  await endAllSessions(ctx.db, ctx.tenant.id, owner(ctx).userId);
}

/** Keeps the language chosen from the menu on the signed-in person's account; a visitor's stays in the cookie only. */
export async function rememberLanguage(ctx: ServiceContext, language: string): Promise<void> {
  if (isPerson(ctx.actor)) await users.setUserLanguage(ctx.db, ctx.tenant.id, ctx.actor.userId, language);
}
