import type { Database } from "../../db/database.js";
import type { DataSubject, PersonalDataSource } from "./data-subject.js";
import * as repo from "./platform-data.repository.js";

/** Rate-limit keys are `<tenant>:<action>:<subject>`, a subject naming an address, an inbox or both; a person's are those naming their e-mail. */
const limitKeysOf = (tenantId: string, email: string) => `${tenantId}:%${email.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export const readsOf = repo.readsOf;

async function account(db: Database, subject: DataSubject) {
  if (!subject.userId) return {};
  const { tenantId, userId } = subject;
  const [user, roles, sessions, identities, activity, reads] = await Promise.all([
    repo.accountOf(db, tenantId, userId),
    repo.rolesOf(db, tenantId, userId),
    repo.sessionsOf(db, tenantId, userId),
    repo.identitiesOf(db, tenantId, userId),
    repo.activityOf(db, tenantId, userId),
    repo.readsOf(db, tenantId, "user", [userId]),
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
    const mails = subject.email ? await repo.mailsTo(db, subject.tenantId, subject.email) : [];
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
    if (email) await repo.eraseByEmail(trx, tenantId, email, limitKeysOf(tenantId, email));
    if (userId) await repo.eraseAccount(trx, tenantId, userId, pseudonym);
  },
};
