import type { Database } from "../../db/database.js";
import { audit } from "../../platform/audit/audit.js";
import { isoNow } from "../../platform/clock.js";
import type { ServiceContext } from "../../platform/service-context.js";

/** A module's share of what Sammen holds about one person. */
export type PersonalDataSource = (db: Database, tenantId: string, userId: string) => Promise<Record<string, unknown>>;

export async function profile(db: Database, tenantId: string, userId: string) {
  return db
    .selectFrom("users")
    .select(["id", "name", "email", "language", "email_verified_at", "created_at", "password_hash"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
}

export async function updateProfile(ctx: ServiceContext, userId: string, input: { name: string; language: string }) {
  await ctx.db
    .updateTable("users")
    .set({ name: input.name, language: input.language, updated_at: isoNow(ctx.clock) })
    .where("tenant_id", "=", ctx.tenant.id)
    .where("id", "=", userId)
    .execute();
}

export async function exportPersonalData(ctx: ServiceContext, userId: string, sources: PersonalDataSource[]) {
  const { db } = ctx;
  const tenantId = ctx.tenant.id;
  const { password_hash, ...user } = await profile(db, tenantId, userId);
  const [roles, sessions, identities, mails, activity] = await Promise.all([
    db.selectFrom("user_roles").select(["role", "created_at"]).where("tenant_id", "=", tenantId).where("user_id", "=", userId).execute(),
    db
      .selectFrom("sessions")
      .select(["created_at", "last_seen_at", "expires_at", "ip", "user_agent"])
      .where("tenant_id", "=", tenantId)
      .where("user_id", "=", userId)
      .execute(),
    db
      .selectFrom("user_identities")
      .innerJoin("oidc_providers", (j) =>
        j.onRef("oidc_providers.id", "=", "user_identities.provider_id").onRef("oidc_providers.tenant_id", "=", "user_identities.tenant_id"),
      )
      .select(["oidc_providers.label as provider", "user_identities.subject", "user_identities.created_at"])
      .where("user_identities.tenant_id", "=", tenantId)
      .where("user_identities.user_id", "=", userId)
      .execute(),
    db
      .selectFrom("mail_outbox")
      .select(["subject", "created_at", "status"])
      .where("tenant_id", "=", tenantId)
      .where("to_address", "=", user.email)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("audit_log")
      .select(["action", "entity_type", "entity_id", "ip", "at"])
      .where("tenant_id", "=", tenantId)
      .where("actor_id", "=", userId)
      .orderBy("at")
      .execute(),
  ]);
  const fromModules = Object.assign({}, ...(await Promise.all(sources.map((s) => s(db, tenantId, userId)))));
  await audit(db, ctx.clock, { tenantId, actorId: userId, action: "user.data_exported", entityType: "user", entityId: userId, ip: ctx.ip });
  return {
    exported_at: isoNow(ctx.clock),
    tenant: ctx.tenant.name,
    account: { ...user, has_password: Boolean(password_hash) },
    roles,
    sessions,
    sign_in_providers: identities,
    emails_sent_to_you: mails,
    your_activity: activity,
    ...fromModules,
  };
}

/**
 * Deletes the person and everything that is only theirs. Audit rows stay for accountability but
 * lose the address they came from; they never held a name.
 */
export async function deleteAccount(ctx: ServiceContext, userId: string): Promise<void> {
  const tenantId = ctx.tenant.id;
  await ctx.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom("users").select("email").where("tenant_id", "=", tenantId).where("id", "=", userId).executeTakeFirst();
    if (!user) return;
    await trx.deleteFrom("mail_outbox").where("tenant_id", "=", tenantId).where("to_address", "=", user.email).execute();
    await trx.updateTable("audit_log").set({ ip: null }).where("tenant_id", "=", tenantId).where("actor_id", "=", userId).execute();
    await trx.deleteFrom("users").where("tenant_id", "=", tenantId).where("id", "=", userId).execute();
    await audit(trx, ctx.clock, { tenantId, actorId: null, action: "user.deleted", entityType: "user", entityId: userId, ip: null });
  });
}
