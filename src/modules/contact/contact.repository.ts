import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { Lang } from "../../platform/i18n/i18n.js";
import { type ContactSettings, DEFAULT_SETTINGS, type Enquiry, type EnquiryStatus, type Topic, type TopicName } from "./contact.model.js";
import type { ContactEnquiriesTable, ContactTopicsTable } from "./contact.table.js";

const INBOX_ROLES = ["staff", "caseworker", "tenant_admin"] as const;

// ---- settings

export async function findSettings(db: Database, tenantId: string): Promise<ContactSettings> {
  const row = await db.selectFrom("contact_settings").selectAll().where("tenant_id", "=", tenantId).executeTakeFirst();
  if (!row) return DEFAULT_SETTINGS;
  return { answerDays: row.answer_days, workingDays: row.working_days === 1, escalateDays: row.escalate_days, keepMonths: row.keep_months };
}

export async function putSettings(db: Database, tenantId: string, s: ContactSettings, at: string): Promise<void> {
  const values = { answer_days: s.answerDays, working_days: s.workingDays ? 1 : 0, escalate_days: s.escalateDays, keep_months: s.keepMonths, updated_at: at };
  await db
    .insertInto("contact_settings")
    .values({ tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column("tenant_id").doUpdateSet(values))
    .execute();
}

// ---- topics

export function toTopic(row: Selectable<ContactTopicsTable>): Topic {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: JSON.parse(row.name) as TopicName,
    unitName: row.unit_name,
    staffUserId: row.staff_user_id,
    inboxEmail: row.inbox_email,
    position: row.position,
    active: row.active === 1,
  };
}

export async function listTopics(db: Database, tenantId: string, options: { activeOnly: boolean }): Promise<Topic[]> {
  let q = db.selectFrom("contact_topics").selectAll().where("tenant_id", "=", tenantId);
  if (options.activeOnly) q = q.where("active", "=", 1);
  return (await q.orderBy("position").orderBy("id").execute()).map(toTopic);
}

export async function findTopic(db: Database, tenantId: string, id: string): Promise<Topic | undefined> {
  const row = await db.selectFrom("contact_topics").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row ? toTopic(row) : undefined;
}

export interface TopicValues {
  name: TopicName;
  unitName: string;
  staffUserId: string | null;
  inboxEmail: string | null;
  position: number;
  active: boolean;
}

const topicColumns = (v: TopicValues) => ({
  name: JSON.stringify(v.name),
  unit_name: v.unitName,
  staff_user_id: v.staffUserId,
  inbox_email: v.inboxEmail,
  position: v.position,
  active: v.active ? 1 : 0,
});

export async function insertTopic(db: Database, tenantId: string, id: string, v: TopicValues, at: string): Promise<void> {
  await db
    .insertInto("contact_topics")
    .values({ id, tenant_id: tenantId, ...topicColumns(v), created_at: at, updated_at: at })
    .execute();
}

export async function updateTopic(db: Database, tenantId: string, id: string, v: TopicValues, at: string): Promise<void> {
  await db
    .updateTable("contact_topics")
    .set({ ...topicColumns(v), updated_at: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

// ---- the tenant's people who can answer

export interface StaffPerson {
  id: string;
  name: string;
  email: string;
  language: string | null;
}

/** The tenant's staff, caseworkers and administrators: the people a topic can be given to. */
export async function staffPeople(db: Database, tenantId: string): Promise<StaffPerson[]> {
  const rows = await db
    .selectFrom("users")
    .select(["users.id", "users.name", "users.email", "users.language"])
    .where("users.tenant_id", "=", tenantId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("user_roles")
          .select("user_roles.user_id")
          .whereRef("user_roles.user_id", "=", "users.id")
          .where("user_roles.tenant_id", "=", tenantId)
          .where("user_roles.role", "in", INBOX_ROLES),
      ),
    )
    .orderBy("users.name")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, language: r.language }));
}

/** One of the tenant's people by account; undefined when the id is not a person of this tenant. */
export async function findPerson(db: Database, tenantId: string, id: string): Promise<StaffPerson | undefined> {
  const row = await db
    .selectFrom("users")
    .select(["id", "name", "email", "language"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, email: row.email, language: row.language } : undefined;
}

export async function tenantAdminEmails(db: Database, tenantId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("user_roles")
    .innerJoin("users", (j) => j.onRef("users.id", "=", "user_roles.user_id").onRef("users.tenant_id", "=", "user_roles.tenant_id"))
    .select("users.email")
    .where("user_roles.tenant_id", "=", tenantId)
    .where("user_roles.role", "=", "tenant_admin")
    .orderBy("users.email")
    .execute();
  return rows.map((r) => r.email);
}

// ---- enquiries

export function toEnquiry(row: Selectable<ContactEnquiriesTable>): Enquiry {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    topicId: row.topic_id,
    senderName: row.sender_name,
    senderEmail: row.sender_email,
    senderPhone: row.sender_phone,
    language: row.language as Lang,
    message: row.message,
    status: row.status as EnquiryStatus,
    answer: row.answer,
    answeredBy: row.answered_by,
    answeredAt: row.answered_at,
    internalNote: row.internal_note,
    dueAt: row.due_at,
    remindedAt: row.reminded_at,
    escalatedAt: row.escalated_at,
    closedAt: row.closed_at,
    createdAt: row.created_at,
  };
}

