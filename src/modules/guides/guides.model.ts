import type { Lang } from "../../platform/i18n/i18n.js";

/**
 * The guides' categories: a fixed set named in the catalogs, so every tenant's guides sort the same way
 * and a category reads well in all four languages without anyone translating it.
 */
export const GUIDE_CATEGORIES = ["volunteers", "board", "money", "safety", "outreach"] as const;
export type GuideCategory = (typeof GUIDE_CATEGORIES)[number];

export const GUIDE_STATUSES = ["draft", "published"] as const;
export type GuideStatus = (typeof GUIDE_STATUSES)[number];

/** A guide's words in one language; the body is Markdown. */
export interface GuideText {
  title: string;
  summary: string;
  body: string;
}

export interface Guide {
  id: string;
  tenantId: string;
  slug: string;
  category: GuideCategory;
  status: GuideStatus;
  /** By language; the tenant's default language is always there. */
  texts: Partial<Record<Lang, GuideText>>;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

/** A guide as one reader reads it: in their language when it is written in it, else in the tenant's default language. */
export interface GuideReading {
  guide: Guide;
  text: GuideText;
  /** The language the text is in. */
  lang: Lang;
  /** True when the reader's language was missing and the default language is shown instead. */
  fallback: boolean;
}

export function readGuide(guide: Guide, lang: Lang, defaultLanguage: Lang): GuideReading {
  const own = guide.texts[lang];
  if (own) return { guide, text: own, lang, fallback: false };
  const fallbackLang = guide.texts[defaultLanguage] ? defaultLanguage : ((Object.keys(guide.texts)[0] as Lang | undefined) ?? defaultLanguage);
  const text = guide.texts[fallbackLang] ?? { title: guide.slug, summary: "", body: "" };
  return { guide, text, lang: fallbackLang, fallback: fallbackLang !== lang };
}

const FOLD: Record<string, string> = { æ: "ae", ø: "oe", å: "aa", ß: "ss" };

/** An address made from a title, "Sådan søger I § 18-midler" → "saadan-soeger-i-18-midler"; unique among those taken. */
export function slugFrom(title: string, taken: ReadonlySet<string>): string {
  const base =
    title
      .toLowerCase()
      .replace(/[æøåß]/g, (c) => FOLD[c] ?? c)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80)
      .replace(/-+$/, "") || "guide";
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}
