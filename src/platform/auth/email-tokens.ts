import type { Database } from "../../db/database.js";
import { type Clock, isoIn, isoNow } from "../clock.js";
import { findBySecret, hashSecret, mintSecret } from "../crypto/secret-hash.js";
import { findToken, insertToken, markTokensUsed, markTokenUsed, type UsableToken } from "./email-tokens.repository.js";

export type { UsableToken };

export type TokenPurpose = "verify" | "magic" | "reset" | "invite" | "application" | "event" | "consent" | "data_request" | "network";

const LIFETIME_MS: Record<TokenPurpose, number> = {
  verify: 48 * 3600_000,
  magic: 15 * 60_000,
  reset: 60 * 60_000,
  invite: 14 * 24 * 3600_000,
  application: 7 * 24 * 3600_000,
  event: 7 * 24 * 3600_000,
  // As long as a consent recorded by staff lasts without the citizen's confirmation.
  consent: 30 * 24 * 3600_000,
  data_request: 24 * 3600_000,
  // An invitation to join a network: as long as any other invitation.
  network: 14 * 24 * 3600_000,
};

export async function issueToken(
  db: Database,
  clock: Clock,
  input: { tenantId: string; purpose: TokenPurpose; email: string; userId: string | null; data?: Record<string, string>; lifetimeMs?: number },
): Promise<string> {
  const { secret, hash } = mintSecret();
  await insertToken(db, {
    tokenHash: hash,
    tenantId: input.tenantId,
    userId: input.userId,
    email: input.email,
    purpose: input.purpose,
    data: input.data ?? null,
    createdAt: isoNow(clock),
    expiresAt: isoIn(clock, input.lifetimeMs ?? LIFETIME_MS[input.purpose]),
  });
  return secret;
}

/** A valid, unused, unexpired token of this purpose in this tenant, or null. */
export async function peekToken(db: Database, clock: Clock, tenantId: string, purpose: TokenPurpose, secret: string): Promise<UsableToken | null> {
  return findBySecret(secret, (hash) => findToken(db, tenantId, purpose, hash, isoNow(clock), false));
}

/** A token of this purpose already used, not yet expired, or null: for a link clicked a second time. */
export async function peekUsedToken(db: Database, clock: Clock, tenantId: string, purpose: TokenPurpose, secret: string): Promise<UsableToken | null> {
  return findBySecret(secret, (hash) => findToken(db, tenantId, purpose, hash, isoNow(clock), true));
}

/**
 * Uses the token once; a second use, even at the same moment, finds nothing. A token sent to a person
 * (not an invitation or an application, which stand for one thing each) also ends every other link of
 * its purpose that person still holds, so an older reset link found in a mailbox later is worthless.
 */
export async function consumeToken(db: Database, clock: Clock, tenantId: string, purpose: TokenPurpose, secret: string): Promise<UsableToken | null> {
  const token = await peekToken(db, clock, tenantId, purpose, secret);
  if (!token) return null;
  if (!(await markTokenUsed(db, tenantId, hashSecret(secret), isoNow(clock)))) return null;
  if (token.userId) await endTokens(db, clock, tenantId, token.userId, [purpose]);
  return token;
}

/** Ends every unused link of these purposes a person holds. */
export async function endTokens(db: Database, clock: Clock, tenantId: string, userId: string, purposes: TokenPurpose[]): Promise<void> {
  await markTokensUsed(db, tenantId, userId, purposes, isoNow(clock));
}