export async function insertEnquiry(db: Database, e: Enquiry, followHash: string): Promise<void> {
  await db
    .insertInto("contact_enquiries")
    .values({
      id: e.id,
      tenant_id: e.tenantId,
      topic_id: e.topicId,
      sender_name: e.senderName,
      sender_email: e.senderEmail,
      sender_phone: e.senderPhone,
      language: e.language,
      message: e.message,
      status: e.status,
      follow_hash: followHash,
      answer: null,
      answered_by: null,
      answered_at: null,
      internal_note: "",
      due_at: e.dueAt,
      reminded_at: null,
      escalated_at: null,
      closed_at: null,
      created_at: e.createdAt,
      updated_at: e.createdAt,
    })
    .execute();
}

export async function findEnquiry(db: Database, tenantId: string, id: string): Promise<Enquiry | undefined> {
  const row = await db.selectFrom("contact_enquiries").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row ? toEnquiry(row) : undefined;
}

export async function findEnquiryByHash(db: Database, tenantId: string, hash: string): Promise<Enquiry | undefined> {
  const row = await db.selectFrom("contact_enquiries").selectAll().where("tenant_id", "=", tenantId).where("follow_hash", "=", hash).executeTakeFirst();
  return row ? toEnquiry(row) : undefined;
}

/** Whose enquiries a list shows: all of them, or those of one person's topics and of the shared inboxes. */
export type InboxScope = { all: true } | { all: false; userId: string };

export interface InboxRow {
  enquiry: Enquiry;
  topic: Topic;
}

export async function inbox(db: Database, tenantId: string, scope: InboxScope, status: EnquiryStatus | null): Promise<InboxRow[]> {
  let q = db
    .selectFrom("contact_enquiries as e")
    .innerJoin("contact_topics as t", (j) => j.onRef("t.id", "=", "e.topic_id").onRef("t.tenant_id", "=", "e.tenant_id"))
    .selectAll("e")
    .select([
      "t.id as t_id",
      "t.tenant_id as t_tenant_id",
      "t.name as t_name",
      "t.unit_name as t_unit_name",
      "t.staff_user_id as t_staff_user_id",
      "t.inbox_email as t_inbox_email",
      "t.position as t_position",
      "t.active as t_active",
      "t.created_at as t_created_at",
      "t.updated_at as t_updated_at",
    ])
    .where("e.tenant_id", "=", tenantId);
  if (!scope.all) {
    const userId = scope.userId;
    q = q.where((eb) => eb.or([eb("t.staff_user_id", "=", userId), eb("t.staff_user_id", "is", null)]));
  }
  if (status) q = q.where("e.status", "=", status);
  const rows = await q.orderBy("e.due_at").orderBy("e.id").limit(500).execute();
  return rows.map((r) => ({
    enquiry: toEnquiry(r),
    topic: toTopic({
      id: r.t_id,
      tenant_id: r.t_tenant_id,
      name: r.t_name,
      unit_name: r.t_unit_name,
      staff_user_id: r.t_staff_user_id,
      inbox_email: r.t_inbox_email,
      position: r.t_position,
      active: r.t_active,
      created_at: r.t_created_at,
      updated_at: r.t_updated_at,
    }),
  }));
}

/** How many new (unanswered) enquiries a person's inbox holds, and how many of them are past their deadline. */
export async function openCounts(db: Database, tenantId: string, scope: InboxScope, now: string): Promise<{ open: number; overdue: number }> {
  let q = db
    .selectFrom("contact_enquiries as e")
    .innerJoin("contact_topics as t", (j) => j.onRef("t.id", "=", "e.topic_id").onRef("t.tenant_id", "=", "e.tenant_id"))
    .select(["e.due_at"])
    .where("e.tenant_id", "=", tenantId)
    .where("e.status", "=", "new");
  if (!scope.all) {
    const userId = scope.userId;
    q = q.where((eb) => eb.or([eb("t.staff_user_id", "=", userId), eb("t.staff_user_id", "is", null)]));
  }
  const rows = await q.execute();
  return { open: rows.length, overdue: rows.filter((r) => r.due_at < now).length };
}

