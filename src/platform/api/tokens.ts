import type { Database } from "../../db/database.js";
import { auditEntry } from "../audit/audit.js";
import { type Clock, isoNow } from "../clock.js";
import { hashSecret, newId, newSecret } from "../ids.js";

export interface ApiCaller {
  tokenId: string;
  tenantId: string;
  scopes: ReadonlySet<string>;
}

const PREFIX = "smn_";

/** Creates a token and returns its secret: the only time anyone sees it. */
export async function createApiToken(
  db: Database,
  clock: Clock,
  input: { tenantId: string; name: string; scopes: string[]; createdBy: string; ip: string | null },
): Promise<string> {
  const secret = `${PREFIX}${newSecret()}`;
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("api_tokens")
      .values({
        id,
        tenant_id: input.tenantId,
        name: input.name,
        token_hash: hashSecret(secret),
        scopes: input.scopes.join(" "),
        created_by: input.createdBy,
        created_at: isoNow(clock),
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    await auditEntry(trx, clock, {
      tenantId: input.tenantId,
      actorId: input.createdBy,
      action: "api_token.created",
      entityType: "api_token",
      entityId: id,
      ip: input.ip,
      details: { scopes: input.scopes.join(" ") },
    });
  });
  return secret;
}

export async function revokeApiToken(
  db: Database,
  clock: Clock,
  input: { tenantId: string; id: string; actorId: string; ip: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable("api_tokens")
    .set({ revoked_at: isoNow(clock) })
    .where("tenant_id", "=", input.tenantId)
    .where("id", "=", input.id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  await auditEntry(db, clock, {
    tenantId: input.tenantId,
    actorId: input.actorId,
    action: "api_token.revoked",
    entityType: "api_token",
    entityId: input.id,
    ip: input.ip,
  });
  return true;
}

export async function listApiTokens(db: Database, tenantId: string) {
  return db
    .selectFrom("api_tokens")
    .select(["id", "name", "scopes", "created_at", "last_used_at", "revoked_at"])
    .where("tenant_id", "=", tenantId)
    .orderBy("created_at", "desc")
    .execute();
}

/** The caller behind an Authorization: Bearer header, in this tenant only. */
export async function apiCaller(db: Database, clock: Clock, tenantId: string, authorization: string | undefined): Promise<ApiCaller | null> {
  const secret = authorization?.match(/^Bearer\s+(smn_[A-Za-z0-9_-]{20,100})$/)?.[1];
  if (!secret) return null;
  const row = await db
    .selectFrom("api_tokens")
    .select(["id", "scopes", "last_used_at"])
    .where("token_hash", "=", hashSecret(secret))
    .where("tenant_id", "=", tenantId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  const now = clock.now();
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
    await db.updateTable("api_tokens").set({ last_used_at: now.toISOString() }).where("id", "=", row.id).execute();
  }
  return { tokenId: row.id, tenantId, scopes: new Set(row.scopes.split(" ")) };
}
