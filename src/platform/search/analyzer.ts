import snowball from "snowball-stemmers";
import type { Lang } from "../i18n/i18n.js";

const STEMMER_LANGUAGE: Record<Lang, string> = { da: "danish", nb: "norwegian", nl: "dutch", en: "english" };
const stemmers = new Map(Object.entries(STEMMER_LANGUAGE).map(([lang, name]) => [lang, snowball.newStemmer(name)]));

/**
 * Folds what people leave out when they type fast or on a foreign keyboard: "besøgsven" and
 * "besogsven" become one term, "hjælp" and "hjaelp" too, and accents go ("coördinator").
 */
export function fold(word: string): string {
  return word.replace(/æ/g, "ae").replace(/ø/g, "o").replace(/å/g, "aa").normalize("NFD").replace(/\p{M}/gu, "");
}

/** The terms a document's word is indexed under: its folded stem in the tenant's language, and the folded word itself. */
export function indexTerms(word: string, lang: Lang): string[] {
  const lower = word.toLowerCase();
  const stem = fold((stemmers.get(lang) ?? stemmers.get("da"))?.stem(lower) ?? lower);
  const whole = fold(lower);
  return stem === whole ? [stem] : [stem, whole];
}

/** The one term a query word is looked up by. */
export function queryTerm(word: string, lang: Lang): string {
  return indexTerms(word, lang)[0] ?? "";
}
