import { type Insertable, type Selectable, sql } from "kysely";
import type { Database } from "../../db/database.js";
import { containsText } from "../../db/text-match.js";
import { type Keyring, open, seal } from "../../platform/crypto/sealed.js";
import type { ApplicationMessagesTable, ApplicationsTable, OpportunitiesTable } from "./opportunities.table.js";

export type OpportunityRow = Selectable<OpportunitiesTable> & { association_name: string };
/** An application as services see it: its text opened. */
export type ApplicationRow = Selectable<ApplicationsTable>;

/** Fields sealed at rest: what an applicant writes may tell of their health or circumstances. */
const MESSAGE_FIELD = "applications.message";
const BODY_FIELD = "application_messages.body";

const toApplication =
  (ring: Keyring) =>
  <A extends { message: string }>(row: A): A => ({ ...row, message: open(ring, MESSAGE_FIELD, row.message) });

const toMessage =
  (ring: Keyring) =>
  <M extends { body: string }>(row: M): M => ({ ...row, body: open(ring, BODY_FIELD, row.body) });

export async function insertApplication(db: Database, ring: Keyring, row: Insertable<ApplicationsTable>) {
  await db
    .insertInto("applications")
    .values({ ...row, message: seal(ring, MESSAGE_FIELD, row.message) })
    .execute();
}

export async function insertMessage(db: Database, ring: Keyring, row: Insertable<ApplicationMessagesTable>) {
  await db
    .insertInto("application_messages")
    .values({ ...row, body: seal(ring, BODY_FIELD, row.body) })
    .execute();
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

export async function findById(db: Database, tenantId: string, id: string): Promise<OpportunityRow | undefined> {
  return withAssociation(db, tenantId).where("o.id", "=", id).executeTakeFirst();
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
  return { rows, total: Number(count.n) };
}

export async function listByStatus(db: Database, tenantId: string, status: OpportunitiesTable["status"]) {
  return withAssociation(db, tenantId).where("o.status", "=", status).orderBy("o.updated_at").execute();
}

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
  return rows.map((r) => ({ ...r, applications: Number(counts.find((c) => c.opportunity_id === r.id)?.n ?? 0) }));
}

export async function applicationsFor(db: Database, ring: Keyring, tenantId: string, opportunityId: string): Promise<ApplicationRow[]> {
  const rows = await db
    .selectFrom("applications")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("opportunity_id", "=", opportunityId)
    .where("status", "!=", "unconfirmed")
    .orderBy("created_at")
    .execute();
  return rows.map(toApplication(ring));
}

export async function applicationsOf(db: Database, tenantId: string, userId: string) {
  return db
    .selectFrom("applications as ap")
    .innerJoin("opportunities as o", (j) => j.onRef("o.id", "=", "ap.opportunity_id").onRef("o.tenant_id", "=", "ap.tenant_id"))
    .innerJoin("associations as a", (j) => j.onRef("a.id", "=", "o.association_id").onRef("a.tenant_id", "=", "o.tenant_id"))
    .select(["ap.id", "ap.status", "ap.created_at", "ap.updated_at", "o.id as opportunity_id", "o.title", "a.name as association_name"])
    .where("ap.tenant_id", "=", tenantId)
    .where("ap.user_id", "=", userId)
    .orderBy("ap.created_at", "desc")
    .execute();
}

export async function findApplication(db: Database, ring: Keyring, tenantId: string, id: string): Promise<ApplicationRow | undefined> {
  const row = await db.selectFrom("applications").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row && toApplication(ring)(row);
}

export async function messagesOf(db: Database, ring: Keyring, tenantId: string, applicationId: string) {
  const rows = await db
    .selectFrom("application_messages")
    .select(["id", "sender", "body", "created_at"])
    .where("tenant_id", "=", tenantId)
    .where("application_id", "=", applicationId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toMessage(ring));
}

/** A person's applications: made from their account, or under their e-mail address with or without one. */
function applicationsOfSubject(db: Database, tenantId: string, who: { userId: string | null; email: string | null }) {
  return db
    .selectFrom("applications as ap")
    .where("ap.tenant_id", "=", tenantId)
    .where((eb) => {
      const either = [...(who.userId ? [eb("ap.user_id", "=", who.userId)] : []), ...(who.email ? [eb("ap.email", "=", who.email)] : [])];
      return either.length ? eb.or(either) : sql<boolean>`1 = 0`;
    });
}

