import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import { NAMED_KINDS, type Newsletter, type NewsletterCounts, type NewsletterStatus, parseSegment, type Segment } from "./newsletters.model.js";
import type { NewslettersTable } from "./newsletters.table.js";

/** The one mapper of a newsletter; a segment that no longer reads is the subscribers', never someone else's group, category or network. */
function toNewsletter(row: Selectable<NewslettersTable>): Newsletter {
  const named = (NAMED_KINDS as readonly string[]).includes(row.segment_kind) && row.segment_id ? parseSegment(`${row.segment_kind}:${row.segment_id}`) : null;
  const segment: Segment = named ?? { kind: "subscribers" };
  return {
    id: row.id,
    tenantId: row.tenant_id,
    subject: row.subject,
    body: row.body,
    segment,
    status: row.status as NewsletterStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
  };
}

const segmentColumns = (s: Segment) => ({ segment_kind: s.kind, segment_id: s.kind === "subscribers" ? null : s.id });

export async function insertNewsletter(db: Database, n: Newsletter, createdBy: string | null): Promise<void> {
  await db
    .insertInto("newsletters")
    .values({
      id: n.id,
      tenant_id: n.tenantId,
      subject: n.subject,
      body: n.body,
      ...segmentColumns(n.segment),
      status: n.status,
      created_by: createdBy,
      created_at: n.createdAt,
      updated_at: n.updatedAt,
      sent_at: n.sentAt,
    })
    .execute();
}

export async function updateDraft(
  db: Database,
  tenantId: string,
  id: string,
  d: { subject: string; body: string; segment: Segment; now: string },
): Promise<void> {
  await db
    .updateTable("newsletters")
    .set({ subject: d.subject, body: d.body, ...segmentColumns(d.segment), updated_at: d.now })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .where("status", "=", "draft")
    .execute();
}

