import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import { containsText } from "../../db/text-match.js";
import type { OffersTable } from "./directory.table.js";

export type OfferRow = Selectable<OffersTable> & { association_name: string; category_code: string | null; category_labels: string | null };

function withAssociation(db: Database, tenantId: string) {
  return db
    .selectFrom("offers as f")
    .innerJoin("associations as a", (j) => j.onRef("a.id", "=", "f.association_id").onRef("a.tenant_id", "=", "f.tenant_id"))
    .leftJoin("taxonomy_terms as c", (j) => j.onRef("c.id", "=", "f.category_id").onRef("c.tenant_id", "=", "f.tenant_id"))
    .selectAll("f")
    .select(["a.name as association_name", "c.code as category_code", "c.labels as category_labels"])
    .where("f.tenant_id", "=", tenantId);
}

export async function findById(db: Database, tenantId: string, id: string): Promise<OfferRow | undefined> {
  return withAssociation(db, tenantId).where("f.id", "=", id).executeTakeFirst();
}

/** The stored file of an association's logo, if it has one. */
export async function logoFileOf(db: Database, tenantId: string, associationId: string): Promise<string | null> {
  const a = await db.selectFrom("associations").select("logo_file_id").where("tenant_id", "=", tenantId).where("id", "=", associationId).executeTakeFirst();
  return a?.logo_file_id ?? null;
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

export interface PublicRecordFilter {
  offset: number;
  limit: number;
  search: string | null;
  modifiedAfter: string | null;
  id?: string;
  associationId?: string;
  /** Only offers held at a place. */
  placed?: boolean;
}

/** Public offers in the shape open data reads, paged by id. */
export async function listPublicRecords(db: Database, tenantId: string, f: PublicRecordFilter) {
  const search = f.search ?? "";
  const base = withAssociation(db, tenantId)
    .where("f.status", "=", "published")
    .where("f.hidden_at", "is", null)
    .$if(Boolean(f.id), (q) => q.where("f.id", "=", f.id ?? ""))
    .$if(Boolean(f.associationId), (q) => q.where("f.association_id", "=", f.associationId ?? ""))
    .$if(Boolean(search), (q) => q.where((eb) => eb.or([containsText("f.title", search), containsText("f.description", search)])))
    .$if(Boolean(f.modifiedAfter), (q) => q.where("f.updated_at", ">", f.modifiedAfter ?? ""))
    .$if(Boolean(f.placed), (q) => q.where((eb) => eb.or([eb("f.place_name", "is not", null), eb("f.postcode", "is not", null)])));
  const [rows, count] = await Promise.all([
    f.limit > 0 ? base.orderBy("f.id").limit(f.limit).offset(f.offset).execute() : Promise.resolve([]),
    base
      .clearSelect()
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
