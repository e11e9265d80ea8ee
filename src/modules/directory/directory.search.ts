import type { Lang } from "../../platform/i18n/i18n.js";
import { type DocumentInput, translatedTexts } from "../../platform/search/documents.js";
import type { Offer } from "./directory.model.js";

/** A published offer as one search finds it. */
export function offerDocument(o: Offer, lang: Lang, targetGroupLabels: Map<string, string>): DocumentInput {
  return {
    kind: "offer",
    id: o.id,
    title: o.title,
    subtitle: o.associationName,
    text: [o.description, o.placeName ?? "", o.timeText].join("\n"),
    keywords: [o.category?.labels[lang] ?? o.category?.labels.da ?? "", ...o.targetGroups.map((g) => targetGroupLabels.get(g) ?? "")].join(" "),
    url: `/directory/offers/${o.id}`,
    facets: {
      category: o.category ? [o.category.code] : [],
      target_group: o.targetGroups,
      accessibility: o.accessibility,
      language: o.languages,
      price: [o.price],
    },
    postcode: o.postcode,
    remote: o.online,
    publishedAt: o.createdAt,
    until: null,
    slots: o.slots,
    setting: "group",
    // A translated description keeps the place and the time after it, so a reader of that language sees them too.
    translations: translatedTexts(o.translations, (t) => ({
      title: t.title,
      text: t.description || t.timeText ? [t.description ?? o.description, o.placeName ?? "", t.timeText ?? o.timeText].join("\n") : undefined,
    })),
  };
}