/** Everything of a person's applications, the conversations with the associations included, for their data download. */
export async function applicationsWithThreads(db: Database, ring: Keyring, tenantId: string, who: { userId: string | null; email: string | null }) {
  const rows = await applicationsOfSubject(db, tenantId, who)
    .innerJoin("opportunities as o", (j) => j.onRef("o.id", "=", "ap.opportunity_id").onRef("o.tenant_id", "=", "ap.tenant_id"))
    .selectAll("ap")
    .select("o.title as volunteer_job")
    .orderBy("ap.created_at")
    .execute();
  const ids = rows.map((r) => r.id);
  const messages = ids.length
    ? await db
        .selectFrom("application_messages")
        .select(["application_id", "sender", "body", "created_at"])
        .where("tenant_id", "=", tenantId)
        .where("application_id", "in", ids)
        .orderBy("created_at")
        .execute()
    : [];
  return rows.map(toApplication(ring)).map((a) => ({ ...a, messages: messages.filter((m) => m.application_id === a.id).map(toMessage(ring)) }));
}

/** Erasure: the person's applications go, their conversations with them; messages they wrote for an association stay, unsigned. */
export async function forgetApplicant(db: Database, tenantId: string, who: { userId: string | null; email: string | null }) {
  const ids = (await applicationsOfSubject(db, tenantId, who).select("ap.id").execute()).map((r) => r.id);
  if (ids.length) await db.deleteFrom("applications").where("tenant_id", "=", tenantId).where("id", "in", ids).execute();
  if (who.userId)
    await db.updateTable("application_messages").set({ author_id: null }).where("tenant_id", "=", tenantId).where("author_id", "=", who.userId).execute();
  return ids;
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

/** Published, unexpired jobs with their association and category, for open data and feeds. */
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

/** Applications the volunteer centre was told about because nobody answered them. */
export async function escalatedApplications(db: Database, tenantId: string) {
  return db
    .selectFrom("applications as ap")
    .innerJoin("opportunities as o", (j) => j.onRef("o.id", "=", "ap.opportunity_id").onRef("o.tenant_id", "=", "ap.tenant_id"))
    .innerJoin("associations as a", (j) => j.onRef("a.id", "=", "o.association_id").onRef("a.tenant_id", "=", "o.tenant_id"))
    .select(["ap.id", "ap.name", "ap.confirmed_at", "ap.escalated_at", "o.id as opportunity_id", "o.title", "a.name as association_name"])
    .where("ap.tenant_id", "=", tenantId)
    .where("ap.status", "=", "new")
    .where("ap.first_answer_at", "is", null)
    .where("ap.escalated_at", "is not", null)
    .orderBy("ap.confirmed_at")
    .execute();
}

/** What the figures are made of: jobs published and applications confirmed since a day, with their category. */
export async function figureData(db: Database, tenantId: string, since: string) {
  const [jobs, applications] = await Promise.all([
    db
      .selectFrom("opportunities as o")
      .leftJoin("taxonomy_terms as c", (j) => j.onRef("c.id", "=", "o.category_id").onRef("c.tenant_id", "=", "o.tenant_id"))
      .select(["o.published_at", "c.code as category"])
      .where("o.tenant_id", "=", tenantId)
      .where("o.published_at", ">=", since)
      .execute(),
    db
      .selectFrom("applications as ap")
      .innerJoin("opportunities as o", (j) => j.onRef("o.id", "=", "ap.opportunity_id").onRef("o.tenant_id", "=", "ap.tenant_id"))
      .leftJoin("taxonomy_terms as c", (j) => j.onRef("c.id", "=", "o.category_id").onRef("c.tenant_id", "=", "o.tenant_id"))
      .select(["ap.confirmed_at", "ap.first_answer_at", "ap.status", "c.code as category"])
      .where("ap.tenant_id", "=", tenantId)
      .where("ap.confirmed_at", ">=", since)
      .execute(),
  ]);
  return {
    jobs: jobs.map((j) => ({ published_at: j.published_at ?? "", category: j.category ?? "" })),
    applications: applications.map((a) => ({
      confirmed_at: a.confirmed_at ?? "",
      first_answer_at: a.first_answer_at,
      status: a.status,
      category: a.category ?? "",
    })),
  };
}
