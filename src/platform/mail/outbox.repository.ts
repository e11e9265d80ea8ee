import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { MailOutboxTable } from "./mail.table.js";
import type { MailAttachment } from "./template.js";

/** A mail in the outbox: written with the change that caused it, sent by a job. */
export interface OutboxMail {
  id: string;
  tenantId: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  status: MailOutboxTable["status"];
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  attachments: MailAttachment[];
  headers: Record<string, string> | null;
}

/** Attachments are stored as a JSON list, or null when there are none. */
export function toOutboxMail(row: Selectable<MailOutboxTable>): OutboxMail {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    to: row.to_address,
    subject: row.subject,
    html: row.html,
    text: row.text,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    attachments: row.attachments ? (JSON.parse(row.attachments) as MailAttachment[]) : [],
    headers: row.headers ? (JSON.parse(row.headers) as Record<string, string>) : null,
  };
}

export async function insertMail(
  db: Database,
  mail: {
    id: string;
    tenantId: string;
    to: string;
    subject: string;
    html: string;
    text: string;
    attachments: MailAttachment[];
    headers?: Record<string, string> | null;
    createdAt: string;
  },
): Promise<void> {
  await db
    .insertInto("mail_outbox")
    .values({
      id: mail.id,
      tenant_id: mail.tenantId,
      to_address: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      status: "pending",
      attempts: 0,
      last_error: null,
      created_at: mail.createdAt,
      sent_at: null,
      attachments: mail.attachments.length ? JSON.stringify(mail.attachments) : null,
      headers: mail.headers ? JSON.stringify(mail.headers) : null,
    })
    .execute();
}

/**
 * The queue's job names a mail by its id alone (ids are unique across tenants). Takes the mail for
 * sending in one statement, so two workers never both hand it to SMTP: waiting or failed, or left
 * "sending" since before `staleBefore`.
 */
export async function claimMail(db: Database, id: string, now: string, staleBefore: string): Promise<OutboxMail | null> {
  const row = await db
    .updateTable("mail_outbox")
    .set((eb) => ({ status: "sending", claimed_at: now, attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .where((eb) => eb.or([eb("status", "in", ["pending", "failed"]), eb.and([eb("status", "=", "sending"), eb("claimed_at", "<", staleBefore)])]))
    .returningAll()
    .executeTakeFirst();
  return row ? toOutboxMail(row) : null;
}

export async function mailStatus(db: Database, id: string): Promise<OutboxMail["status"] | null> {
  const row = await db.selectFrom("mail_outbox").select("status").where("id", "=", id).executeTakeFirst();
  return row?.status ?? null;
}

/** With no SMTP server, a waiting mail is kept for the dev mailbox. */
export async function markKept(db: Database, id: string): Promise<void> {
  await db.updateTable("mail_outbox").set({ status: "kept" }).where("id", "=", id).where("status", "=", "pending").execute();
}

export async function markFailed(db: Database, id: string, error: string): Promise<void> {
  await db.updateTable("mail_outbox").set({ status: "failed", last_error: error }).where("id", "=", id).execute();
}

export async function markSent(db: Database, id: string, at: string): Promise<void> {
  await db.updateTable("mail_outbox").set({ status: "sent", sent_at: at, last_error: null }).where("id", "=", id).execute();
}

/** The tenant's latest mails, newest first. */
export async function latestMails(db: Database, tenantId: string, limit: number): Promise<OutboxMail[]> {
  const rows = await db
    .selectFrom("mail_outbox")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map(toOutboxMail);
}

export async function findMail(db: Database, tenantId: string, id: string): Promise<OutboxMail | null> {
  const row = await db.selectFrom("mail_outbox").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row ? toOutboxMail(row) : null;
}

/** Deletes these mails of the tenant, sent or not: what was written about a case goes with the case. */
export async function deleteMails(db: Database, tenantId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom("mail_outbox")
    .where("tenant_id", "=", tenantId)
    .where("id", "in", [...ids])
    .execute();
}
