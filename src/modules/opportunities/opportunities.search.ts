import { type DocumentInput, translatedTexts } from "../../platform/search/documents.js";
import { type Opportunity, postedAt } from "./opportunities.model.js";

/** A published job as one search finds it. */
export function opportunityDocument(o: Opportunity, category: { code: string; label: string } | undefined): DocumentInput {
  return {
    kind: "opportunity",
    id: o.id,
    title: o.title,
    subtitle: o.associationName,
    text: [o.tasks, o.benefits, o.place ?? ""].join("\n"),
    keywords: category?.label ?? "",
    url: `/opportunities/${o.id}`,
    facets: {
      category: category ? [category.code] : [],
      commitment: [o.commitment],
      suits: o.suits,
      language: o.languages,
      accessibility: o.stepFree ? ["step_free"] : [],
    },
    postcode: o.postcode,
    remote: o.remote,
    publishedAt: postedAt(o),
    until: o.expiresOn,
    slots: o.slots,
    setting: o.setting,
    translations: translatedTexts(o.translations, (t) => ({ title: t.title, text: [t.tasks, t.benefits].filter(Boolean).join("\n") })),
  };
}
