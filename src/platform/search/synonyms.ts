import type { Lang } from "../i18n/i18n.js";
import { queryTerm } from "./analyzer.js";
import { WORD_SPLIT } from "./segment.js";
import type { TextQuery } from "./text-query.js";

/**
 * Words people use for the same thing, one group per line, kept by the tenant for each language:
 * a search for any word of a group finds what is written with another ("motion for ældre" finds the
 * seniors' gymnastics). These are what a tenant starts with until its administrator changes them.
 */
export const DEFAULT_SYNONYMS: Record<Lang, string> = {
  da: [
    "ældre, seniorer, senior, pensionister, pensionist, gamle",
    "motion, træning, gymnastik, idræt, sport, bevægelse",
    "gåtur, gåture, gå, vandring, gåklub",
    "besøgsven, besøgsvenner, besøgstjeneste, besøg",
    "lektiehjælp, lektier, lektiecafé",
    "ensom, ensomhed, alene",
    "sorg, sorggruppe, efterladte",
    "nytilkommen, nytilkomne, flygtning, flygtninge, integration",
  ].join("\n"),
  nb: [
    "eldre, seniorer, senior, pensjonister, pensjonist",
    "trening, mosjon, gymnastikk, idrett, sport",
    "tur, turer, gåtur, gå, vandring",
    "besøksvenn, besøksvenner, besøkstjeneste, besøk",
    "leksehjelp, lekser, leksekafé",
    "ensom, ensomhet, alene",
  ].join("\n"),
  nl: [
    "ouderen, senioren, senior, gepensioneerden, bejaarden",
    "beweging, bewegen, sport, gymnastiek, training, fitness",
    "wandelen, wandeling, wandelgroep, lopen",
    "maatje, bezoekvrijwilliger, bezoek, buddy",
    "huiswerkbegeleiding, huiswerk, huiswerkhulp",
    "eenzaam, eenzaamheid, alleen",
  ].join("\n"),
  en: [
    "elderly, seniors, senior, pensioners, pensioner, older people",
    "exercise, training, gymnastics, fitness, sport, sports, movement",
    "walk, walking, walks, hike, hiking",
    "visiting friend, befriender, befriending, visitor, visits",
    "homework, homework help, tutoring, homework café",
    "lonely, loneliness, alone",
    "grief, bereavement, bereaved",
  ].join("\n"),
};

/** At most this many groups and words in a group: a list for people to keep, not a thesaurus. */
export const MAX_GROUPS = 200;
export const MAX_WORDS_IN_GROUP = 20;

/** The groups in a tenant's text: one per line, words or short phrases separated by commas; blank lines and lone words ignored. */
export function parseSynonyms(text: string): string[][] {
  const groups: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const words = [
      ...new Set(
        line
          .split(/[,;]/)
          .map((w) => w.trim().replace(/\s+/g, " ").toLowerCase())
          .filter((w) => w.length > 0),
      ),
    ];
    if (words.length >= 2) groups.push(words.slice(0, MAX_WORDS_IN_GROUP));
    if (groups.length >= MAX_GROUPS) break;
  }
  return groups;
}

/** The groups written back as the text the administrator edits. */
export const formatSynonyms = (groups: string[][]): string => groups.map((g) => g.join(", ")).join("\n");

const wordsOf = (text: string) => text.split(WORD_SPLIT).filter((w) => w.length > 0);

/**
 * The query a search runs: each word of what was typed, or, when the word belongs to a group, any
 * word of its group (compared by their stems, so "seniorerne" joins "seniorer"). A phrase in a group
 * must match all its words. The words are combined as `combineWith` says (all of them, or any).
 */
export function expandQuery(q: string, groups: string[][], lang: Lang, combineWith: "AND" | "OR"): TextQuery {
  const byTerm = new Map<string, string[]>();
  for (const group of groups) {
    for (const member of group) {
      const words = wordsOf(member);
      if (words.length !== 1) continue;
      const term = queryTerm(words[0] as string, lang);
      byTerm.set(term, [...new Set([...(byTerm.get(term) ?? []), ...group])]);
    }
  }
  const queries: TextQuery[] = wordsOf(q).map((word) => {
    const group = byTerm.get(queryTerm(word, lang));
    if (!group) return word;
    const alternatives: TextQuery[] = group.map((member) => {
      const words = wordsOf(member);
      return words.length === 1 ? (words[0] as string) : { combineWith: "AND", queries: words };
    });
    return { combineWith: "OR", queries: [word, ...alternatives.filter((a) => a !== word)] };
  });
  return { combineWith, queries };
}
