import { type DocumentInput, translatedTexts } from "../../platform/search/documents.js";
import type { Association } from "./associations.model.js";

/** An association that has told the public what it does, as one search finds it. */
export function associationDocument(a: Pick<Association, "id" | "name" | "description" | "createdAt" | "translations">): DocumentInput {
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
    publishedAt: a.createdAt,
    until: null,
    translations: translatedTexts(a.translations, (t) => ({ text: t.description })),
  };
}
