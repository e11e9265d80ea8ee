import { createHmac } from "node:crypto";
import { audit } from "../../platform/audit/audit.js";
import { authorize, can, isPerson } from "../../platform/auth/policy.js";
import { withinLimit } from "../../platform/auth/rate-limit.js";
import { isoNow } from "../../platform/clock.js";
import { hashSecret, mintSecret } from "../../platform/crypto/secret-hash.js";
import { conflict, invalid, invalidField, invalidLink, notFound, tooManyRequests } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { enqueue } from "../../platform/jobs/queue.js";
import { sendMail } from "../../platform/mail/send.js";
import { sendTemplateMail } from "../../platform/mail/template-mail.js";
import { markdownText, renderMarkdown } from "../../platform/markdown/markdown.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { associationAddresses } from "../associations/index.js";
import { currentEventCategories, networkChoices, networkMemberAddresses } from "../events/index.js";
import { findMemberGroup, memberGroupAddresses, memberGroups } from "../members/index.js";
import { currentJobCategories } from "../opportunities/index.js";
import { terms } from "../taxonomy/index.js";
import {
  isPublic,
  type Newsletter,
  type NewsletterCounts,
  type NewsletterListItem,
  parseSegment,
  type Segment,
  type SegmentChoice,
  segmentValue,
} from "./newsletters.model.js";
import { canSendNewsletters } from "./newsletters.policy.js";
import * as repo from "./newsletters.repository.js";
import type { DraftInput } from "./newsletters.schema.js";

export const SEND_BATCH_JOB = "newsletters.send_batch";
/** Mails queued per run of the sending job; the job queues itself again until every recipient has one. */
export const BATCH_SIZE = 200;

const staffOnly = (ctx: ServiceContext) => authorize(ctx.actor, canSendNewsletters, { tenantId: ctx.tenant.id });

/** Each category term's associations today: those with a published job not yet expired or a published event not yet over in it. */
async function associationsByCategory(ctx: Pick<ServiceContext, "db" | "tenant" | "clock">): Promise<Map<string, Set<string>>> {
  const [jobs, events] = await Promise.all([currentJobCategories(ctx), currentEventCategories(ctx)]);
  const byCategory = new Map<string, Set<string>>();
  for (const { categoryId, associationId } of [...jobs, ...events]) {
    const set = byCategory.get(categoryId) ?? new Set<string>();
    set.add(associationId);
    byCategory.set(categoryId, set);
  }
  return byCategory;
}

/** Every address the segment names today (unsubscribed included); null when the tenant has no such group, category or network. */
async function segmentAddresses(ctx: Pick<ServiceContext, "db" | "tenant" | "clock">, segment: Segment): Promise<string[] | null> {
  switch (segment.kind) {
    case "group":
      return (await findMemberGroup(ctx, segment.id)) ? memberGroupAddresses(ctx, segment.id) : null;
    case "category": {
      const categories = await terms(ctx.db, ctx.tenant, "category", "da");
      if (!categories.some((c) => c.id === segment.id)) return null;
      const ids = (await associationsByCategory(ctx)).get(segment.id);
      return ids ? associationAddresses(ctx, [...ids]) : [];
    }
    case "network":
      return networkMemberAddresses(ctx, segment.id);
    case "subscribers":
      return repo.confirmedSubscribers(ctx.db, ctx.tenant.id);
  }
}

/** A segment named by a form, checked inside the tenant: an unknown or foreign group, category or network is the field's error. */
async function checkSegment(ctx: ServiceContext, value: string): Promise<Segment> {
  const segment = parseSegment(value);
  if (!segment || (await segmentAddresses(ctx, segment)) === null) throw invalidField("segment", "newsletters.segment.unknown");
  return segment;
}

/** Every address the segment reaches today, lower-cased, each once, without those who unsubscribed; null for a segment the tenant does not have. */
export async function recipientsOf(ctx: Pick<ServiceContext, "db" | "tenant" | "clock">, segment: Segment): Promise<string[] | null> {
  const all = await segmentAddresses(ctx, segment);
  if (all === null) return null;
  const unique = [...new Set(all.map((a) => a.toLowerCase()))];
  const gone = await repo.unsubscribedAmong(ctx.db, ctx.tenant.id, unique);
  return unique.filter((a) => !gone.has(a));
}

