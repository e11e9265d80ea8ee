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

// A language has far fewer distinct words than a large index has words, so each is analysed once.
const MEMO_LIMIT = 200_000;
const memo = new Map<string, string[]>();

/** The terms a document's word is indexed under: its folded stem in the tenant's language, and the folded word itself. */
export function indexTerms(word: string, lang: Lang): string[] {
  const key = `${lang}:${word}`;
  const known = memo.get(key);
  if (known) return known;
  const lower = word.toLowerCase();
  const stem = fold((stemmers.get(lang) ?? stemmers.get("da"))?.stem(lower) ?? lower);
  const whole = fold(lower);
  const terms = stem === whole ? [stem] : [stem, whole];
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, terms);
  return terms;
}

/** The one term a query word is looked up by. */
export function queryTerm(word: string, lang: Lang): string {
  return indexTerms(word, lang)[0] ?? "";
}
