import { type Lang, translator } from "../../platform/i18n/i18n.js";
import { markdownText } from "../../platform/markdown/markdown.js";
import { type DocumentInput, hideDocument, putDocument, translatedTexts } from "../../platform/search/documents.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { categoryLabels } from "./guides.labels.js";
import type { Guide, GuideText } from "./guides.model.js";

/** The summary and the body's plain words on one line: a result shows the summary and the start of the text. */
const oneLine = (t: GuideText) =>
  [t.summary, ...markdownText(t.body).split("\n")]
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    // A heading or a list item reads as its own sentence in a result's one line.
    .map((line) => (/[.!?:]$/.test(line) ? line : `${line}.`))
    .join(" ");

/** A published guide as the one search finds it: by words in its title, summary and body, in each language it is written in. */
export function guideDocument(guide: Guide, tenant: Pick<ServiceContext["tenant"], "name" | "defaultLanguage">): DocumentInput {
  const lang = tenant.defaultLanguage;
  const main = guide.texts[lang] ?? Object.values(guide.texts)[0] ?? { title: guide.slug, summary: "", body: "" };
  const others = Object.fromEntries(Object.entries(guide.texts).filter(([l]) => l !== lang));
  return {
    kind: "guide",
    id: guide.id,
    title: main.title,
    subtitle: tenant.name,
    text: oneLine(main),
    keywords: translator(lang)(categoryLabels[guide.category]),
    url: `/guides/${guide.slug}`,
    facets: {},
    postcode: null,
    remote: false,
    publishedAt: guide.publishedAt ?? guide.updatedAt,
    until: null,
    translations: translatedTexts(others as Partial<Record<Lang, Partial<GuideText>>>, (t) => ({
      title: t.title,
      text: t.title ? oneLine({ title: t.title, summary: t.summary ?? "", body: t.body ?? "" }) : undefined,
    })),
  };
}

/** Keeps the guide's entry in search in step with it: findable while published, gone as a draft. Call it in the transaction that changes it. */
export async function indexGuide(tx: ServiceContext, guide: Guide): Promise<void> {
  if (guide.status !== "published") return unindexGuide(tx, guide.id);
  await putDocument(tx.db, tx.clock, tx.tenant.id, tx.tenant.country, guideDocument(guide, tx.tenant));
}

export async function unindexGuide(tx: ServiceContext, id: string): Promise<void> {
  await hideDocument(tx.db, tx.clock, tx.tenant.id, "guide", id);
}
