import { sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { DataSubject, PersonalDataSource } from "./data-subject.js";

/** Rate-limit keys are `<tenant>:<action>:<subject>`, a subject naming an address, an inbox or both; a person's are those naming their e-mail. */
const limitKeysOf = (tenantId: string, email: string) => `${tenantId}:%${email.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

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

async function account(db: Database, subject: DataSubject) {
  if (!subject.userId) return {};
  const { tenantId, userId } = subject;
  const [user, roles, sessions, identities, activity, reads] = await Promise.all([
    db
      .selectFrom("users")
      .select(["name", "email", "language", "email_verified_at", "created_at", "password_hash"])
      .where("tenant_id", "=", tenantId)
      .where("id", "=", userId)
      .executeTakeFirst(),
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
      .selectFrom("audit_log")
      .select(["action", "entity_type", "entity_id", "ip", "at"])
      .where("tenant_id", "=", tenantId)
      .where("actor_id", "=", userId)
      .orderBy("at")
      .execute(),
    readsOf(db, tenantId, "user", [userId]),
  ]);
  if (!user) return {};
  const { password_hash, ...rest } = user;
  return {
    account: { ...rest, has_password: Boolean(password_hash) },
    roles,
    sessions,
    sign_in_providers: identities,
    your_activity: activity,
    reads_of_your_data: reads.map(({ action, at }) => ({ action, at })),
  };
}

/** The platform's own tables: the account, its sign-ins, the mails sent, one-time links, rate limits and the logs. */
export const platformData: PersonalDataSource = {
  columns: [
    "users.id",
    "users.email",
    "users.name",
    "user_roles.user_id",
    "user_roles.granted_by",
    "sessions.user_id",
    "sessions.ip",
    "sessions.user_agent",
    "user_identities.user_id",
    "email_tokens.user_id",
    "email_tokens.email",
    "rate_limits.key",
    "mail_outbox.to_address",
    "audit_log.actor_id",
    "audit_log.entity_id",
    "audit_log.ip",
    "access_log.actor_id",
    "access_log.subject_id",
    "access_log.ip",
    "api_tokens.created_by",
  ],
  async read(db, _ring, subject) {
    const mails = subject.email
      ? await db
          .selectFrom("mail_outbox")
          .select(["subject", "text", "created_at", "status"])
          .where("tenant_id", "=", subject.tenantId)
          .where("to_address", "=", subject.email)
          .orderBy("created_at")
          .execute()
      : [];
    // A mail's links may still work (this very request's link among them): the download keeps the words, not the keys.
    const withoutLinks = mails.map((m) => ({ ...m, text: m.text.replace(/https?:\/\/\S+/g, "[link]") }));
    return { ...(await account(db, subject)), emails_sent_to_you: withoutLinks };
  },
  /**
   * The account goes (its roles, sessions and sign-in links with it); mails to the person, their
   * one-time links and the rate-limit counts naming them are deleted. The audit and access logs keep
   * what happened, with the person's id replaced by the erasure's pseudonym and their address dropped:
   * see docs/decisions/0011-erasure-keeps-records-without-the-person.md.
   */
  async erase(trx, subject, { pseudonym }) {
    const { tenantId, userId, email } = subject;
    if (email) {
      await trx.deleteFrom("mail_outbox").where("tenant_id", "=", tenantId).where("to_address", "=", email).execute();
      await trx.deleteFrom("email_tokens").where("tenant_id", "=", tenantId).where("email", "=", email).execute();
      await trx
        .deleteFrom("rate_limits")
        .where(sql<boolean>`${sql.ref("key")} like ${limitKeysOf(tenantId, email)} escape '\\'`)
        .execute();
    }
    if (!userId) return;
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
  },
};
