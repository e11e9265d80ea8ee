import type { Database } from "../../db/database.js";

export interface OidcProvider {
  id: string;
  tenantId: string;
  slug: string;
  label: string;
  issuer: string;
  clientId: string;
  /** The name of the client secret in the configuration; the secret itself is never stored. */
  secretName: string;
  grantsRole: string | null;
}

export async function listProviderLabels(db: Database, tenantId: string): Promise<{ slug: string; label: string }[]> {
  return db.selectFrom("oidc_providers").select(["slug", "label"]).where("tenant_id", "=", tenantId).orderBy("label").execute();
}

export async function findProviderBySlug(db: Database, tenantId: string, slug: string): Promise<OidcProvider | null> {
  const row = await db.selectFrom("oidc_providers").selectAll().where("tenant_id", "=", tenantId).where("slug", "=", slug).executeTakeFirst();
  return row
    ? {
        id: row.id,
        tenantId: row.tenant_id,
        slug: row.slug,
        label: row.label,
        issuer: row.issuer,
        clientId: row.client_id,
        secretName: row.secret_name,
        grantsRole: row.grants_role,
      }
    : null;
}

/** The account a provider's subject is linked to. */
export async function findIdentityUser(db: Database, tenantId: string, providerId: string, subject: string): Promise<string | null> {
  const row = await db
    .selectFrom("user_identities")
    .select("user_id")
    .where("tenant_id", "=", tenantId)
    .where("provider_id", "=", providerId)
    .where("subject", "=", subject)
    .executeTakeFirst();
  return row?.user_id ?? null;
}

export async function insertIdentity(
  db: Database,
  identity: { tenantId: string; providerId: string; subject: string; userId: string; createdAt: string },
): Promise<void> {
  await db
    .insertInto("user_identities")
    .values({
      tenant_id: identity.tenantId,
      provider_id: identity.providerId,
      subject: identity.subject,
      user_id: identity.userId,
      created_at: identity.createdAt,
    })
    .execute();
}