/** The choices of the form, in groups: member groups, categories, networks, then the subscribers; each with its count. */
async function segmentChoices(ctx: ServiceContext): Promise<SegmentChoice[]> {
  const [groups, categories, byCategory, networks] = await Promise.all([
    memberGroups(ctx),
    terms(ctx.db, ctx.tenant, "category", ctx.lang),
    associationsByCategory(ctx),
    networkChoices(ctx),
  ]);
  return [
    ...groups.map((g) => ({ value: `group:${g.id}`, kind: "group" as const, name: g.name, count: g.count })),
    ...categories.map((c) => ({ value: `category:${c.id}`, kind: "category" as const, name: c.label, count: byCategory.get(c.id)?.size ?? 0 })),
    ...networks.map((n) => ({ value: `network:${n.id}`, kind: "network" as const, name: n.name, count: n.count })),
    { value: "subscribers", kind: "subscribers", name: null, count: null },
  ];
}

export async function newslettersPage(ctx: ServiceContext): Promise<NewsletterListItem[]> {
  staffOnly(ctx);
  const all = await repo.allNewsletters(ctx.db, ctx.tenant.id);
  const [counts, choices] = await Promise.all([
    repo.countsOf(
      ctx.db,
      ctx.tenant.id,
      all.map((n) => n.id),
    ),
    segmentChoices(ctx),
  ]);
  return all.map((n) => ({
    newsletter: n,
    counts: counts.get(n.id) ?? { recipients: 0, sent: 0, failed: 0, unsubscribed: 0 },
    segmentName: choices.find((c) => c.value === segmentValue(n.segment))?.name ?? null,
  }));
}

export async function newDraftPage(ctx: ServiceContext): Promise<{ choices: SegmentChoice[] }> {
  staffOnly(ctx);
  return { choices: await segmentChoices(ctx) };
}

export interface NewsletterPage {
  newsletter: Newsletter;
  counts: NewsletterCounts;
  choices: SegmentChoice[];
  /** For a draft: how many addresses it would reach now. */
  reach: number;
}

export async function newsletterPage(ctx: ServiceContext, id: string): Promise<NewsletterPage> {
  staffOnly(ctx);
  const newsletter = await repo.newsletterById(ctx.db, ctx.tenant.id, id);
  if (!newsletter) throw notFound();
  const [counts, choices] = await Promise.all([repo.countsOf(ctx.db, ctx.tenant.id, [id]), segmentChoices(ctx)]);
  const reach = newsletter.status === "draft" ? ((await recipientsOf(ctx, newsletter.segment))?.length ?? 0) : 0;
  return { newsletter, counts: counts.get(id) ?? { recipients: 0, sent: 0, failed: 0, unsubscribed: 0 }, choices, reach };
}

export async function createDraft(ctx: ServiceContext, input: DraftInput): Promise<string> {
  staffOnly(ctx);
  const actor = ctx.actor;
  const segment = await checkSegment(ctx, input.segment);
  const now = isoNow(ctx.clock);
  const n: Newsletter = {
    id: newId(),
    tenantId: ctx.tenant.id,
    subject: input.subject,
    body: input.body,
    segment,
    status: "draft",
    createdAt: now,
    updatedAt: now,
    sentAt: null,
  };
  await inTransaction(ctx, async (tx) => {
    await repo.insertNewsletter(tx.db, n, isPerson(actor) ? actor.userId : null);
    await audit(tx, "newsletters.created", { type: "newsletter", id: n.id });
  });
  return n.id;
}

export async function saveDraft(ctx: ServiceContext, id: string, input: DraftInput): Promise<void> {
  staffOnly(ctx);
  await inTransaction(ctx, async (tx) => {
    const n = await repo.newsletterById(tx.db, tx.tenant.id, id);
    if (!n) throw notFound();
    if (n.status !== "draft") throw conflict("conflict", "newsletters.alreadySent");
    const segment = await checkSegment(tx, input.segment);
    await repo.updateDraft(tx.db, tx.tenant.id, id, { subject: input.subject, body: input.body, segment, now: isoNow(tx.clock) });
    await audit(tx, "newsletters.saved", { type: "newsletter", id });
  });
}

