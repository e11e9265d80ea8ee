import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { UsersTable } from "./auth.table.js";
import type { StaffRole } from "./policy.js";
import type { User } from "./users.model.js";

export function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    emailVerifiedAt: row.email_verified_at,
    language: row.language,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function userColumns(user: User): Selectable<UsersTable> {
  return {
    id: user.id,
    tenant_id: user.tenantId,
    email: user.email,
    name: user.name,
    password_hash: user.passwordHash,
    email_verified_at: user.emailVerifiedAt,
    language: user.language,
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}

export async function findUserById(db: Database, tenantId: string, id: string): Promise<User | undefined> {
  const row = await db.selectFrom("users").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row && toUser(row);
}

/** The names of these people of the tenant, by id (nulls and ids of no one left out): who wrote, scored or decided. */
export async function userNames(db: Database, tenantId: string, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "name"]).where("tenant_id", "=", tenantId).where("id", "in", wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function findUserByEmail(db: Database, tenantId: string, email: string): Promise<User | undefined> {
  const row = await db.selectFrom("users").selectAll().where("tenant_id", "=", tenantId).where("email", "=", email).executeTakeFirst();
  return row && toUser(row);
}

export async function insertUser(db: Database, user: User): Promise<void> {
  await db.insertInto("users").values(userColumns(user)).execute();
}

/** Marks the address as shown to be theirs, unless it already was; `touch` also moves the account's last change. */
export async function markEmailVerified(db: Database, tenantId: string, userId: string, at: string, touch: boolean): Promise<void> {
  await db
    .updateTable("users")
    .set(touch ? { email_verified_at: at, updated_at: at } : { email_verified_at: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", userId)
    .where("email_verified_at", "is", null)
    .execute();
}

/** A new password; setting it through a mailed link also proves the address. */
export async function setPassword(db: Database, tenantId: string, userId: string, passwordHash: string, at: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ password_hash: passwordHash, updated_at: at, email_verified_at: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", userId)
    .execute();
}

/** Grants a staff role, keeping it as it is when the person has it already. */
export async function grantStaffRole(db: Database, tenantId: string, userId: string, role: StaffRole, grantedBy: string | null, at: string): Promise<void> {
  await db
    .insertInto("user_roles")
    .values({ tenant_id: tenantId, user_id: userId, role, granted_by: grantedBy, created_at: at })
    .onConflict((oc) => oc.columns(["tenant_id", "user_id", "role"]).doNothing())
    .execute();
}

export async function revokeStaffRole(db: Database, tenantId: string, userId: string, role: StaffRole): Promise<void> {
  await db.deleteFrom("user_roles").where("tenant_id", "=", tenantId).where("user_id", "=", userId).where("role", "=", role).execute();
}

/** What the person says about themself on their account page. */
export async function updateUserProfile(
  db: Database,
  tenantId: string,
  userId: string,
  profile: { name: string; language: string | null },
  at: string,
): Promise<void> {
  await db
    .updateTable("users")
    .set({ name: profile.name, language: profile.language, updated_at: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", userId)
    .execute();
}

/** The language the person last chose from the menu, kept for their mails and next visit. */
export async function setUserLanguage(db: Database, tenantId: string, userId: string, language: string): Promise<void> {
  await db.updateTable("users").set({ language }).where("tenant_id", "=", tenantId).where("id", "=", userId).execute();
}
