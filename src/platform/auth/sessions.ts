import type { Config } from "../../config.js";
import type { Database } from "../../db/database.js";
import { type Clock, isoIn, isoNow } from "../clock.js";
import { findBySecret, mintSecret } from "../crypto/secret-hash.js";
import { deleteExpiredTokens } from "./email-tokens.repository.js";
import type { Person } from "./policy.js";
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOf,
  findSessionWithUser,
  grantsOf,
  insertSession,
  setSessionAssociation,
  touchSession,
} from "./sessions.repository.js";

export const SESSION_COOKIE = "sammen_session";
const TOUCH_EVERY_MS = 60_000;

export async function createSession(
  db: Database,
  clock: Clock,
  config: Config,
  input: { tenantId: string; userId: string; ip: string | null; userAgent: string | null },
): Promise<string> {
  const { secret, hash } = mintSecret();
  await insertSession(db, {
    idHash: hash,
    tenantId: input.tenantId,
    userId: input.userId,
    activeAssociationId: null,
    createdAt: isoNow(clock),
    lastSeenAt: isoNow(clock),
    expiresAt: isoIn(clock, config.SESSION_ABSOLUTE_HOURS * 3600_000),
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return secret;
}

export interface LoadedSession {
  idHash: string;
  activeAssociationId: string | null;
  language: string | null;
  person: Person;
}

/** The session behind a cookie, if it is neither idle too long nor past its absolute end. Two queries. */
export async function loadSession(db: Database, clock: Clock, config: Config, tenantId: string, secret: string): Promise<LoadedSession | null> {
  const session = await findBySecret(secret, (hash) => findSessionWithUser(db, tenantId, hash));
  if (!session) return null;
  const now = clock.now();
  const idleEnd = new Date(session.lastSeenAt).getTime() + config.SESSION_IDLE_MINUTES * 60_000;
  if (session.expiresAt <= now.toISOString() || idleEnd <= now.getTime()) {
    await deleteSession(db, session.idHash);
    return null;
  }
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > TOUCH_EVERY_MS) await touchSession(db, session.idHash, now.toISOString());
  const { user } = session;
  const { roles, memberships } = await grantsOf(db, tenantId, user.id);
  return {
    idHash: session.idHash,
    activeAssociationId: session.activeAssociationId,
    language: user.language,
    person: { kind: "person", tenantId, userId: user.id, name: user.name, email: user.email, roles, memberships },
  };
}

export const endSession = (db: Database, idHash: string): Promise<void> => deleteSession(db, idHash);

export const endAllSessions = (db: Database, tenantId: string, userId: string): Promise<void> => deleteSessionsOf(db, tenantId, userId);

export const setActiveAssociation = (db: Database, idHash: string, associationId: string): Promise<void> => setSessionAssociation(db, idHash, associationId);

export async function purgeExpired(db: Database, clock: Clock, config: Config): Promise<void> {
  const now = isoNow(clock);
  await deleteExpiredSessions(db, now, isoIn(clock, -config.SESSION_IDLE_MINUTES * 60_000));
  await deleteExpiredTokens(db, now);
}
