import { type Lang, translator } from "../../platform/i18n/i18n.js";
import { pickText } from "./form.model.js";
import type { Decision } from "./grants.model.js";
import type { GrantSettings, LetterTemplate } from "./settings.repository.js";

/** What a letter's template may name; each `{name}` in it is replaced. */
export interface LetterValues {
  association: string;
  title: string;
  reference: string;
  scheme: string;
  amount: string;
  requested: string;
  reason: string;
  body: string;
}

const NAMES: (keyof LetterValues)[] = ["association", "title", "reference", "scheme", "amount", "requested", "reason", "body"];
/** The catalog's letters are written with the same names; read with each name standing for itself. */
const ASIS = Object.fromEntries(NAMES.map((n) => [n, `{${n}}`]));

const DEFAULT_KEYS = {
  granted: { subject: "grants.letter.granted.subject", body: "grants.letter.granted.body" },
  reduced: { subject: "grants.letter.reduced.subject", body: "grants.letter.reduced.body" },
  rejected: { subject: "grants.letter.rejected.subject", body: "grants.letter.rejected.body" },
} as const;

/** The tenant's template for this decision in this language, or the house's own when the tenant wrote none. */
export function letterTemplate(settings: GrantSettings, decision: Decision, lang: Lang): LetterTemplate {
  const own = settings.letterTemplates[decision]?.[lang];
  if (own?.subject && own.body) return own;
  const t = translator(lang);
  return { subject: t(DEFAULT_KEYS[decision].subject, ASIS), body: t(DEFAULT_KEYS[decision].body, ASIS) };
}

/** The house's own template, as the settings page shows it to start from. */
export const defaultLetterTemplate = (decision: Decision, lang: Lang): LetterTemplate =>
  letterTemplate({ funderId: null, funderName: null, idPrefix: null, letterTemplates: {}, appealNote: {} }, decision, lang);

/** The template with its names filled in; a name it does not know is left as written. */
export function fillLetter(template: LetterTemplate, values: LetterValues): LetterTemplate {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? values[name as keyof LetterValues] : all));
  return { subject: fill(template.subject), body: fill(template.body) };
}

/** How to appeal, in the letter's language: the tenant's note, or the house's. */
export const appealNote = (settings: GrantSettings, lang: Lang) => pickText(settings.appealNote, lang) || translator(lang)("grants.letter.appeal");
