import { listOf } from "../../db/lists.js";
import type { Lang } from "../../platform/i18n/i18n.js";
import type { DocumentInput } from "../../platform/search/documents.js";
import type { OfferRow } from "./directory.repository.js";

/** A published offer as one search finds it. */
export function offerDocument(o: OfferRow, lang: Lang, targetGroupLabels: Map<string, string>): DocumentInput {
  const labels = JSON.parse(o.category_labels ?? "{}") as Partial<Record<Lang, string>>;
  return {
    kind: "offer",
    id: o.id,
    title: o.title,
    subtitle: o.association_name,
    text: [o.description, o.place_name ?? "", o.time_text].join("\n"),
    keywords: [labels[lang] ?? labels.da ?? "", ...listOf(o.target_groups).map((g) => targetGroupLabels.get(g) ?? "")].join(" "),
    url: `/directory/offers/${o.id}`,
    facets: {
      category: o.category_code ? [o.category_code] : [],
      target_group: listOf(o.target_groups),
      accessibility: listOf(o.accessibility),
      language: listOf(o.languages),
      price: [o.price],
    },
    postcode: o.postcode,
    remote: Boolean(o.online),
    publishedAt: o.created_at,
    until: null,
    slots: listOf(o.time_slots),
    setting: "group",
  };
}

/** An association that has told the public what it does, as one search finds it. */
export function associationDocument(a: { id: string; name: string; description: string; created_at: string }): DocumentInput {
  return {
    kind: "association",
    id: a.id,
    title: a.name,
    subtitle: "",
    text: a.description,
    keywords: "",
    url: `/directory/associations/${a.id}`,
    facets: {},
    postcode: null,
    remote: false,
    publishedAt: a.created_at,
    until: null,
  };
}