/** The secret of a recipient's unsubscribe link: made again from the recipient when the mail is written, stored only as a hash. */
function unsubscribeToken(ctx: Pick<ServiceContext, "config" | "tenant">, recipientId: string): string {
  return createHmac("sha256", ctx.config.secret).update(`newsletter-unsubscribe:${ctx.tenant.id}:${recipientId}`).digest("base64url");
}

/**
 * Sends a draft: its recipients are fixed now (those who unsubscribed left out) and their mails are queued by the
 * sending job in batches. A newsletter nobody would receive, or without a text, is refused and nothing is written.
 */
export async function sendNewsletter(ctx: ServiceContext, id: string): Promise<number> {
  staffOnly(ctx);
  return inTransaction(ctx, async (tx) => {
    const n = await repo.newsletterById(tx.db, tx.tenant.id, id);
    if (!n) throw notFound();
    if (n.status !== "draft") throw conflict("conflict", "newsletters.alreadySent");
    if (!n.body.trim()) throw invalid({ body: "newsletters.body.required" });
    const addresses = await recipientsOf(tx, n.segment);
    if (addresses === null) throw invalid({ segment: "newsletters.segment.unknown" });
    if (!addresses.length) throw invalid({ segment: "newsletters.segment.nobody" });
    const now = isoNow(tx.clock);
    if (!(await repo.moveStatus(tx.db, tx.tenant.id, id, "draft", "sending", now))) throw conflict("conflict", "newsletters.alreadySent");
    await repo.insertRecipients(
      tx.db,
      addresses.map((email) => {
        const recipientId = newId();
        return { id: recipientId, tenantId: tx.tenant.id, newsletterId: id, email, tokenHash: hashSecret(unsubscribeToken(tx, recipientId)), createdAt: now };
      }),
    );
    await enqueue(tx.db, tx.clock, { name: SEND_BATCH_JOB, payload: { newsletterId: id }, tenantId: tx.tenant.id, uniqueKey: `${SEND_BATCH_JOB}:${id}` });
    await audit(tx, "newsletters.sent", { type: "newsletter", id }, { recipients: addresses.length });
    return addresses.length;
  });
}

/**
 * One run of the sending job: queues the next batch of mails through the outbox, each with its own one-click
 * unsubscribe link (RFC 8058) in the footer and in the List-Unsubscribe headers. Queues itself again while
 * recipients wait; marks the newsletter sent when none do.
 */
