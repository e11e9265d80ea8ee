import { type Selectable, sql } from "kysely";
import type { Database } from "../../db/database.js";
import { type Keyring, open, seal } from "../../platform/crypto/sealed.js";
import type { Application, ApplicationStatus, ApplicationStep, ThreadMessage } from "./applications.model.js";
import type { ApplicationMessagesTable, ApplicationsTable } from "./applications.table.js";

/** Fields sealed at rest: what an applicant writes may tell of their health or circumstances. */
const MESSAGE_FIELD = "applications.message";
const BODY_FIELD = "application_messages.body";

/** The one reading of an application's row, its message opened. */
export const toApplication =
  (ring: Keyring) =>
  (row: Selectable<ApplicationsTable>): Application => ({
    id: row.id,
    tenantId: row.tenant_id,
    opportunityId: row.opportunity_id,
    userId: row.user_id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    message: open(ring, MESSAGE_FIELD, row.message),
    status: row.status,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    firstAnswerAt: row.first_answer_at,
    updatedAt: row.updated_at,
  });

const toMessage =
  (ring: Keyring) =>
  (row: Pick<Selectable<ApplicationMessagesTable>, "id" | "sender" | "body" | "created_at">): ThreadMessage => ({
    id: row.id,
    sender: row.sender,
    body: open(ring, BODY_FIELD, row.body),
    createdAt: row.created_at,
  });

