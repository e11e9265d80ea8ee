import { LANGUAGES, type Lang } from "./i18n.js";

/** A record's public texts in other languages: `{ en: { title: "Visiting friend", tasks: "…" } }`. */
export type Translations<F extends string = string> = Partial<Record<Lang, Partial<Record<F, string>>>>;

/** Reads a `translations` column; anything that is not a language with texts is left out. */
export function parseTranslations<F extends string = string>(json: string | null | undefined): Translations<F> {
  if (!json) return {};
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {};
  }
  if (!value || typeof value !== "object") return {};
  const out: Translations<F> = {};
  for (const lang of LANGUAGES) {
    const texts = (value as Record<string, unknown>)[lang];
    if (!texts || typeof texts !== "object") continue;
    const kept = Object.fromEntries(Object.entries(texts).filter(([, v]) => typeof v === "string" && v.trim() !== "")) as Partial<Record<F, string>>;
    if (Object.keys(kept).length > 0) out[lang] = kept;
  }
  return out;
}

/**
 * The record as a reader of `lang` sees it: each text that has a translation in that language
 * replaced by it, every other field (and every text without one) as it was written.
 */
export function localized<T extends { translations?: Translations }>(record: T, lang: Lang): T {
  const texts = record.translations?.[lang];
  if (!texts) return record;
  const out: Record<string, unknown> = { ...record };
  for (const [field, text] of Object.entries(texts)) if (typeof out[field] === "string" && text) out[field] = text;
  return out as T;
}
