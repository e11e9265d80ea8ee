import { audit } from "../../platform/audit/audit.js";
import { can, isPerson } from "../../platform/auth/policy.js";
import { withinLimit } from "../../platform/auth/rate-limit.js";
import { isoNow } from "../../platform/clock.js";
import { mintSecret } from "../../platform/crypto/secret-hash.js";
import { invalidField, notFound, tooManyRequests, unauthenticated } from "../../platform/http/errors.js";
import { hashSecret, newId } from "../../platform/ids.js";
import { type MailTemplate, sendTemplateMail } from "../../platform/mail/template-mail.js";
import type { WaitingItem } from "../../platform/modules.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import type { Enquiry, EnquiryStatus, FollowView, Topic } from "./contact.model.js";
import { canHandleEnquiry, canManageContact, canUseInbox } from "./contact.policy.js";
import * as repo from "./contact.repository.js";
import type { EnquiryInput } from "./contact.schema.js";
import { answerDeadline, localDay } from "./deadline.js";
import { nameOf } from "./topics.js";

const MAILS = {
  receipt: { subject: "contact.mail.receipt.subject", paragraphs: ["contact.mail.receipt.body"], action: "contact.mail.receipt.action" },
  received: { subject: "contact.mail.received.subject", paragraphs: ["contact.mail.received.body"], action: "contact.mail.open" },
  answer: {
    subject: "contact.mail.answer.subject",
    paragraphs: ["contact.mail.answer.body", "contact.mail.answer.after"],
    action: "contact.mail.answer.action",
  },
} satisfies Record<string, MailTemplate>;

/** Where a topic's enquiries are mailed: its staff person's own address, else the unit's inbox, else the tenant's. */
export async function responsibleAddress(ctx: ServiceContext, topic: Topic): Promise<string> {
  if (topic.staffUserId) {
    const person = await repo.findPerson(ctx.db, ctx.tenant.id, topic.staffUserId);
    if (person) return person.email;
  }
  return topic.inboxEmail ?? ctx.tenant.contactEmail;
}

async function tellResponsible(ctx: ServiceContext, topic: Topic, enquiry: Pick<Enquiry, "id" | "senderName" | "dueAt">) {
  await sendTemplateMail(ctx, {
    to: await responsibleAddress(ctx, topic),
    template: MAILS.received,
    values: { topic: nameOf({ ...ctx, lang: ctx.tenant.defaultLanguage }, topic), name: enquiry.senderName },
    dates: { date: localDay(enquiry.dueAt, ctx.tenant.timeZone) },
    link: `/contact/enquiries/${enquiry.id}`,
  });
}

/**
 * A citizen's enquiry: stored under an active topic of this tenant, with its deadline and a private
 * link for the sender (only its hash is kept); the sender gets a receipt with that link, the topic's
 * person or inbox a mail that leads to the staff page. The form is rate-limited like every public form.
 */
export async function sendEnquiry(ctx: ServiceContext, input: EnquiryInput): Promise<void> {
  const topic = await repo.findTopic(ctx.db, ctx.tenant.id, input.topicId);
  if (!topic?.active) throw invalidField("topicId", "contact.topic.unknown");
  if (!(await withinLimit(ctx, "contact", [ctx.ip, input.email]))) throw tooManyRequests("contact.form.rateLimited", { email: "contact.form.rateLimited" });
  const settings = await repo.findSettings(ctx.db, ctx.tenant.id);
  const now = isoNow(ctx.clock);
  const { secret, hash } = mintSecret();
  const enquiry: Enquiry = {
    id: newId(),
    tenantId: ctx.tenant.id,
    topicId: topic.id,
    senderName: input.name,
    senderEmail: input.email,
    senderPhone: input.phone,
    language: ctx.lang,
    message: input.message,
    status: "new",
    answer: null,
    answeredBy: null,
    answeredAt: null,
    internalNote: "",
    dueAt: answerDeadline(now, settings, ctx.tenant.timeZone),
    remindedAt: null,
    escalatedAt: null,
    closedAt: null,
    createdAt: now,
  };
  await inTransaction(ctx, async (tx) => {
    await repo.insertEnquiry(tx.db, enquiry, hash);
    await audit(tx, "contact.enquiry_received", { type: "contact_enquiry", id: enquiry.id });
    await sendTemplateMail(tx, {
      to: enquiry.senderEmail,
      usedLanguage: ctx.lang,
      template: MAILS.receipt,
      values: { topic: nameOf(tx, topic), unit: topic.unitName },
      dates: { date: localDay(enquiry.dueAt, tx.tenant.timeZone) },
      link: `/contact/enquiries/follow/${secret}`,
    });
    await tellResponsible(tx, topic, enquiry);
  });
}

