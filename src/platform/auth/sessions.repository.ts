import type { Database } from "../../db/database.js";
import type { AssociationRole, StaffRole } from "./policy.js";

export interface StoredSession {
  idHash: string;
  tenantId: string;
  userId: string;
  activeAssociationId: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

/** A session with the few things about its person every request needs. */
export interface SessionWithUser {
  idHash: string;
  lastSeenAt: string;
  expiresAt: string;
  activeAssociationId: string | null;
  user: { id: string; name: string; email: string; language: string | null };
}

export async function insertSession(db: Database, session: StoredSession): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id_hash: session.idHash,
      tenant_id: session.tenantId,
      user_id: session.userId,
      active_association_id: session.activeAssociationId,
      created_at: session.createdAt,
      last_seen_at: session.lastSeenAt,
      expires_at: session.expiresAt,
      ip: session.ip,
      user_agent: session.userAgent,
    })
    .execute();
}

export async function findSessionWithUser(db: Database, tenantId: string, idHash: string): Promise<SessionWithUser | null> {
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
  return {
    idHash: row.id_hash,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    activeAssociationId: row.active_association_id,
    user: { id: row.id, name: row.name, email: row.email, language: row.language },
  };
}

/** The person's staff roles and association memberships, in one statement. */
export async function grantsOf(db: Database, tenantId: string, userId: string): Promise<{ roles: Set<StaffRole>; memberships: Map<string, AssociationRole> }> {
  const rows = await db
    .selectFrom("user_roles")
    .select(["role", (eb) => eb.val<string | null>(null).as("association_id")])
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .unionAll(db.selectFrom("association_members").select(["role", "association_id"]).where("tenant_id", "=", tenantId).where("user_id", "=", userId))
    .execute();
  const roles = new Set<StaffRole>();
  const memberships = new Map<string, AssociationRole>();
  for (const g of rows) {
    if (g.association_id) memberships.set(g.association_id, g.role as AssociationRole);
    else roles.add(g.role as StaffRole);
  }
  return { roles, memberships };
}

/** A session is found by the hash of its secret, which is unique across tenants. */
export async function deleteSession(db: Database, idHash: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
}

export async function deleteSessionsOf(db: Database, tenantId: string, userId: string): Promise<void> {
  await db.deleteFrom("sessions").where("tenant_id", "=", tenantId).where("user_id", "=", userId).execute();
}

export async function touchSession(db: Database, idHash: string, at: string): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: at }).where("id_hash", "=", idHash).execute();
}

export async function setSessionAssociation(db: Database, idHash: string, associationId: string): Promise<void> {
  await db.updateTable("sessions").set({ active_association_id: associationId }).where("id_hash", "=", idHash).execute();
}

/** Every tenant's sessions past their absolute end or idle too long. */
export async function deleteExpiredSessions(db: Database, now: string, idleCutoff: string): Promise<void> {
  await db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expires_at", "<=", now), eb("last_seen_at", "<=", idleCutoff)]))
    .execute();
}
