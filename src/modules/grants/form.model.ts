import { z } from "zod";
import { LANGUAGES, type Lang } from "../../platform/i18n/i18n.js";

/**
 * An application form as the tenant built it: sections of fields. Texts are written per language
 * (at least the tenant's own); an application keeps the version it was made on (grant_form_versions).
 */
export const FIELD_TYPES = ["text", "longText", "number", "amount", "date", "choice", "yesNo", "file", "budget"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** A text in the tenant's languages: `{ da: "Formål", en: "Purpose" }`. */
export const localText = z.partialRecord(z.enum(LANGUAGES), z.string().max(2000));
export type LocalText = z.infer<typeof localText>;

const key = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/);

export const formField = z.object({
  key,
  type: z.enum(FIELD_TYPES),
  label: localText,
  help: localText.default({}),
  required: z.boolean().default(false),
  /** Longest text a text field takes; amounts and numbers: the highest value (a sum in minor units). */
  max: z.number().int().positive().optional(),
  /** A choice field's options. */
  choices: z.array(z.object({ key, label: localText })).default([]),
  /** Shown (and required) only when another field of the form has this answer (a choice's key, "yes" or "no"). */
  showIf: z.object({ field: key, equals: z.string().max(40) }).optional(),
});
export type FormField = z.infer<typeof formField>;

export const formSection = z.object({ key, title: localText, help: localText.default({}), fields: z.array(formField) });
export type FormSection = z.infer<typeof formSection>;

export const formDefinition = z.object({ sections: z.array(formSection) });
export type FormDefinition = z.infer<typeof formDefinition>;

/** One line of a budget table: what it is and its sum in minor units. */
export interface BudgetLine {
  label: string;
  amount: number;
}
/** A budget table's answer: the costs, and the income besides the grant applied for. */
export interface BudgetAnswer {
  cost: BudgetLine[];
  income: BudgetLine[];
}

/** Answers by field key: text as written, numbers and sums as numbers, a date `YYYY-MM-DD`, a file field the ids of its files. */
export type Answer = string | number | boolean | string[] | BudgetAnswer;
export type Answers = Record<string, Answer>;

/** The text in the reader's language, else the first language it was written in. */
export function pickText(text: LocalText | undefined, lang: Lang): string {
  if (!text) return "";
  return text[lang] || Object.values(text).find((v) => v) || "";
}

export const budgetTotals = (b: BudgetAnswer) => ({
  cost: b.cost.reduce((s, l) => s + l.amount, 0),
  income: b.income.reduce((s, l) => s + l.amount, 0),
});

/** Whether a field is asked, given the other answers: its condition (if any) is met. */
export function isShown(field: FormField, answers: Answers): boolean {
  if (!field.showIf) return true;
  const other = answers[field.showIf.field];
  const said = typeof other === "boolean" ? (other ? "yes" : "no") : String(other ?? "");
  return said === field.showIf.equals;
}

export const allFields = (form: FormDefinition): FormField[] => form.sections.flatMap((s) => s.fields);