/** What the sender sees by their link. A wrong or old link is a 404, whatever it guesses. */
export async function followEnquiry(ctx: ServiceContext, token: string): Promise<FollowView> {
  if (token.length < 20 || token.length > 100) throw notFound();
  const e = await repo.findEnquiryByHash(ctx.db, ctx.tenant.id, hashSecret(token));
  if (!e) throw notFound();
  const topic = await repo.findTopic(ctx.db, ctx.tenant.id, e.topicId);
  if (!topic) throw notFound();
  return {
    topicName: nameOf(ctx, topic),
    unitName: topic.unitName,
    status: e.status,
    message: e.message,
    answer: e.answer,
    answeredAt: e.answeredAt,
    dueAt: e.dueAt,
    createdAt: e.createdAt,
  };
}

const scopeOf = (ctx: ServiceContext): repo.InboxScope => {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  return can(ctx.actor, canManageContact, { tenantId: ctx.tenant.id }) ? { all: true } : { all: false, userId: ctx.actor.userId };
};

function mayUseInbox(ctx: ServiceContext) {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  if (!can(ctx.actor, canUseInbox, { tenantId: ctx.tenant.id })) throw notFound();
}

export interface InboxItem {
  id: string;
  senderName: string;
  topicName: string;
  unitName: string;
  status: EnquiryStatus;
  dueAt: string;
  createdAt: string;
  overdue: boolean;
}

export type StatusFilter = "open" | "new" | "answered" | "closed" | "all";

/** A person's inbox: the enquiries of the topics they answer and of the shared inboxes; all of them for the administrator. */
export async function inboxOf(ctx: ServiceContext, filter: StatusFilter): Promise<InboxItem[]> {
  mayUseInbox(ctx);
  const now = isoNow(ctx.clock);
  const status = filter === "all" || filter === "open" ? null : filter;
  const rows = await repo.inbox(ctx.db, ctx.tenant.id, scopeOf(ctx), status);
  return rows
    .filter((r) => filter !== "open" || r.enquiry.status !== "closed")
    .map(({ enquiry: e, topic }) => ({
      id: e.id,
      senderName: e.senderName,
      topicName: nameOf(ctx, topic),
      unitName: topic.unitName,
      status: e.status,
      dueAt: e.dueAt,
      createdAt: e.createdAt,
      overdue: e.status === "new" && e.dueAt < now,
    }));
}

export interface EnquiryPage {
  enquiry: Enquiry;
  topic: Topic;
  topicName: string;
  answeredByName: string | null;
  overdue: boolean;
  /** Where it may be moved: every active topic of the tenant but its own. */
  moveTo: { id: string; name: string }[];
}

/** An enquiry for the staff who handle it; to anyone else (another tenant, staff of another topic, a guess) a 404. */
export async function enquiryToHandle(ctx: ServiceContext, id: string): Promise<EnquiryPage> {
  mayUseInbox(ctx);
  const enquiry = await repo.findEnquiry(ctx.db, ctx.tenant.id, id);
  const topic = enquiry && (await repo.findTopic(ctx.db, ctx.tenant.id, enquiry.topicId));
  if (!enquiry || !topic || !can(ctx.actor, canHandleEnquiry, { tenantId: ctx.tenant.id, responsibleUserId: topic.staffUserId })) throw notFound();
  const [answeredBy, topics] = await Promise.all([
    enquiry.answeredBy ? repo.findPerson(ctx.db, ctx.tenant.id, enquiry.answeredBy) : undefined,
    repo.listTopics(ctx.db, ctx.tenant.id, { activeOnly: true }),
  ]);
  return {
    enquiry,
    topic,
    topicName: nameOf(ctx, topic),
    answeredByName: answeredBy?.name ?? null,
    overdue: enquiry.status === "new" && enquiry.dueAt < isoNow(ctx.clock),
    moveTo: topics.filter((t) => t.id !== topic.id).map((t) => ({ id: t.id, name: nameOf(ctx, t) })),
  };
}

