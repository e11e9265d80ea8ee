import type { Database } from "../../db/database.js";

/** A published posting about to run out. */
export interface ExpiringPosting {
  id: string;
  title: string;
  contactEmail: string;
  expiresOn: string;
}

/** Published postings running out between the two dates whose contact has not been asked yet. */
export async function expiringPostings(db: Database, tenantId: string, from: string, to: string): Promise<ExpiringPosting[]> {
  const rows = await db
    .selectFrom("opportunities")
    .select(["id", "title", "contact_email", "expires_on"])
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "published")
    .where("renewal_reminded_at", "is", null)
    .where("expires_on", ">=", from)
    .where("expires_on", "<=", to)
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, contactEmail: r.contact_email, expiresOn: r.expires_on }));
}

export async function markRenewalReminded(db: Database, tenantId: string, opportunityId: string, at: string): Promise<void> {
  await db.updateTable("opportunities").set({ renewal_reminded_at: at }).where("tenant_id", "=", tenantId).where("id", "=", opportunityId).execute();
}