/** Moves a newsletter on from one status; false when it was not in that status (sent twice at once). */
export async function moveStatus(db: Database, tenantId: string, id: string, from: NewsletterStatus, to: NewsletterStatus, at: string): Promise<boolean> {
  const result = await db
    .updateTable("newsletters")
    .set({ status: to, updated_at: at, ...(to === "sent" ? { sent_at: at } : {}) })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .where("status", "=", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function newsletterById(db: Database, tenantId: string, id: string): Promise<Newsletter | null> {
  const row = await db.selectFrom("newsletters").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row ? toNewsletter(row) : null;
}

export async function allNewsletters(db: Database, tenantId: string): Promise<Newsletter[]> {
  const rows = await db.selectFrom("newsletters").selectAll().where("tenant_id", "=", tenantId).orderBy("created_at", "desc").orderBy("id", "desc").execute();
  return rows.map(toNewsletter);
}

/** Sent newsletters to the subscribers: the public archive, newest first. */
export async function archive(db: Database, tenantId: string): Promise<Newsletter[]> {
  const rows = await db
    .selectFrom("newsletters")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "sent")
    .where("segment_kind", "=", "subscribers")
    .orderBy("sent_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toNewsletter);
}

/** Each newsletter's counts in three queries, however many there are. */
export async function countsOf(db: Database, tenantId: string, ids: string[]): Promise<Map<string, NewsletterCounts>> {
  const counts = new Map<string, NewsletterCounts>(ids.map((id) => [id, { recipients: 0, sent: 0, failed: 0, unsubscribed: 0 }]));
  if (!ids.length) return counts;
  const [recipients, mails, unsubscribed] = await Promise.all([
    db
      .selectFrom("newsletter_recipients")
      .select(["newsletter_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("tenant_id", "=", tenantId)
      .where("newsletter_id", "in", ids)
      .groupBy("newsletter_id")
      .execute(),
    db
      .selectFrom("newsletter_recipients as r")
      .innerJoin("mail_outbox as o", (j) => j.onRef("o.id", "=", "r.outbox_id").onRef("o.tenant_id", "=", "r.tenant_id"))
      .select(["r.newsletter_id", "o.status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("r.tenant_id", "=", tenantId)
      .where("r.newsletter_id", "in", ids)
      .groupBy(["r.newsletter_id", "o.status"])
      .execute(),
    db
      .selectFrom("newsletter_unsubscribes")
      .select(["newsletter_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("tenant_id", "=", tenantId)
      .where("newsletter_id", "in", ids)
      .groupBy("newsletter_id")
      .execute(),
  ]);
  for (const r of recipients) {
    const c = counts.get(r.newsletter_id);
    if (c) c.recipients = Number(r.n);
  }
  for (const m of mails) {
    const c = counts.get(m.newsletter_id);
    // A mail kept for the dev mailbox (no SMTP server) counts as sent: it went as far as it could.
    if (c && (m.status === "sent" || m.status === "kept")) c.sent += Number(m.n);
    if (c && m.status === "failed") c.failed += Number(m.n);
  }
  for (const u of unsubscribed) {
    const c = u.newsletter_id ? counts.get(u.newsletter_id) : undefined;
    if (c) c.unsubscribed = Number(u.n);
  }
  return counts;
}

export async function insertRecipients(
  db: Database,
  rows: { id: string; tenantId: string; newsletterId: string; email: string; tokenHash: string; createdAt: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto("newsletter_recipients")
      .values(
        rows.slice(i, i + 500).map((r) => ({
          id: r.id,
          tenant_id: r.tenantId,
          newsletter_id: r.newsletterId,
          email: r.email,
          token_hash: r.tokenHash,
          outbox_id: null,
          created_at: r.createdAt,
        })),
      )
      .execute();
  }
}

/** The next recipients whose mail is not yet queued, oldest first. */
export async function unqueuedRecipients(db: Database, tenantId: string, newsletterId: string, limit: number): Promise<{ id: string; email: string }[]> {
  return db
    .selectFrom("newsletter_recipients")
    .select(["id", "email"])
    .where("tenant_id", "=", tenantId)
    .where("newsletter_id", "=", newsletterId)
    .where("outbox_id", "is", null)
    .orderBy("id")
    .limit(limit)
    .execute();
}

export async function setOutbox(db: Database, tenantId: string, recipientId: string, outboxId: string): Promise<void> {
  await db.updateTable("newsletter_recipients").set({ outbox_id: outboxId }).where("tenant_id", "=", tenantId).where("id", "=", recipientId).execute();
}

export async function recipientByTokenHash(db: Database, tenantId: string, hash: string): Promise<{ id: string; email: string; newsletterId: string } | null> {
  const row = await db
    .selectFrom("newsletter_recipients")
    .select(["id", "email", "newsletter_id"])
    .where("tenant_id", "=", tenantId)
    .where("token_hash", "=", hash)
    .executeTakeFirst();
  return row ? { id: row.id, email: row.email, newsletterId: row.newsletter_id } : null;
}

/** Of these addresses, those that asked for no more newsletters. */
export async function unsubscribedAmong(db: Database, tenantId: string, emails: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < emails.length; i += 500) {
    const rows = await db
      .selectFrom("newsletter_unsubscribes")
      .select("email")
      .where("tenant_id", "=", tenantId)
      .where("email", "in", emails.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.email);
  }
  return found;
}

export async function isUnsubscribed(db: Database, tenantId: string, email: string): Promise<boolean> {
  return (await unsubscribedAmong(db, tenantId, [email])).has(email);
}

export async function insertUnsubscribe(
  db: Database,
  u: { id: string; tenantId: string; email: string; newsletterId: string | null; createdAt: string },
): Promise<void> {
  await db
    .insertInto("newsletter_unsubscribes")
    .values({ id: u.id, tenant_id: u.tenantId, email: u.email, newsletter_id: u.newsletterId, created_at: u.createdAt })
    .execute();
}

export async function deleteUnsubscribe(db: Database, tenantId: string, email: string): Promise<void> {
  await db.deleteFrom("newsletter_unsubscribes").where("tenant_id", "=", tenantId).where("email", "=", email).execute();
}

export async function confirmedSubscribers(db: Database, tenantId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("newsletter_subscribers")
    .select("email")
    .where("tenant_id", "=", tenantId)
    .where("confirmed_at", "is not", null)
    .orderBy("email")
    .execute();
  return rows.map((r) => r.email);
}

/** Asks again: a new link for the address (a second request replaces the first's link). */
export async function upsertSubscriber(db: Database, s: { id: string; tenantId: string; email: string; tokenHash: string; createdAt: string }): Promise<void> {
  const existing = await db
    .selectFrom("newsletter_subscribers")
    .select("id")
    .where("tenant_id", "=", s.tenantId)
    .where("email", "=", s.email)
    .executeTakeFirst();
  if (existing) {
    await db.updateTable("newsletter_subscribers").set({ token_hash: s.tokenHash }).where("tenant_id", "=", s.tenantId).where("id", "=", existing.id).execute();
    return;
  }
  await db
    .insertInto("newsletter_subscribers")
    .values({ id: s.id, tenant_id: s.tenantId, email: s.email, token_hash: s.tokenHash, confirmed_at: null, created_at: s.createdAt })
    .execute();
}

export async function subscriberByTokenHash(
  db: Database,
  tenantId: string,
  hash: string,
): Promise<{ id: string; email: string; confirmedAt: string | null } | null> {
  const row = await db
    .selectFrom("newsletter_subscribers")
    .select(["id", "email", "confirmed_at"])
    .where("tenant_id", "=", tenantId)
    .where("token_hash", "=", hash)
    .executeTakeFirst();
  return row ? { id: row.id, email: row.email, confirmedAt: row.confirmed_at } : null;
}

export async function confirmSubscriber(db: Database, tenantId: string, id: string, at: string): Promise<void> {
  await db
    .updateTable("newsletter_subscribers")
    .set({ confirmed_at: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .where("confirmed_at", "is", null)
    .execute();
}

// What the newsletters hold about a person, by the address they were shown to own, and by their account.

export async function ofEmail(db: Database, tenantId: string, email: string) {
  const [subscriptions, unsubscribes, received] = await Promise.all([
    db
      .selectFrom("newsletter_subscribers")
      .select(["email", "confirmed_at", "created_at"])
      .where("tenant_id", "=", tenantId)
      .where("email", "=", email)
      .execute(),
    db.selectFrom("newsletter_unsubscribes").select(["email", "created_at"]).where("tenant_id", "=", tenantId).where("email", "=", email).execute(),
    db
      .selectFrom("newsletter_recipients as r")
      .innerJoin("newsletters as n", (j) => j.onRef("n.id", "=", "r.newsletter_id").onRef("n.tenant_id", "=", "r.tenant_id"))
      .select(["n.subject", "r.created_at"])
      .where("r.tenant_id", "=", tenantId)
      .where("r.email", "=", email)
      .execute(),
  ]);
  return { subscriptions, unsubscribes, received };
}

export async function writtenBy(db: Database, tenantId: string, userId: string) {
  return db.selectFrom("newsletters").select(["subject", "created_at"]).where("tenant_id", "=", tenantId).where("created_by", "=", userId).execute();
}

/** Forgets an address: its subscription, its unsubscribe and its place on newsletters' recipient lists. */
export async function eraseEmail(db: Database, tenantId: string, email: string): Promise<void> {
  await db.deleteFrom("newsletter_subscribers").where("tenant_id", "=", tenantId).where("email", "=", email).execute();
  await db.deleteFrom("newsletter_recipients").where("tenant_id", "=", tenantId).where("email", "=", email).execute();
  await db.deleteFrom("newsletter_unsubscribes").where("tenant_id", "=", tenantId).where("email", "=", email).execute();
}

export async function forgetAuthor(db: Database, tenantId: string, userId: string): Promise<void> {
  await db.updateTable("newsletters").set({ created_by: null }).where("tenant_id", "=", tenantId).where("created_by", "=", userId).execute();
}
