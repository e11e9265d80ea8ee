import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { OffersTable } from "./directory.table.js";

export type OfferRow = Selectable<OffersTable> & { association_name: string; category_code: string | null; category_labels: string | null };

function withAssociation(db: Database, tenantId: string) {
  return db
    .selectFrom("offers as f")
    .innerJoin("associations as a", "a.id", "f.association_id")
    .leftJoin("taxonomy_terms as c", "c.id", "f.category_id")
    .selectAll("f")
    .select(["a.name as association_name", "c.code as category_code", "c.labels as category_labels"])
    .where("f.tenant_id", "=", tenantId);
}

export async function findById(db: Database, tenantId: string, id: string): Promise<OfferRow | undefined> {
  return withAssociation(db, tenantId).where("f.id", "=", id).executeTakeFirst();
}

export async function listForAssociation(db: Database, tenantId: string, associationId: string): Promise<OfferRow[]> {
  return withAssociation(db, tenantId).where("f.association_id", "=", associationId).orderBy("f.title").execute();
}

export async function listPublic(db: Database, tenantId: string, associationId?: string): Promise<OfferRow[]> {
  return withAssociation(db, tenantId)
    .where("f.status", "=", "published")
    .where("f.hidden_at", "is", null)
    .$if(Boolean(associationId), (q) => q.where("f.association_id", "=", associationId ?? ""))
    .orderBy("f.title")
    .orderBy("f.id")
    .execute();
}

export async function listPending(db: Database, tenantId: string): Promise<OfferRow[]> {
  return withAssociation(db, tenantId).where("f.status", "=", "pending").orderBy("f.updated_at").execute();
}
