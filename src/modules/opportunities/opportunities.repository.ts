import type { Insertable, Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import { listOf } from "../../db/lists.js";
import { containsText } from "../../db/text-match.js";
import { parseTranslations } from "../../platform/i18n/localized.js";
import { type PendingChange, pendingColumns, readPendingChange } from "../../platform/moderation/pending-change.js";
import type { Opportunity, OpportunityStatus, Posting } from "./opportunities.model.js";
import type { OpportunitiesTable } from "./opportunities.table.js";

type OpportunityRow = Omit<Selectable<OpportunitiesTable>, "pending_change" | "pending_since" | "translations"> & {
  association_name: string;
  translations?: string;
};

/** The one reading of a job's row: booleans from 0/1, lists from comma text. */
export function toOpportunity(row: OpportunityRow): Opportunity {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    associationId: row.association_id,
    associationName: row.association_name,
    categoryId: row.category_id,
    title: row.title,
    tasks: row.tasks,
    benefits: row.benefits,
    commitment: row.commitment,
    hoursPerWeek: row.hours_per_week,
    oneOffDate: row.one_off_date,
    place: row.place,
    postcode: row.postcode,
    remote: row.remote === 1,
    startDate: row.start_date,
    needsCertificate: row.needs_certificate === 1,
    minAge: row.min_age,
    languages: listOf(row.languages),
    suits: listOf(row.suits),
    slots: listOf(row.time_slots),
    setting: row.setting,
    stepFree: row.step_free === 1,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    expiresOn: row.expires_on,
    status: row.status,
    reviewNote: row.review_note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    renewalRemindedAt: row.renewal_reminded_at,
    translations: parseTranslations(row.translations),
  };
}

/** The change waiting beside the job, if any: the one reading of its stored JSON. */
export const toPostingChange = (row: Pick<Selectable<OpportunitiesTable>, "pending_change" | "pending_since">): PendingChange<Posting> | null =>
  readPendingChange<Posting>(row.pending_change, row.pending_since);

/** The one writing of a job's row. */
export function opportunityColumns(o: Omit<Opportunity, "associationName">): Insertable<OpportunitiesTable> {
  return {
    id: o.id,
    tenant_id: o.tenantId,
    association_id: o.associationId,
    category_id: o.categoryId,
    title: o.title,
    tasks: o.tasks,
    benefits: o.benefits,
    commitment: o.commitment,
    hours_per_week: o.hoursPerWeek,
    one_off_date: o.oneOffDate,
    place: o.place,
    postcode: o.postcode,
    remote: o.remote ? 1 : 0,
    start_date: o.startDate,
    needs_certificate: o.needsCertificate ? 1 : 0,
    min_age: o.minAge,
    languages: o.languages.join(","),
    suits: o.suits.join(","),
    time_slots: o.slots.join(","),
    setting: o.setting,
    step_free: o.stepFree ? 1 : 0,
    contact_name: o.contactName,
    contact_email: o.contactEmail,
    expires_on: o.expiresOn,
    status: o.status,
    review_note: o.reviewNote,
    created_at: o.createdAt,
    updated_at: o.updatedAt,
    published_at: o.publishedAt,
    renewal_reminded_at: o.renewalRemindedAt,
    ...(o.translations ? { translations: JSON.stringify(o.translations) } : {}),
  };
}

export async function insertOpportunity(db: Database, o: Omit<Opportunity, "associationName">) {
  await db.insertInto("opportunities").values(opportunityColumns(o)).execute();
}

/** Writes the job's changed state; its tenant, association and creation stay as they were. */
export async function updateOpportunity(db: Database, o: Omit<Opportunity, "associationName">) {
  const { id, tenant_id, association_id, created_at, ...changed } = opportunityColumns(o);
  await db.updateTable("opportunities").set(changed).where("tenant_id", "=", tenant_id).where("id", "=", id).execute();
}

export const PAGE_SIZE = 20;

function withAssociation(db: Database, tenantId: string) {
  return db
    .selectFrom("opportunities as o")
    .innerJoin("associations as a", (j) => j.onRef("a.id", "=", "o.association_id").onRef("a.tenant_id", "=", "o.tenant_id"))
    .selectAll("o")
    .select("a.name as association_name")
    .where("o.tenant_id", "=", tenantId);
}

export async function findById(db: Database, tenantId: string, id: string): Promise<Opportunity | undefined> {
  const row = await withAssociation(db, tenantId).where("o.id", "=", id).executeTakeFirst();
  return row && toOpportunity(row);
}

/** Several jobs in one query, by id. */
export async function findByIds(db: Database, tenantId: string, ids: string[]): Promise<Opportunity[]> {
  if (ids.length === 0) return [];
  const rows = await withAssociation(db, tenantId).where("o.id", "in", ids).execute();
  return rows.map(toOpportunity);
}

export async function listPublished(db: Database, tenantId: string, today: string, page: number) {
  const base = db.selectFrom("opportunities").where("tenant_id", "=", tenantId).where("status", "=", "published").where("expires_on", ">=", today);
  const [rows, count] = await Promise.all([
    withAssociation(db, tenantId)
      .where("o.status", "=", "published")
      .where("o.expires_on", ">=", today)
      .orderBy("o.published_at", "desc")
      .orderBy("o.id", "desc")
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toOpportunity), total: Number(count.n) };
}

/** The job with the change that waits beside it. */
export async function findWithChange(db: Database, tenantId: string, id: string) {
  const row = await withAssociation(db, tenantId).where("o.id", "=", id).executeTakeFirst();
  return row && { o: toOpportunity(row), change: toPostingChange(row) };
}

