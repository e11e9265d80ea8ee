import { listOf } from "../../db/lists.js";
import type { DocumentInput } from "../../platform/search/documents.js";
import type { OpportunityRow } from "./opportunities.repository.js";

/** A published job as one search finds it. */
export function opportunityDocument(
  o: Omit<OpportunityRow, "created_at" | "review_note" | "renewal_reminded_at">,
  category: { code: string; label: string } | undefined,
): DocumentInput {
  return {
    kind: "opportunity",
    id: o.id,
    title: o.title,
    subtitle: o.association_name,
    text: [o.tasks, o.benefits, o.place ?? ""].join("\n"),
    keywords: category?.label ?? "",
    url: `/opportunities/${o.id}`,
    facets: {
      category: category ? [category.code] : [],
      commitment: [o.commitment],
      suits: listOf(o.suits),
      language: listOf(o.languages),
      accessibility: o.step_free ? ["step_free"] : [],
    },
    postcode: o.postcode,
    remote: Boolean(o.remote),
    publishedAt: o.published_at ?? o.updated_at,
    until: o.expires_on,
    slots: listOf(o.time_slots),
    setting: o.setting,
  };
}
