import { sql } from "kysely";
import type { Database } from "../../db/database.js";

/**
 * What the platform's tables hold about one person, read for their data download. The download's
 * keys are the stored column names, so these records keep them.
 */

/** What the reads in the access log say about one person or the applications they made. */
export async function readsOf(db: Database, tenantId: string, subjectType: "user" | "application", ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("access_log")
    .select(["subject_id", "action", "at"])
    .where("tenant_id", "=", tenantId)
    .where("subject_type", "=", subjectType)
    .where("subject_id", "in", [...ids])
    .orderBy("at")
    .execute();
}

export async function accountOf(db: Database, tenantId: string, userId: string) {
  return db
    .selectFrom("users")
    .select(["name", "email", "language", "email_verified_at", "created_at", "password_hash"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", userId)
    .executeTakeFirst();
}

export async function rolesOf(db: Database, tenantId: string, userId: string) {
  return db.selectFrom("user_roles").select(["role", "created_at"]).where("tenant_id", "=", tenantId).where("user_id", "=", userId).execute();
}

export async function sessionsOf(db: Database, tenantId: string, userId: string) {
  return db
    .selectFrom("sessions")
    .select(["created_at", "last_seen_at", "expires_at", "ip", "user_agent"])
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .execute();
}

export async function identitiesOf(db: Database, tenantId: string, userId: string) {
  return db
    .selectFrom("user_identities")
    .innerJoin("oidc_providers", (j) =>
      j.onRef("oidc_providers.id", "=", "user_identities.provider_id").onRef("oidc_providers.tenant_id", "=", "user_identities.tenant_id"),
    )
    .select(["oidc_providers.label as provider", "user_identities.subject", "user_identities.created_at"])
    .where("user_identities.tenant_id", "=", tenantId)
    .where("user_identities.user_id", "=", userId)
    .execute();
}

export async function activityOf(db: Database, tenantId: string, userId: string) {
  return db
    .selectFrom("audit_log")
    .select(["action", "entity_type", "entity_id", "ip", "at"])
    .where("tenant_id", "=", tenantId)
    .where("actor_id", "=", userId)
    .orderBy("at")
    .execute();
}

export async function mailsTo(db: Database, tenantId: string, email: string) {
  return db
    .selectFrom("mail_outbox")
    .select(["subject", "text", "created_at", "status"])
    .where("tenant_id", "=", tenantId)
    .where("to_address", "=", email)
    .orderBy("created_at")
    .execute();
}

/** Mails to the address, its one-time links and the rate-limit counts whose keys match `limitKeys` (a LIKE pattern). */
export async function eraseByEmail(trx: Database, tenantId: string, email: string, limitKeys: string): Promise<void> {
  await trx.deleteFrom("mail_outbox").where("tenant_id", "=", tenantId).where("to_address", "=", email).execute();
  await trx.deleteFrom("email_tokens").where("tenant_id", "=", tenantId).where("email", "=", email).execute();
  await trx
    .deleteFrom("rate_limits")
    .where(sql<boolean>`${sql.ref("key")} like ${limitKeys} escape '\\'`)
    .execute();
}

/** The account goes; the logs keep what happened, under the pseudonym and without the address. */
export async function eraseAccount(trx: Database, tenantId: string, userId: string, pseudonym: string): Promise<void> {
  await trx.updateTable("audit_log").set({ actor_id: pseudonym, ip: null }).where("tenant_id", "=", tenantId).where("actor_id", "=", userId).execute();
  await trx
    .updateTable("audit_log")
    .set({ entity_id: pseudonym })
    .where("tenant_id", "=", tenantId)
    .where("entity_type", "=", "user")
    .where("entity_id", "=", userId)
    .execute();
  await trx.updateTable("access_log").set({ actor_id: pseudonym, ip: null }).where("tenant_id", "=", tenantId).where("actor_id", "=", userId).execute();
  await trx
    .updateTable("access_log")
    .set({ subject_id: pseudonym })
    .where("tenant_id", "=", tenantId)
    .where("subject_type", "=", "user")
    .where("subject_id", "=", userId)
    .execute();
  await trx.updateTable("user_roles").set({ granted_by: pseudonym }).where("tenant_id", "=", tenantId).where("granted_by", "=", userId).execute();
  await trx.updateTable("api_tokens").set({ created_by: pseudonym }).where("tenant_id", "=", tenantId).where("created_by", "=", userId).execute();
  await trx.deleteFrom("email_tokens").where("tenant_id", "=", tenantId).where("user_id", "=", userId).execute();
  await trx.deleteFrom("users").where("tenant_id", "=", tenantId).where("id", "=", userId).execute();
}
