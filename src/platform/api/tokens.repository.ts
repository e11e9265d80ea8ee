import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { ApiTokensTable } from "./api.table.js";
import type { ApiToken } from "./tokens.model.js";

/** Scopes are stored space-separated ("read write"). */
export function toApiToken(row: Pick<Selectable<ApiTokensTable>, "id" | "name" | "scopes" | "created_at" | "last_used_at" | "revoked_at">): ApiToken {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes ? row.scopes.split(" ") : [],
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export async function insertApiToken(
  db: Database,
  tenantId: string,
  token: { id: string; name: string; tokenHash: string; scopes: string[]; createdBy: string | null; createdAt: string },
): Promise<void> {
  await db
    .insertInto("api_tokens")
    .values({
      id: token.id,
      tenant_id: tenantId,
      name: token.name,
      token_hash: token.tokenHash,
      scopes: token.scopes.join(" "),
      created_by: token.createdBy,
      created_at: token.createdAt,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
}

/** False when there is no such token still in force. */
export async function markRevoked(db: Database, tenantId: string, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows !== 0n;
}

export async function listTokens(db: Database, tenantId: string): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom("api_tokens")
    .select(["id", "name", "scopes", "created_at", "last_used_at", "revoked_at"])
    .where("tenant_id", "=", tenantId)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map(toApiToken);
}

/** The token in force with this hash in this tenant. */
export async function findLiveToken(db: Database, tenantId: string, tokenHash: string): Promise<ApiToken | null> {
  const row = await db
    .selectFrom("api_tokens")
    .select(["id", "name", "scopes", "created_at", "last_used_at", "revoked_at"])
    .where("token_hash", "=", tokenHash)
    .where("tenant_id", "=", tenantId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return row ? toApiToken(row) : null;
}

export async function markUsed(db: Database, tenantId: string, id: string, at: string): Promise<void> {
  await db.updateTable("api_tokens").set({ last_used_at: at }).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}