export async function setAnswer(db: Database, tenantId: string, id: string, answer: string, by: string, at: string): Promise<void> {
  await db
    .updateTable("contact_enquiries")
    .set({ answer, answered_by: by, answered_at: at, status: "answered", updated_at: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

export async function setNote(db: Database, tenantId: string, id: string, note: string, at: string): Promise<void> {
  await db.updateTable("contact_enquiries").set({ internal_note: note, updated_at: at }).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}

/** Moves an enquiry to another topic; the new person gets their own reminders. */
export async function setTopic(db: Database, tenantId: string, id: string, topicId: string, at: string): Promise<void> {
  await db
    .updateTable("contact_enquiries")
    .set({ topic_id: topicId, reminded_at: null, escalated_at: null, updated_at: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

export async function setClosed(db: Database, tenantId: string, id: string, at: string): Promise<void> {
  await db
    .updateTable("contact_enquiries")
    .set({ status: "closed", closed_at: at, updated_at: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

// ---- reminders and retention

export type ReminderStep = "remind" | "escalate";
const STEP_COLUMN = { remind: "reminded_at", escalate: "escalated_at" } as const;

export interface UnansweredEnquiry {
  id: string;
  dueAt: string;
  staffUserId: string | null;
  inboxEmail: string | null;
}

/** New enquiries whose deadline passed before the moment, not yet reminded at this step. */
export async function unansweredEnquiries(db: Database, tenantId: string, step: ReminderStep, dueBefore: string): Promise<UnansweredEnquiry[]> {
  const rows = await db
    .selectFrom("contact_enquiries as e")
    .innerJoin("contact_topics as t", (j) => j.onRef("t.id", "=", "e.topic_id").onRef("t.tenant_id", "=", "e.tenant_id"))
    .select(["e.id", "e.due_at", "t.staff_user_id", "t.inbox_email"])
    .where("e.tenant_id", "=", tenantId)
    .where("e.status", "=", "new")
    .where(`e.${STEP_COLUMN[step]}`, "is", null)
    .where("e.due_at", "<=", dueBefore)
    .execute();
  return rows.map((r) => ({ id: r.id, dueAt: r.due_at, staffUserId: r.staff_user_id, inboxEmail: r.inbox_email }));
}

/** Notes the step as done; false when another run did it first, so each reminder goes once. */
export async function claimReminder(db: Database, tenantId: string, id: string, step: ReminderStep, at: string): Promise<boolean> {
  const column = STEP_COLUMN[step];
  const claimed = await db
    .updateTable("contact_enquiries")
    .set({ [column]: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .where(column, "is", null)
    .executeTakeFirst();
  return claimed.numUpdatedRows > 0n;
}

export async function deleteClosedBefore(db: Database, tenantId: string, cutoff: string): Promise<number> {
  const r = await db
    .deleteFrom("contact_enquiries")
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "closed")
    .where("closed_at", "<=", cutoff)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

// ---- a person's data

// The shape of a person's data download is the export's own (snake_case as in the records), not a domain record.
export async function enquiriesOfSender(db: Database, tenantId: string, email: string) {
  return db
    .selectFrom("contact_enquiries")
    .select(["sender_name", "sender_email", "sender_phone", "message", "status", "answer", "answered_at", "due_at", "closed_at", "created_at"])
    .where("tenant_id", "=", tenantId)
    .where("sender_email", "=", email)
    .orderBy("created_at")
    .execute();
}

export async function staffShareOf(db: Database, tenantId: string, userId: string) {
  const [topics, answered] = await Promise.all([
    db.selectFrom("contact_topics").select(["name", "unit_name"]).where("tenant_id", "=", tenantId).where("staff_user_id", "=", userId).execute(),
    db.selectFrom("contact_enquiries").select(["id", "answered_at"]).where("tenant_id", "=", tenantId).where("answered_by", "=", userId).execute(),
  ]);
  return { topics_you_answer: topics, enquiries_you_answered: answered };
}

export async function forgetSender(db: Database, tenantId: string, email: string): Promise<void> {
  await db.deleteFrom("contact_enquiries").where("tenant_id", "=", tenantId).where("sender_email", "=", email).execute();
}

export async function forgetStaff(db: Database, tenantId: string, userId: string): Promise<void> {
  await db.updateTable("contact_enquiries").set({ answered_by: null }).where("tenant_id", "=", tenantId).where("answered_by", "=", userId).execute();
  await db.updateTable("contact_topics").set({ staff_user_id: null }).where("tenant_id", "=", tenantId).where("staff_user_id", "=", userId).execute();
}