export async function sendBatch(ctx: ServiceContext, newsletterId: string): Promise<void> {
  const n = await repo.newsletterById(ctx.db, ctx.tenant.id, newsletterId);
  if (n?.status !== "sending") return;
  const html = renderMarkdown(n.body);
  const text = markdownText(n.body);
  await inTransaction(ctx, async (tx) => {
    const batch = await repo.unqueuedRecipients(tx.db, tx.tenant.id, newsletterId, BATCH_SIZE);
    for (const r of batch) {
      const url = `${tx.baseUrl}/newsletters/unsubscribe/${unsubscribeToken(tx, r.id)}`;
      const outboxId = await sendMail(tx.db, tx.clock, {
        tenant: tx.tenant,
        to: r.email,
        compose: (t) => ({
          subject: n.subject,
          paragraphs: [],
          body: { html, text },
          footerLink: { label: t("newsletters.mail.unsubscribe"), url },
          headers: { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
        }),
      });
      await repo.setOutbox(tx.db, tx.tenant.id, r.id, outboxId);
    }
    if (batch.length === BATCH_SIZE) await enqueue(tx.db, tx.clock, { name: SEND_BATCH_JOB, payload: { newsletterId }, tenantId: tx.tenant.id });
    else await repo.moveStatus(tx.db, tx.tenant.id, newsletterId, "sending", "sent", isoNow(tx.clock));
  });
}

/** What an unsubscribe link stands for, in this tenant: a link of another tenant or none at all is not valid here. */
async function recipientOf(ctx: ServiceContext, token: string) {
  const r = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await repo.recipientByTokenHash(ctx.db, ctx.tenant.id, hashSecret(token)) : null;
  if (!r) throw invalidLink();
  return r;
}

export async function unsubscribePage(ctx: ServiceContext, token: string): Promise<{ email: string; unsubscribed: boolean }> {
  const r = await recipientOf(ctx, token);
  return { email: r.email, unsubscribed: await repo.isUnsubscribed(ctx.db, ctx.tenant.id, r.email) };
}

/** The link's holder asks for no more newsletters (from the page's button, or the mail program's one-click POST). Doing it twice changes nothing. */
export async function unsubscribe(ctx: ServiceContext, token: string): Promise<{ email: string }> {
  const r = await recipientOf(ctx, token);
  await inTransaction(ctx, async (tx) => {
    if (await repo.isUnsubscribed(tx.db, tx.tenant.id, r.email)) return;
    const id = newId();
    await repo.insertUnsubscribe(tx.db, { id, tenantId: tx.tenant.id, email: r.email, newsletterId: r.newsletterId, createdAt: isoNow(tx.clock) });
    await audit(tx, "newsletters.unsubscribed", { type: "newsletter", id: r.newsletterId }, undefined, { actorId: null });
  });
  return { email: r.email };
}

/**
 * A citizen asks for the newsletter: a mail with a link confirms the address (double opt-in); only confirmed
 * addresses receive it. The answer is the same whether the address was known, so it tells nobody who subscribes.
 */
export async function subscribe(ctx: ServiceContext, email: string): Promise<void> {
  if (!(await withinLimit(ctx, "newsletter-subscribe", [ctx.ip, email]))) throw tooManyRequests("error.rateLimited", { email: "error.rateLimited" });
  const address = email.toLowerCase();
  const { secret, hash } = mintSecret();
  await inTransaction(ctx, async (tx) => {
    await repo.upsertSubscriber(tx.db, { id: newId(), tenantId: tx.tenant.id, email: address, tokenHash: hash, createdAt: isoNow(tx.clock) });
    await sendTemplateMail(tx, {
      to: address,
      usedLanguage: tx.lang,
      template: { subject: "newsletters.mail.confirm.subject", paragraphs: ["newsletters.mail.confirm.body"], action: "newsletters.mail.confirm.action" },
      values: { tenant: tx.tenant.name },
      link: `/newsletters/subscribe/confirm?token=${secret}`,
    });
  });
}

async function subscriberOf(ctx: ServiceContext, token: string) {
  const s = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await repo.subscriberByTokenHash(ctx.db, ctx.tenant.id, hashSecret(token)) : null;
  if (!s) throw invalidLink();
  return s;
}

export async function confirmPage(ctx: ServiceContext, token: string): Promise<{ email: string; confirmed: boolean }> {
  const s = await subscriberOf(ctx, token);
  return { email: s.email, confirmed: s.confirmedAt !== null };
}

/** The address is confirmed from the mail's link; an earlier unsubscribe of it is undone, since the person asked again. */
export async function confirmSubscription(ctx: ServiceContext, token: string): Promise<void> {
  const s = await subscriberOf(ctx, token);
  await inTransaction(ctx, async (tx) => {
    await repo.confirmSubscriber(tx.db, tx.tenant.id, s.id, isoNow(tx.clock));
    await repo.deleteUnsubscribe(tx.db, tx.tenant.id, s.email);
    await audit(tx, "newsletters.subscribed", { type: "newsletter_subscriber", id: s.id }, undefined, { actorId: null });
  });
}

/** The public archive: newsletters sent to the subscribers. */
export async function archiveList(ctx: ServiceContext): Promise<Newsletter[]> {
  return repo.archive(ctx.db, ctx.tenant.id);
}

/** One newsletter of the archive; a draft or one sent to a member group is not public (staff see it on its own page). */
export async function archived(ctx: ServiceContext, id: string): Promise<Newsletter> {
  const n = await repo.newsletterById(ctx.db, ctx.tenant.id, id);
  if (!n || !isPublic(n)) throw notFound();
  return n;
}

export const mayWriteNewsletters = (ctx: ServiceContext) => can(ctx.actor, canSendNewsletters, { tenantId: ctx.tenant.id });
export { segmentValue };
