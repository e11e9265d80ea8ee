import { audit } from "../../platform/audit/audit.js";
import { authorize } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { invalidField, notFound } from "../../platform/http/errors.js";
import type { Lang } from "../../platform/i18n/i18n.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { type ContactSettings, type Topic, type TopicName, topicName } from "./contact.model.js";
import { canManageContact } from "./contact.policy.js";
import * as repo from "./contact.repository.js";
import type { SettingsInput, TopicInput } from "./contact.schema.js";

export function mayManage(ctx: ServiceContext) {
  authorize(ctx.actor, canManageContact, { tenantId: ctx.tenant.id });
}

/** The names a topic is shown by, in the reader's language. */
export const nameOf = (ctx: Pick<ServiceContext, "lang" | "tenant">, t: Pick<Topic, "name">) =>
  topicName(t.name, ctx.lang, [ctx.tenant.defaultLanguage, ...ctx.tenant.languages]);

export interface TopicRow {
  topic: Topic;
  name: string;
  /** The staff person's name, for the administrator; null for a unit inbox. */
  personName: string | null;
}

/** The administrator's list of topics, with who answers each. */
export async function topicsToManage(ctx: ServiceContext): Promise<{ topics: TopicRow[]; people: repo.StaffPerson[] }> {
  mayManage(ctx);
  const [topics, people] = await Promise.all([repo.listTopics(ctx.db, ctx.tenant.id, { activeOnly: false }), repo.staffPeople(ctx.db, ctx.tenant.id)]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    topics: topics.map((topic) => ({ topic, name: nameOf(ctx, topic), personName: topic.staffUserId ? (names.get(topic.staffUserId) ?? null) : null })),
    people,
  };
}

export async function topicToManage(ctx: ServiceContext, id: string): Promise<{ topic: Topic; people: repo.StaffPerson[] }> {
  mayManage(ctx);
  const topic = await repo.findTopic(ctx.db, ctx.tenant.id, id);
  if (!topic) throw notFound();
  return { topic, people: await repo.staffPeople(ctx.db, ctx.tenant.id) };
}

/** The form's values for a topic: its name by language, the unit, and who answers. */
export function topicValues(topic: Topic | null, languages: Lang[]): Record<string, string> {
  const values: Record<string, string> = {
    unitName: topic?.unitName ?? "",
    staffUserId: topic?.staffUserId ?? "",
    inboxEmail: topic?.inboxEmail ?? "",
    position: String(topic?.position ?? 0),
    active: topic === null || topic.active ? "on" : "",
  };
  for (const l of languages) values[`name_${l}`] = topic?.name[l] ?? "";
  return values;
}

/**
 * Checks a topic as written: a name in the tenant's main language, and exactly one way to reach who
 * answers — a staff person of this tenant (resolved here, never taken on trust), or a unit's inbox.
 */
async function checkedTopic(ctx: ServiceContext, input: TopicInput): Promise<repo.TopicValues> {
  const name: TopicName = {};
  for (const l of ctx.tenant.languages) {
    const text = (input as Record<string, unknown>)[`name_${l}`];
    if (typeof text === "string" && text) name[l] = text;
  }
  if (!name[ctx.tenant.defaultLanguage]) throw invalidField(`name_${ctx.tenant.defaultLanguage}`, "contact.topic.nameRequired");
  if (!input.staffUserId && !input.inboxEmail) throw invalidField("staffUserId", "contact.topic.whoRequired");
  if (input.staffUserId && input.inboxEmail) throw invalidField("inboxEmail", "contact.topic.notBoth");
  if (input.staffUserId) {
    const people = await repo.staffPeople(ctx.db, ctx.tenant.id);
    if (!people.some((p) => p.id === input.staffUserId)) throw invalidField("staffUserId", "contact.topic.personUnknown");
  }
  return {
    name,
    unitName: input.unitName,
    staffUserId: input.staffUserId || null,
    inboxEmail: input.inboxEmail || null,
    position: input.position,
    active: input.active,
  };
}

export async function createTopic(ctx: ServiceContext, input: TopicInput): Promise<string> {
  mayManage(ctx);
  const values = await checkedTopic(ctx, input);
  const id = newId();
  await inTransaction(ctx, async (tx) => {
    await repo.insertTopic(tx.db, tx.tenant.id, id, values, isoNow(tx.clock));
    await audit(tx, "contact.topic_created", { type: "contact_topic", id });
  });
  return id;
}

export async function changeTopic(ctx: ServiceContext, id: string, input: TopicInput): Promise<void> {
  mayManage(ctx);
  if (!(await repo.findTopic(ctx.db, ctx.tenant.id, id))) throw notFound();
  const values = await checkedTopic(ctx, input);
  await inTransaction(ctx, async (tx) => {
    await repo.updateTopic(tx.db, tx.tenant.id, id, values, isoNow(tx.clock));
    await audit(tx, "contact.topic_changed", { type: "contact_topic", id });
  });
}

export interface PublicTopic {
  id: string;
  name: string;
  unitName: string;
  /** The unit's shared inbox; a staff person's own address is never shown. */
  inboxEmail: string | null;
}

/** The active topics as the public sees them: who to contact about what. */
export async function publicTopics(ctx: ServiceContext): Promise<PublicTopic[]> {
  const topics = await repo.listTopics(ctx.db, ctx.tenant.id, { activeOnly: true });
  return topics.map((t) => ({ id: t.id, name: nameOf(ctx, t), unitName: t.unitName, inboxEmail: t.staffUserId ? null : t.inboxEmail }));
}

export async function contactSettings(ctx: ServiceContext): Promise<ContactSettings> {
  mayManage(ctx);
  return repo.findSettings(ctx.db, ctx.tenant.id);
}

export const settingsValues = (s: ContactSettings): Record<string, string> => ({
  answerDays: String(s.answerDays),
  dayKind: s.workingDays ? "working" : "calendar",
  escalateDays: String(s.escalateDays),
  keepMonths: String(s.keepMonths),
});

export async function saveSettings(ctx: ServiceContext, input: SettingsInput): Promise<void> {
  mayManage(ctx);
  await inTransaction(ctx, async (tx) => {
    await repo.putSettings(
      tx.db,
      tx.tenant.id,
      { answerDays: input.answerDays, workingDays: input.dayKind === "working", escalateDays: input.escalateDays, keepMonths: input.keepMonths },
      isoNow(tx.clock),
    );
    await audit(tx, "contact.settings_changed", { type: "contact_settings", id: tx.tenant.id });
  });
}
