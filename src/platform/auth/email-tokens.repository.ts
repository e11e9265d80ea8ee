import type { Database } from "../../db/database.js";

export interface StoredToken {
  tokenHash: string;
  tenantId: string;
  userId: string | null;
  email: string;
  purpose: string;
  data: Record<string, string> | null;
  createdAt: string;
  expiresAt: string;
}

/** What an unused link still stands for. */
export interface UsableToken {
  email: string;
  userId: string | null;
  data: Record<string, string>;
}

export async function insertToken(db: Database, token: StoredToken): Promise<void> {
  await db
    .insertInto("email_tokens")
    .values({
      token_hash: token.tokenHash,
      tenant_id: token.tenantId,
      user_id: token.userId,
      email: token.email,
      purpose: token.purpose,
      data: token.data ? JSON.stringify(token.data) : null,
      created_at: token.createdAt,
      expires_at: token.expiresAt,
      used_at: null,
    })
    .execute();
}

/**
 * An unexpired token of this purpose in this tenant: one still to be used, or (used = true) one already
 * used, so a second click on a link can still say what the first did.
 */
export async function findToken(db: Database, tenantId: string, purpose: string, tokenHash: string, now: string, used: boolean): Promise<UsableToken | null> {
  const row = await db
    .selectFrom("email_tokens")
    .select(["email", "user_id", "data"])
    .where("token_hash", "=", tokenHash)
    .where("tenant_id", "=", tenantId)
    .where("purpose", "=", purpose)
    .where("used_at", used ? "is not" : "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return row ? { email: row.email, userId: row.user_id, data: row.data ? JSON.parse(row.data) : {} } : null;
}

/** Marks the token used; false when another use got there first. */
export async function markTokenUsed(db: Database, tenantId: string, tokenHash: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("email_tokens")
    .set({ used_at: at })
    .where("tenant_id", "=", tenantId)
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function markTokensUsed(db: Database, tenantId: string, userId: string, purposes: string[], at: string): Promise<void> {
  await db
    .updateTable("email_tokens")
    .set({ used_at: at })
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .where("purpose", "in", purposes)
    .where("used_at", "is", null)
    .execute();
}

/** Every tenant's tokens past their end. */
export async function deleteExpiredTokens(db: Database, now: string): Promise<void> {
  await db.deleteFrom("email_tokens").where("expires_at", "<=", now).execute();
}
