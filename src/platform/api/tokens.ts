import type { Database } from "../../db/database.js";
import { audit } from "../audit/audit.js";
import { isPerson } from "../auth/policy.js";
import { type Clock, isoNow } from "../clock.js";
import { findBySecret, mintSecret } from "../crypto/secret-hash.js";
import { newId } from "../ids.js";
import { inTransaction, type ServiceContext } from "../service-context.js";
import { findLiveToken, insertApiToken, listTokens, markRevoked, markUsed } from "./tokens.repository.js";

export interface ApiCaller {
  tokenId: string;
  tenantId: string;
  scopes: ReadonlySet<string>;
}

const PREFIX = "smn_";

/** Creates a token for the signed-in admin and returns its secret: the only time anyone sees it. */
export async function createApiToken(ctx: ServiceContext, input: { name: string; scopes: string[] }): Promise<string> {
  const { secret, hash } = mintSecret(PREFIX);
  const id = newId();
  await inTransaction(ctx, async (tx) => {
    await insertApiToken(tx.db, ctx.tenant.id, {
      id,
      name: input.name,
      tokenHash: hash,
      scopes: input.scopes,
      createdBy: isPerson(ctx.actor) ? ctx.actor.userId : null,
      createdAt: isoNow(ctx.clock),
    });
    await audit(tx, "api_token.created", { type: "api_token", id }, { scopes: input.scopes.join(" ") });
  });
  return secret;
}

/** False when the tenant has no such token still in force. */
export async function revokeApiToken(ctx: ServiceContext, id: string): Promise<boolean> {
  if (!(await markRevoked(ctx.db, ctx.tenant.id, id, isoNow(ctx.clock)))) return false;
  await audit(ctx, "api_token.revoked", { type: "api_token", id });
  return true;
}

export const listApiTokens = (db: Database, tenantId: string) => listTokens(db, tenantId);

/** The caller behind an Authorization: Bearer header, in this tenant only. */
export async function apiCaller(db: Database, clock: Clock, tenantId: string, authorization: string | undefined): Promise<ApiCaller | null> {
  const secret = authorization?.match(/^Bearer\s+(smn_[A-Za-z0-9_-]{20,100})$/)?.[1];
  if (!secret) return null;
  const token = await findBySecret(secret, (hash) => findLiveToken(db, tenantId, hash));
  if (!token) return null;
  const now = clock.now();
  if (!token.lastUsedAt || now.getTime() - Date.parse(token.lastUsedAt) > 60_000) await markUsed(db, tenantId, token.id, now.toISOString());
  return { tokenId: token.id, tenantId, scopes: new Set(token.scopes) };
}