/** New postings and changes to published ones that wait for staff, the oldest first. */
export async function listForModeration(db: Database, tenantId: string): Promise<{ o: Opportunity; change: PendingChange<Posting> | null }[]> {
  const rows = await withAssociation(db, tenantId)
    .where((eb) => eb.or([eb("o.status", "=", "pending"), eb("o.pending_since", "is not", null)]))
    .orderBy("o.updated_at")
    .execute();
  return rows.map((row) => ({ o: toOpportunity(row), change: toPostingChange(row) }));
}

/** Keeps a change beside the published job, or clears it (null); the job's own columns stay as they are. */
export async function setPendingChange(db: Database, tenantId: string, id: string, change: PendingChange<Posting> | null): Promise<void> {
  await db.updateTable("opportunities").set(pendingColumns(change)).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}

export async function listByStatus(db: Database, tenantId: string, status: OpportunityStatus): Promise<Opportunity[]> {
  const rows = await withAssociation(db, tenantId).where("o.status", "=", status).orderBy("o.updated_at").execute();
  return rows.map(toOpportunity);
}

/** An association's jobs, each with its count of confirmed applications, in two queries. */
export async function listForAssociation(db: Database, tenantId: string, associationId: string) {
  const rows = await withAssociation(db, tenantId).where("o.association_id", "=", associationId).orderBy("o.updated_at", "desc").execute();
  const counts = rows.length
    ? await db
        .selectFrom("applications")
        .select(["opportunity_id", (eb) => eb.fn.countAll<string | number>().as("n")])
        .where("tenant_id", "=", tenantId)
        .where(
          "opportunity_id",
          "in",
          rows.map((r) => r.id),
        )
        .where("status", "!=", "unconfirmed")
        .groupBy("opportunity_id")
        .execute()
    : [];
  return rows.map((r) => ({ ...toOpportunity(r), applications: Number(counts.find((c) => c.opportunity_id === r.id)?.n ?? 0) }));
}

/** Postings that give the person as the association's contact. */
export async function postingsWithContact(db: Database, tenantId: string, email: string) {
  return db
    .selectFrom("opportunities")
    .select(["title", "contact_name", "contact_email", "status"])
    .where("tenant_id", "=", tenantId)
    .where("contact_email", "=", email)
    .execute();
}

/** When each job published since a day went out, with its category's code, for the figures. */
export async function publishedSince(db: Database, tenantId: string, since: string) {
  const rows = await db
    .selectFrom("opportunities as o")
    .leftJoin("taxonomy_terms as c", (j) => j.onRef("c.id", "=", "o.category_id").onRef("c.tenant_id", "=", "o.tenant_id"))
    .select(["o.published_at", "c.code as category"])
    .where("o.tenant_id", "=", tenantId)
    .where("o.published_at", ">=", since)
    .execute();
  return rows.map((j) => ({ publishedAt: j.published_at ?? "", category: j.category ?? "" }));
}

export interface PublicRecordFilter {
  offset: number;
  limit: number;
  search: string | null;
  modifiedAfter: string | null;
  id?: string;
  categoryCode?: string | null;
  associationId?: string;
  /** Only jobs done at a place, not remote. */
  placed?: boolean;
}

/**
 * Published, unexpired jobs with their association and category, for open data and feeds. Their
 * shape is the one public offers share and the open-data mappers read, so it stays the stored one.
 */
export async function listPublicRecords(db: Database, tenantId: string, today: string, f: PublicRecordFilter, order: "id" | "newest" = "id") {
  const search = f.search ?? "";
  const base = db
    .selectFrom("opportunities as o")
    .innerJoin("associations as a", (j) => j.onRef("a.id", "=", "o.association_id").onRef("a.tenant_id", "=", "o.tenant_id"))
    .leftJoin("taxonomy_terms as c", (j) => j.onRef("c.id", "=", "o.category_id").onRef("c.tenant_id", "=", "o.tenant_id"))
    .where("o.tenant_id", "=", tenantId)
    .where("o.status", "=", "published")
    .where("o.expires_on", ">=", today)
    .$if(Boolean(f.id), (q) => q.where("o.id", "=", f.id ?? ""))
    .$if(Boolean(f.associationId), (q) => q.where("o.association_id", "=", f.associationId ?? ""))
    .$if(Boolean(search), (q) => q.where((eb) => eb.or([containsText("o.title", search), containsText("o.tasks", search)])))
    .$if(Boolean(f.modifiedAfter), (q) => q.where("o.updated_at", ">", f.modifiedAfter ?? ""))
    .$if(Boolean(f.categoryCode), (q) => q.where("c.code", "=", f.categoryCode ?? ""))
    .$if(Boolean(f.placed), (q) => q.where("o.remote", "=", 0).where((eb) => eb.or([eb("o.place", "is not", null), eb("o.postcode", "is not", null)])));
  const [rows, count] = await Promise.all([
    base
      .selectAll("o")
      .select(["a.name as association_name", "c.code as category_code", "c.labels as category_labels"])
      .$if(order === "id", (q) => q.orderBy("o.id"))
      .$if(order === "newest", (q) => q.orderBy("o.published_at", "desc").orderBy("o.id", "desc"))
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The associations with a published job not yet expired, by the job's category (jobs without one left out). */
export async function associationsByCategory(db: Database, tenantId: string, today: string): Promise<{ categoryId: string; associationId: string }[]> {
  const rows = await db
    .selectFrom("opportunities")
    .select(["category_id", "association_id"])
    .distinct()
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "published")
    .where("expires_on", ">=", today)
    .where("category_id", "is not", null)
    .execute();
  return rows.map((r) => ({ categoryId: r.category_id as string, associationId: r.association_id }));
}