/** The answer: kept on the enquiry, shown by the sender's link and mailed to them in the language they wrote in. */
export async function answerEnquiry(ctx: ServiceContext, id: string, answer: string): Promise<void> {
  const page = await enquiryToHandle(ctx, id);
  if (page.enquiry.status === "closed") throw invalidField("answer", "contact.answer.closed");
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const by = ctx.actor.userId;
  await inTransaction(ctx, async (tx) => {
    await repo.setAnswer(tx.db, tx.tenant.id, id, answer, by, isoNow(tx.clock));
    await audit(tx, "contact.enquiry_answered", { type: "contact_enquiry", id });
    await sendTemplateMail(tx, {
      to: page.enquiry.senderEmail,
      usedLanguage: page.enquiry.language,
      template: MAILS.answer,
      values: { topic: nameOf({ ...tx, lang: page.enquiry.language }, page.topic), unit: page.topic.unitName },
      list: answer.split(/\r?\n/),
      link: "/contact",
    });
  });
}

/** The staff's own note: never shown or mailed to the sender. */
export async function noteEnquiry(ctx: ServiceContext, id: string, note: string): Promise<void> {
  await enquiryToHandle(ctx, id);
  await inTransaction(ctx, async (tx) => {
    await repo.setNote(tx.db, tx.tenant.id, id, note, isoNow(tx.clock));
    await audit(tx, "contact.enquiry_noted", { type: "contact_enquiry", id });
  });
}

/** Gives the enquiry to another topic of the tenant; its person or inbox is told. */
export async function moveEnquiry(ctx: ServiceContext, id: string, topicId: string): Promise<void> {
  const page = await enquiryToHandle(ctx, id);
  const target = await repo.findTopic(ctx.db, ctx.tenant.id, topicId);
  if (!target?.active || target.id === page.topic.id) throw invalidField("topicId", "contact.topic.unknown");
  await inTransaction(ctx, async (tx) => {
    await repo.setTopic(tx.db, tx.tenant.id, id, target.id, isoNow(tx.clock));
    await audit(tx, "contact.enquiry_moved", { type: "contact_enquiry", id }, { from: page.topic.id, to: target.id });
    if (page.enquiry.status === "new") await tellResponsible(tx, target, page.enquiry);
  });
}

export async function closeEnquiry(ctx: ServiceContext, id: string): Promise<void> {
  const page = await enquiryToHandle(ctx, id);
  if (page.enquiry.status === "closed") return;
  await inTransaction(ctx, async (tx) => {
    await repo.setClosed(tx.db, tx.tenant.id, id, isoNow(tx.clock));
    await audit(tx, "contact.enquiry_closed", { type: "contact_enquiry", id });
  });
}

/** On a staff person's start page: the unanswered enquiries in their inbox, with how many are late. */
export async function waitingInContact(ctx: ServiceContext): Promise<WaitingItem[]> {
  if (!isPerson(ctx.actor) || !can(ctx.actor, canUseInbox, { tenantId: ctx.tenant.id })) return [];
  const { open, overdue } = await repo.openCounts(ctx.db, ctx.tenant.id, scopeOf(ctx), isoNow(ctx.clock));
  if (open === 0) return [];
  const items: WaitingItem[] = [{ group: "centre", label: "start.contact.open", count: open, href: "/contact/enquiries?status=new", toDo: true }];
  if (overdue > 0) items.push({ group: "centre", label: "start.contact.overdue", count: overdue, href: "/contact/enquiries?status=new", toDo: true });
  return items;
}
