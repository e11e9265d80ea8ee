import type { Formats } from "../../platform/i18n/format.js";
import type { Lang, T } from "../../platform/i18n/i18n.js";
import type { PdfBlock } from "../../platform/pdf/pdf.js";
import { type Answers, type BudgetAnswer, budgetTotals, type FormDefinition, isShown, pickText } from "./form.model.js";
import type { ApplicationFile } from "./grants.model.js";

/** What a budget line is called by its side of the budget. */
export const BUDGET_SIDE = { cost: "grants.budget.cost", income: "grants.budget.income" } as const;

/** One answer as a reader sees it: a line of text, or a budget table with its totals. */
export type SummaryRow =
  | { kind: "text"; label: string; text: string }
  | { kind: "budget"; label: string; budget: BudgetAnswer; totals: { cost: number; income: number } };
export interface SummarySection {
  title: string;
  rows: SummaryRow[];
}

/**
 * An application's answers in the reader's language, section by section, with fields its conditions
 * hide left out: what the board checks before sending, the caseworker reads and the receipt prints.
 */
export function summarise(
  form: FormDefinition,
  answers: Answers,
  files: readonly ApplicationFile[],
  view: { t: T; lang: Lang; fmt: Formats; currency: string },
): SummarySection[] {
  const { t, lang, fmt, currency } = view;
  const none = t("grants.answer.none");
  return form.sections.map((section) => ({
    title: pickText(section.title, lang),
    rows: section.fields
      .filter((f) => isShown(f, answers))
      .map((field): SummaryRow => {
        const label = pickText(field.label, lang);
        const value = answers[field.key];
        if (field.type === "budget") {
          const budget = value && typeof value === "object" && !Array.isArray(value) ? value : { cost: [], income: [] };
          return { kind: "budget", label, budget, totals: budgetTotals(budget) };
        }
        if (field.type === "file") {
          const names = files.filter((f) => f.fieldKey === field.key).map((f) => f.name);
          return { kind: "text", label, text: names.length ? fmt.list(names) : none };
        }
        if (value === undefined || value === "") return { kind: "text", label, text: none };
        if (field.type === "yesNo") return { kind: "text", label, text: t(value === true || value === "yes" ? "grants.answer.yes" : "grants.answer.no") };
        if (field.type === "amount" && typeof value === "number") return { kind: "text", label, text: fmt.money(value, currency) };
        if (field.type === "number" && typeof value === "number") return { kind: "text", label, text: fmt.number(value) };
        if (field.type === "date" && typeof value === "string") return { kind: "text", label, text: fmt.date(value) };
        if (field.type === "choice") {
          const choice = field.choices.find((c) => c.key === value);
          return { kind: "text", label, text: choice ? pickText(choice.label, lang) : String(value) };
        }
        return { kind: "text", label, text: String(value) };
      }),
  }));
}

/** The same summary as the blocks of a printed document. */
export function summaryBlocks(sections: readonly SummarySection[], view: { t: T; fmt: Formats; currency: string }): PdfBlock[] {
  const { t, fmt, currency } = view;
  return sections.flatMap((s): PdfBlock[] => [
    { kind: "heading", text: s.title },
    ...s.rows.flatMap((r): PdfBlock[] => {
      if (r.kind === "text") return [{ kind: "facts", rows: [[r.label, r.text]] }];
      const lines = (kind: "cost" | "income") => r.budget[kind].map((l) => [t(BUDGET_SIDE[kind]), l.label, fmt.money(l.amount, currency)]);
      return [
        { kind: "paragraph", text: r.label },
        {
          kind: "table",
          head: [t("grants.budget.kind"), t("grants.budget.line"), t("grants.budget.amount")],
          rows: [
            ...lines("cost"),
            ...lines("income"),
            [t("grants.budget.totalCost"), "", fmt.money(r.totals.cost, currency)],
            [t("grants.budget.totalIncome"), "", fmt.money(r.totals.income, currency)],
          ],
        },
      ];
    }),
  ]);
}
