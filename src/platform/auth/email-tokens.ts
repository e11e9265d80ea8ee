import type { Database } from "../../db/database.js";
import { type Clock, isoIn, isoNow } from "../clock.js";
import { hashSecret, newSecret } from "../ids.js";

export type TokenPurpose = "verify" | "magic" | "reset" | "invite" | "application" | "consent" | "data_request";

const LIFETIME_MS: Record<TokenPurpose, number> = {
  verify: 48 * 3600_000,
  magic: 15 * 60_000,
  reset: 60 * 60_000,
  invite: 14 * 24 * 3600_000,
  application: 7 * 24 * 3600_000,
  // As long as a consent recorded by staff lasts without the citizen's confirmation.
  consent: 30 * 24 * 3600_000,
  data_request: 24 * 3600_000,
};

export async function issueToken(
  db: Database,
  clock: Clock,
  input: { tenantId: string; purpose: TokenPurpose; email: string; userId: string | null; data?: Record<string, string>; lifetimeMs?: number },
): Promise<string> {
  const secret = newSecret();
  await db
    .insertInto("email_tokens")
    .values({
      token_hash: hashSecret(secret),
      tenant_id: input.tenantId,
      user_id: input.userId,
      email: input.email,
      purpose: input.purpose,
      data: input.data ? JSON.stringify(input.data) : null,
      created_at: isoNow(clock),
      expires_at: isoIn(clock, input.lifetimeMs ?? LIFETIME_MS[input.purpose]),
      used_at: null,
    })
    .execute();
  return secret;
}

export interface UsableToken {
  email: string;
  userId: string | null;
  data: Record<string, string>;
}

/** A valid, unused, unexpired token of this purpose in this tenant, or null. */
export async function peekToken(db: Database, clock: Clock, tenantId: string, purpose: TokenPurpose, secret: string): Promise<UsableToken | null> {
  const row = await db
    .selectFrom("email_tokens")
    .select(["email", "user_id", "data"])
    .where("token_hash", "=", hashSecret(secret))
    .where("tenant_id", "=", tenantId)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", isoNow(clock))
    .executeTakeFirst();
  return row ? { email: row.email, userId: row.user_id, data: row.data ? JSON.parse(row.data) : {} } : null;
}

/**
 * Uses the token once; a second use, even at the same moment, finds nothing. A token sent to a person
 * (not an invitation or an application, which stand for one thing each) also ends every other link of
 * its purpose that person still holds, so an older reset link found in a mailbox later is worthless.
 */
export async function consumeToken(db: Database, clock: Clock, tenantId: string, purpose: TokenPurpose, secret: string): Promise<UsableToken | null> {
  const token = await peekToken(db, clock, tenantId, purpose, secret);
  if (!token) return null;
  const result = await db
    .updateTable("email_tokens")
    .set({ used_at: isoNow(clock) })
    .where("token_hash", "=", hashSecret(secret))
    .where("used_at", "is", null)
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) return null;
  if (token.userId) await endTokens(db, clock, tenantId, token.userId, [purpose]);
  return token;
}

/** Ends every unused link of these purposes a person holds. */
export async function endTokens(db: Database, clock: Clock, tenantId: string, userId: string, purposes: TokenPurpose[]): Promise<void> {
  await db
    .updateTable("email_tokens")
    .set({ used_at: isoNow(clock) })
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .where("purpose", "in", purposes)
    .where("used_at", "is", null)
    .execute();
}
