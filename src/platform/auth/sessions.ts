import type { Config } from "../../config.js";
import type { Database } from "../../db/database.js";
import { type Clock, isoIn, isoNow } from "../clock.js";
import { hashSecret, newSecret } from "../ids.js";
import type { AssociationRole, Person, StaffRole } from "./policy.js";

export const SESSION_COOKIE = "sammen_session";
const TOUCH_EVERY_MS = 60_000;

export async function createSession(
  db: Database,
  clock: Clock,
  config: Config,
  input: { tenantId: string; userId: string; ip: string | null; userAgent: string | null },
): Promise<string> {
  const secret = newSecret();
  await db
    .insertInto("sessions")
    .values({
      id_hash: hashSecret(secret),
      tenant_id: input.tenantId,
      user_id: input.userId,
      active_association_id: null,
      created_at: isoNow(clock),
      last_seen_at: isoNow(clock),
      expires_at: isoIn(clock, config.SESSION_ABSOLUTE_HOURS * 3600_000),
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
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
  const idHash = hashSecret(secret);
  const now = clock.now();
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", (j) => j.onRef("users.id", "=", "sessions.user_id").onRef("users.tenant_id", "=", "sessions.tenant_id"))
    .select([
      "sessions.id_hash",
      "sessions.last_seen_at",
      "sessions.expires_at",
      "sessions.active_association_id",
      "users.id",
      "users.name",
      "users.email",
      "users.language",
    ])
    .where("sessions.id_hash", "=", idHash)
    .where("sessions.tenant_id", "=", tenantId)
    .executeTakeFirst();
  if (!row) return null;
  const idleEnd = new Date(row.last_seen_at).getTime() + config.SESSION_IDLE_MINUTES * 60_000;
  if (row.expires_at <= now.toISOString() || idleEnd <= now.getTime()) {
    await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
    return null;
  }
  if (now.getTime() - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
    await db.updateTable("sessions").set({ last_seen_at: now.toISOString() }).where("id_hash", "=", idHash).execute();
  }
  const grants = await db
    .selectFrom("user_roles")
    .select(["role", (eb) => eb.val<string | null>(null).as("association_id")])
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", row.id)
    .unionAll(db.selectFrom("association_members").select(["role", "association_id"]).where("tenant_id", "=", tenantId).where("user_id", "=", row.id))
    .execute();
  const roles = new Set<StaffRole>();
  const memberships = new Map<string, AssociationRole>();
  for (const g of grants) {
    if (g.association_id) memberships.set(g.association_id, g.role as AssociationRole);
    else roles.add(g.role as StaffRole);
  }
  return {
    idHash,
    activeAssociationId: row.active_association_id,
    language: row.language,
    person: { kind: "person", tenantId, userId: row.id, name: row.name, email: row.email, roles, memberships },
  };
}

export async function endSession(db: Database, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
}

export async function endAllSessions(db: Database, tenantId: string, userId: string): Promise<void> {
  await db.deleteFrom("sessions").where("tenant_id", "=", tenantId).where("user_id", "=", userId).execute();
}

export async function setActiveAssociation(db: Database, idHash: string, associationId: string): Promise<void> {
  await db.updateTable("sessions").set({ active_association_id: associationId }).where("id_hash", "=", idHash).execute();
}

export async function purgeExpired(db: Database, clock: Clock, config: Config): Promise<void> {
  const now = isoNow(clock);
  const idleCutoff = isoIn(clock, -config.SESSION_IDLE_MINUTES * 60_000);
  await db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<=", idleCutoff)]))
    .execute();
  await db.deleteFrom("email_tokens").where("expires_at", "<=", now).execute();
}
