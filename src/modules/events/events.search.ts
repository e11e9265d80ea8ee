import type { Formats } from "../../platform/i18n/format.js";
import { formats } from "../../platform/i18n/format.js";
import { type Lang, type T, translator } from "../../platform/i18n/i18n.js";
import { type DocumentInput, hideDocument, putDocument } from "../../platform/search/documents.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { terms } from "../taxonomy/index.js";
import { localDateOf, whenOf } from "./calendar-dates.js";
import { kindLabels } from "./events.labels.js";
import type { CommunityEvent } from "./events.model.js";

/** When an event is, in one line a search result shows as a fact. */
export function whenLine(e: CommunityEvent, t: T, fmt: Formats, zone: string): string {
  const w = whenOf(e, zone);
  if (w.shape === "day") return t("calendar.dayAt", { date: fmt.dateWithWeekday(w.date), time: fmt.timeRange(w.from, w.to) });
  if (w.shape === "span") return fmt.dateRange(w.from, w.to);
  return `${t("calendar.sessions", { count: w.count })}, ${fmt.dateRange(w.first, w.last)}`;
}

/** A published event as one search finds it, until its last day has passed. */
export function eventDocument(
  e: CommunityEvent,
  zone: string,
  lang: Lang,
  labels: { organiser: string; category: { code: string; label: string } | undefined; targetGroups: Map<string, string> },
): DocumentInput {
  const t = translator(lang);
  const fmt = formats(lang, zone);
  const place = e.place === "online" ? t("calendar.online") : [e.placeName, e.postcode].filter(Boolean).join(", ");
  return {
    kind: "event",
    id: e.id,
    title: e.title,
    subtitle: e.associationName ?? labels.organiser,
    text: [e.description, whenLine(e, t, fmt, zone), place].join("\n"),
    keywords: [t(kindLabels[e.kind]), labels.category?.label ?? "", ...e.targetGroups.map((g) => labels.targetGroups.get(g) ?? "")].join(" "),
    url: `/events/${e.id}`,
    facets: {
      category: labels.category ? [labels.category.code] : [],
      target_group: e.targetGroups,
      language: e.languages,
      accessibility: e.accessibility,
      price: [e.price],
    },
    postcode: e.place === "online" ? null : e.postcode,
    remote: e.place === "online",
    publishedAt: e.createdAt,
    until: localDateOf(e.endsAt, zone),
  };
}

/**
 * Keeps the event's entry in search in step with it: findable while published, gone once it is
 * pending, rejected or cancelled, and never for a network's meeting. Call it inside the transaction that changes the event.
 */
export async function indexEvent(tx: ServiceContext, event: CommunityEvent): Promise<void> {
  // A network's meeting is for its members only: never in search.
  if (event.status !== "published" || event.networkId) return hideDocument(tx.db, tx.clock, tx.tenant.id, "event", event.id);
  const lang = tx.tenant.defaultLanguage;
  const [categories, targetGroups] = await Promise.all([terms(tx.db, tx.tenant, "category", lang), terms(tx.db, tx.tenant, "target_group", lang)]);
  const category = categories.find((c) => c.id === event.categoryId);
  const doc = eventDocument(event, tx.tenant.timeZone, lang, {
    organiser: tx.tenant.name,
    category,
    targetGroups: new Map(targetGroups.map((g) => [g.code, g.label])),
  });
  await putDocument(tx.db, tx.clock, tx.tenant.id, tx.tenant.country, doc);
}
