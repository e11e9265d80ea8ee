import type { Selectable, Updateable } from "kysely";
import type { Database } from "../../db/database.js";
import { listOf } from "../../db/lists.js";
import { containsText } from "../../db/text-match.js";
import type { Lang } from "../../platform/i18n/i18n.js";
import { parseTranslations } from "../../platform/i18n/localized.js";
import { type PendingChange, pendingColumns, readPendingChange } from "../../platform/moderation/pending-change.js";
import type { Offer, OfferContent, OfferState } from "./directory.model.js";
import type { OffersTable } from "./directory.table.js";

type OfferRow = Omit<Selectable<OffersTable>, "pending_change" | "pending_since" | "translations"> & {
  translations?: string;
  association_name: string;
  category_code: string | null;
  category_labels: string | null;
};

export function toOffer(row: OfferRow): Offer {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    associationId: row.association_id,
    associationName: row.association_name,
    kind: row.kind,
    title: row.title,
    description: row.description,
    categoryId: row.category_id,
    category: row.category_code ? { code: row.category_code, labels: JSON.parse(row.category_labels ?? "{}") as Partial<Record<Lang, string>> } : null,
    targetGroups: listOf(row.target_groups),
    placeName: row.place_name,
    address: row.address,
    postcode: row.postcode,
    online: row.online === 1,
    slots: listOf(row.time_slots),
    timeText: row.time_text,
    accessibility: listOf(row.accessibility),
    languages: listOf(row.languages),
    price: row.price,
    priceText: row.price_text,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    linkUrl: row.link_url,
    status: row.status,
    reviewNote: row.review_note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    confirmedAt: row.confirmed_at,
    staleNotifiedAt: row.stale_notified_at,
    hiddenAt: row.hidden_at,
    translations: parseTranslations(row.translations),
  };
}

/** The change waiting beside the offer, if any: the one reading of its stored JSON. */
export const toOfferChange = (row: Pick<Selectable<OffersTable>, "pending_change" | "pending_since">): PendingChange<OfferContent> | null =>
  readPendingChange<OfferContent>(row.pending_change, row.pending_since);

const list = (values: string[] | undefined) => values?.join(",");

/** The columns for what is given; what is left out stays as it is. */
function offerColumns(o: Partial<OfferContent & OfferState>): Updateable<OffersTable> {
  return {
    kind: o.kind,
    title: o.title,
    description: o.description,
    category_id: o.categoryId,
    target_groups: list(o.targetGroups),
    place_name: o.placeName,
    address: o.address,
    postcode: o.postcode,
    online: o.online === undefined ? undefined : o.online ? 1 : 0,
    time_slots: list(o.slots),
    time_text: o.timeText,
    accessibility: list(o.accessibility),
    languages: list(o.languages),
    price: o.price,
    price_text: o.priceText,
    contact_email: o.contactEmail,
    contact_phone: o.contactPhone,
    link_url: o.linkUrl,
    status: o.status,
    review_note: o.reviewNote,
    updated_at: o.updatedAt,
    confirmed_at: o.confirmedAt,
    stale_notified_at: o.staleNotifiedAt,
    hidden_at: o.hiddenAt,
  };
}

export type NewOffer = OfferContent & OfferState & { id: string; associationId: string; createdAt: string };

export async function insert(db: Database, tenantId: string, o: NewOffer): Promise<void> {
  const columns = offerColumns(o) as Required<ReturnType<typeof offerColumns>>;
  await db
    .insertInto("offers")
    .values({ ...columns, id: o.id, tenant_id: tenantId, association_id: o.associationId, created_at: o.createdAt })
    .execute();
}

export async function update(db: Database, tenantId: string, id: string, changes: Partial<OfferContent & OfferState>): Promise<void> {
  await db.updateTable("offers").set(offerColumns(changes)).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}

function withAssociation(db: Database, tenantId: string) {
  return db
    .selectFrom("offers as f")
    .innerJoin("associations as a", (j) => j.onRef("a.id", "=", "f.association_id").onRef("a.tenant_id", "=", "f.tenant_id"))
    .leftJoin("taxonomy_terms as c", (j) => j.onRef("c.id", "=", "f.category_id").onRef("c.tenant_id", "=", "f.tenant_id"))
    .selectAll("f")
    .select(["a.name as association_name", "c.code as category_code", "c.labels as category_labels"])
    .where("f.tenant_id", "=", tenantId);
}

export async function findById(db: Database, tenantId: string, id: string): Promise<Offer | undefined> {
  const row = await withAssociation(db, tenantId).where("f.id", "=", id).executeTakeFirst();
  return row && toOffer(row);
}

export async function listForAssociation(db: Database, tenantId: string, associationId: string): Promise<Offer[]> {
  return (await withAssociation(db, tenantId).where("f.association_id", "=", associationId).orderBy("f.title").execute()).map(toOffer);
}

export async function listPublic(db: Database, tenantId: string, associationId?: string): Promise<Offer[]> {
  const rows = await withAssociation(db, tenantId)
    .where("f.status", "=", "published")
    .where("f.hidden_at", "is", null)
    .$if(Boolean(associationId), (q) => q.where("f.association_id", "=", associationId ?? ""))
    .orderBy("f.title")
    .orderBy("f.id")
    .execute();
  return rows.map(toOffer);
}

/** The offer with the change that waits beside it. */
export async function findWithChange(db: Database, tenantId: string, id: string) {
  const row = await withAssociation(db, tenantId).where("f.id", "=", id).executeTakeFirst();
  return row && { offer: toOffer(row), change: toOfferChange(row) };
}

/** New offers and changes to approved ones that wait for staff, the oldest first. */
export async function listPending(db: Database, tenantId: string): Promise<{ offer: Offer; change: PendingChange<OfferContent> | null }[]> {
  const rows = await withAssociation(db, tenantId)
    .where((eb) => eb.or([eb("f.status", "=", "pending"), eb("f.pending_since", "is not", null)]))
    .orderBy("f.updated_at")
    .execute();
  return rows.map((row) => ({ offer: toOffer(row), change: toOfferChange(row) }));
}

/** Keeps a change beside the approved offer, or clears it (null); the offer's own columns stay as they are. */
export async function setPendingChange(db: Database, tenantId: string, id: string, change: PendingChange<OfferContent> | null): Promise<void> {
  await db.updateTable("offers").set(pendingColumns(change)).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}

/** Every offer of the tenant by its association and title, which an import recognises it by. */
export async function titles(db: Database, tenantId: string): Promise<{ id: string; associationId: string; title: string }[]> {
  const rows = await db.selectFrom("offers").select(["id", "association_id", "title"]).where("tenant_id", "=", tenantId).execute();
  return rows.map((r) => ({ id: r.id, associationId: r.association_id, title: r.title }));
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

/** Public offers as open data reads them, paged by id. */
export async function listPublicRecords(db: Database, tenantId: string, f: PublicRecordFilter): Promise<{ rows: Offer[]; total: number }> {
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
  return { rows: rows.map(toOffer), total: Number(count.n) };
}