/** Inserts an application unless the address already applied for the job; says whether it did. */
export async function insertApplication(db: Database, ring: Keyring, a: Application): Promise<boolean> {
  const result = await db
    .insertInto("applications")
    .values({
      id: a.id,
      tenant_id: a.tenantId,
      opportunity_id: a.opportunityId,
      user_id: a.userId,
      name: a.name,
      email: a.email,
      phone: a.phone,
      message: seal(ring, MESSAGE_FIELD, a.message),
      status: a.status,
      created_at: a.createdAt,
      confirmed_at: a.confirmedAt,
      first_answer_at: a.firstAnswerAt,
      updated_at: a.updatedAt,
    })
    .onConflict((oc) => oc.columns(["tenant_id", "opportunity_id", "email"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/** The application this address, or this person's account, already made for a job. */
export async function applicationFor(
  db: Database,
  ring: Keyring,
  tenantId: string,
  opportunityId: string,
  who: { email: string; userId: string | null },
): Promise<Application | undefined> {
  const row = await db
    .selectFrom("applications")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("opportunity_id", "=", opportunityId)
    .where((eb) => eb.or([eb("email", "=", who.email), ...(who.userId ? [eb("user_id", "=", who.userId)] : [])]))
    .orderBy("created_at")
    .executeTakeFirst();
  return row && toApplication(ring)(row);
}

export async function insertMessage(db: Database, ring: Keyring, m: ThreadMessage & { tenantId: string; applicationId: string; authorId: string | null }) {
  await db
    .insertInto("application_messages")
    .values({
      id: m.id,
      tenant_id: m.tenantId,
      application_id: m.applicationId,
      sender: m.sender,
      author_id: m.authorId,
      body: seal(ring, BODY_FIELD, m.body),
      created_at: m.createdAt,
    })
    .execute();
}

export async function findApplication(db: Database, ring: Keyring, tenantId: string, id: string): Promise<Application | undefined> {
  const row = await db.selectFrom("applications").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row && toApplication(ring)(row);
}

/** A job's confirmed applications, oldest first. */
export async function applicationsFor(db: Database, ring: Keyring, tenantId: string, opportunityId: string): Promise<Application[]> {
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

/** A person's own applications, newest first, without their text. */
export async function applicationsOf(db: Database, tenantId: string, userId: string) {
  const rows = await db
    .selectFrom("applications")
    .select(["id", "status", "created_at", "opportunity_id"])
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, status: r.status as ApplicationStatus, createdAt: r.created_at, opportunityId: r.opportunity_id }));
}

/** Confirms an unconfirmed application; one already confirmed stays as it is. */
export async function confirm(db: Database, tenantId: string, id: string, now: string) {
  await db
    .updateTable("applications")
    .set({ status: "new", confirmed_at: now, updated_at: now })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .where("status", "=", "unconfirmed")
    .execute();
}

/** Moves a confirmed application of a job to a step; any move out of "new" is the first answer, if none came before. Says whether one moved. */
export async function move(db: Database, tenantId: string, opportunityId: string, id: string, status: ApplicationStep, now: string) {
  const result = await db
    .updateTable("applications")
    .set((eb) => ({ status, updated_at: now, first_answer_at: status === "new" ? eb.ref("first_answer_at") : eb.fn.coalesce("first_answer_at", eb.val(now)) }))
    .where("tenant_id", "=", tenantId)
    .where("opportunity_id", "=", opportunityId)
    .where("id", "=", id)
    .where("status", "!=", "unconfirmed")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Notes a change to the conversation; the association's first word counts as its first answer. */
export async function touch(db: Database, tenantId: string, id: string, now: string, answered: boolean) {
  await db
    .updateTable("applications")
    .set((eb) => (answered ? { first_answer_at: eb.fn.coalesce("first_answer_at", eb.val(now)), updated_at: now } : { updated_at: now }))
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

export async function messagesOf(db: Database, ring: Keyring, tenantId: string, applicationId: string): Promise<ThreadMessage[]> {
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

/** Applications the volunteer centre was told about because nobody answered them, longest waiting first. */
export async function escalated(db: Database, tenantId: string) {
  const rows = await db
    .selectFrom("applications")
    .select(["id", "name", "confirmed_at", "opportunity_id"])
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "new")
    .where("first_answer_at", "is", null)
    .where("escalated_at", "is not", null)
    .orderBy("confirmed_at")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, confirmedAt: r.confirmed_at, opportunityId: r.opportunity_id }));
}

/** Applications confirmed since a day, with their job's category code, for the figures (a read across to the job and its category). */
export async function confirmedSince(db: Database, tenantId: string, since: string) {
  const rows = await db
    .selectFrom("applications as ap")
    .innerJoin("opportunities as o", (j) => j.onRef("o.id", "=", "ap.opportunity_id").onRef("o.tenant_id", "=", "ap.tenant_id"))
    .leftJoin("taxonomy_terms as c", (j) => j.onRef("c.id", "=", "o.category_id").onRef("c.tenant_id", "=", "o.tenant_id"))
    .select(["ap.confirmed_at", "ap.first_answer_at", "ap.status", "c.code as category"])
    .where("ap.tenant_id", "=", tenantId)
    .where("ap.confirmed_at", ">=", since)
    .execute();
  return rows.map((r) => ({ confirmedAt: r.confirmed_at ?? "", firstAnswerAt: r.first_answer_at, status: r.status, category: r.category ?? "" }));
}

/** When each of an association's applications since a day was sent and first answered, of those answered (for how quickly it usually answers). */
export async function answerTimes(db: Database, tenantId: string, associationId: string, since: string) {
  const rows = await db
    .selectFrom("applications as ap")
    .innerJoin("opportunities as o", (j) => j.onRef("o.id", "=", "ap.opportunity_id").onRef("o.tenant_id", "=", "ap.tenant_id"))
    .select(["ap.confirmed_at", "ap.first_answer_at"])
    .where("ap.tenant_id", "=", tenantId)
    .where("o.association_id", "=", associationId)
    .where("ap.confirmed_at", ">=", since)
    .where("ap.first_answer_at", "is not", null)
    .execute();
  return rows.map((r) => ({ confirmedAt: r.confirmed_at ?? "", firstAnswerAt: r.first_answer_at ?? "" }));
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
  const rows = await applicationsOfSubject(db, tenantId, who).selectAll("ap").orderBy("ap.created_at").execute();
  const ids = rows.map((r) => r.id);
  const messages = ids.length
    ? await db
        .selectFrom("application_messages")
        .select(["id", "application_id", "sender", "body", "created_at"])
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

/** For the association's start page: its jobs that have applicants nobody has answered yet, with how many. */
export async function newApplicantsByJob(db: Database, tenantId: string, associationIds: string[]) {
  if (associationIds.length === 0) return [];
  const rows = await db
    .selectFrom("applications as a")
    .innerJoin("opportunities as o", (j) => j.onRef("o.id", "=", "a.opportunity_id").onRef("o.tenant_id", "=", "a.tenant_id"))
    .select(["o.id", "o.title", "o.association_id", (eb) => eb.fn.countAll<string | number>().as("n")])
    .where("a.tenant_id", "=", tenantId)
    .where("a.status", "=", "new")
    .where("o.association_id", "in", associationIds)
    .groupBy(["o.id", "o.title", "o.association_id"])
    .orderBy("o.title")
    .execute();
  return rows.map((r) => ({ opportunityId: r.id, title: r.title, associationId: r.association_id, count: Number(r.n) }));
}
