import { parseDate } from "../../platform/dates.js";
import type { FieldError, FieldErrors } from "../../platform/http/errors.js";
import { moneyText, parseMoney } from "../../platform/http/fields.js";
import type { Lang, MessageKey } from "../../platform/i18n/i18n.js";
import {
  type Answer,
  type Answers,
  allFields,
  type BudgetAnswer,
  type BudgetLine,
  budgetTotals,
  type FormDefinition,
  type FormField,
  isShown,
  pickText,
} from "./form.model.js";

/**
 * A posted application form read against its form definition. Fields are named `a.<key>`; a budget's
 * rows `a.<key>.cost.label[]` / `a.<key>.cost.amount[]` (and the same for income). The title and the sum
 * applied for are `title` and `amount`.
 *
 * In `draft` mode everything that can be read is kept, and what cannot (a sum written "12,,5") is kept
 * as it was typed so nothing is lost; the errors are reported but the draft is still saved. In `submit`
 * mode every shown required field must be answered, the budget must balance and the sum applied for
 * must be within the scheme's maximum: any error means nothing is written.
 */
export type AnswerMode = "draft" | "submit";

export const DEFAULT_TEXT_MAX = 500;
export const DEFAULT_LONG_TEXT_MAX = 5000;
export const TITLE_MAX = 200;
/** A budget line's label; a budget holds at most this many lines a side. */
const LINE_LABEL_MAX = 200;
const MAX_LINES = 50;
/** A field's raw text kept on a draft when it could not be read (a sum written wrong): under `~<key>`. */
export const RAW_PREFIX = "~";

export type Posted = Record<string, string | File | (string | File)[]>;

export interface AnswerOptions {
  mode: AnswerMode;
  lang: Lang;
  /** The scheme's largest sum, minor units. */
  maxAmount: number;
  /** Writes a sum for a message ("25.000,00 kr."). */
  money: (minor: number) => string;
  /** Only these fields are read (a question reopened them); the rest of `previous` stays as it is. */
  only?: readonly string[];
  /** The answers already kept, which fields not read are taken from. */
  previous?: Answers;
  /** How many files each file field has (a required file field needs one). */
  fileCounts?: Record<string, number>;
}

export interface ParsedApplication {
  answers: Answers;
  title: string;
  /** Null when it could not be read (its text is kept under `~amount` in the answers). */
  amountRequested: number | null;
  /** By input name (`a.<key>`, `title`, `amount`). */
  errors: FieldErrors;
}

export const inputName = (key: string) => `a.${key}`;

const texts = (v: Posted[string] | undefined): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => (typeof x === "string" ? x : ""));
const one = (body: Posted, name: string) => (texts(body[name])[0] ?? "").trim();
const list = (body: Posted, name: string) => texts(body[`${name}[]`] ?? body[name]);

function withLabel(field: FormField, lang: Lang, key: MessageKey, values: Record<string, string | number> = {}): FieldError {
  return { key, values: { label: pickText(field.label, lang), ...values } };
}

const isEmpty = (a: Answer | undefined) =>
  a === undefined || a === "" || (Array.isArray(a) && a.length === 0) || (typeof a === "object" && !Array.isArray(a) && a.cost.length + a.income.length === 0);

/** Reads one budget side's rows: rows left empty dropped; a sum needs a label; sums as people write them. */
function readLines(body: Posted, name: string, side: "cost" | "income") {
  const labels = list(body, `${name}.${side}.label`);
  const amounts = list(body, `${name}.${side}.amount`);
  const lines: BudgetLine[] = [];
  const raw: { label: string; amount: string }[] = [];
  let missingLabel = false;
  let badAmount = false;
  let tooLong = false;
  for (let i = 0; i < Math.min(Math.max(labels.length, amounts.length), MAX_LINES); i++) {
    const label = (labels[i] ?? "").trim();
    const text = (amounts[i] ?? "").trim();
    if (!label && !text) continue;
    raw.push({ label, amount: text });
    const amount = text ? parseMoney(text) : 0;
    if (label.length > LINE_LABEL_MAX) tooLong = true;
    if (!label && text) missingLabel = true;
    if (amount === null) badAmount = true;
    else lines.push({ label: label.slice(0, LINE_LABEL_MAX), amount });
  }
  return { lines, raw, missingLabel, badAmount, tooLong };
}

/** One field's answer from the posted form, or its error; `raw` is the text to keep when it could not be read. */
function readField(
  field: FormField,
  body: Posted,
  lang: Lang,
): {
  answer?: Answer;
  raw?: string;
  error?: FieldError;
  budgetRaw?: { cost: { label: string; amount: string }[]; income: { label: string; amount: string }[] };
} {
  const name = inputName(field.key);
  if (field.type === "budget") {
    const cost = readLines(body, name, "cost");
    const income = readLines(body, name, "income");
    const answer: BudgetAnswer = { cost: cost.lines, income: income.lines };
    const broken = cost.badAmount || income.badAmount || cost.missingLabel || income.missingLabel || cost.tooLong || income.tooLong;
    const error =
      cost.missingLabel || income.missingLabel
        ? withLabel(field, lang, "grants.answer.budgetLabel")
        : cost.badAmount || income.badAmount
          ? withLabel(field, lang, "grants.answer.budgetAmount")
          : cost.tooLong || income.tooLong
            ? withLabel(field, lang, "grants.answer.tooLong", { max: LINE_LABEL_MAX })
            : undefined;
    return { answer, error, budgetRaw: broken ? { cost: cost.raw, income: income.raw } : undefined };
  }
  if (field.type === "file") return {};
  const text = one(body, name);
  if (text === "") return { answer: "" };
  switch (field.type) {
    case "text":
    case "longText": {
      const max = field.max ?? (field.type === "text" ? DEFAULT_TEXT_MAX : DEFAULT_LONG_TEXT_MAX);
      const value = field.type === "text" ? text.replace(/\s+/g, " ") : text.replace(/\r\n/g, "\n");
      if (value.length > max) return { raw: value, error: withLabel(field, lang, "grants.answer.tooLong", { max }) };
      return { answer: value };
    }
    case "number": {
      const n = /^-?\d{1,15}$/.test(text.replace(/[\s.]/g, "")) ? Number(text.replace(/[\s.]/g, "")) : Number.NaN;
      const max = field.max ?? 1_000_000_000;
      if (!Number.isSafeInteger(n) || n < 0 || n > max) return { raw: text, error: withLabel(field, lang, "grants.answer.number", { max }) };
      return { answer: n };
    }
    case "amount": {
      const minor = parseMoney(text);
      if (minor === null) return { raw: text, error: withLabel(field, lang, "grants.answer.money") };
      if (field.max !== undefined && minor > field.max) return { raw: text, error: withLabel(field, lang, "grants.answer.moneyTooHigh") };
      return { answer: minor };
    }
    case "date": {
      const date = parseDate(text);
      if (!date) return { raw: text, error: withLabel(field, lang, "grants.answer.date") };
      return { answer: date };
    }
    case "choice": {
      if (!field.choices.some((c) => c.key === text)) return { error: withLabel(field, lang, "grants.answer.choice") };
      return { answer: text };
    }
    case "yesNo": {
      if (text !== "yes" && text !== "no") return { error: withLabel(field, lang, "grants.answer.choice") };
      return { answer: text === "yes" };
    }
  }
}

/** Reads a posted application (see the module comment above). */
export function parseApplication(form: FormDefinition, body: Posted, options: AnswerOptions): ParsedApplication {
  const { mode, lang } = options;
  const errors: FieldErrors = {};
  const answers: Answers = { ...(options.previous ?? {}) };
  const reading = (key: string) => !options.only || options.only.includes(key);
  const fields = allFields(form);

  for (const field of fields) {
    if (!reading(field.key)) continue;
    const name = inputName(field.key);
    const got = readField(field, body, lang);
    delete answers[RAW_PREFIX + field.key];
    if (field.type === "file") continue;
    if (got.error) errors[name] = got.error;
    if (got.answer !== undefined && !got.error) answers[field.key] = got.answer;
    else if (got.budgetRaw) {
      answers[field.key] = got.answer ?? { cost: [], income: [] };
      answers[RAW_PREFIX + field.key] = JSON.stringify(got.budgetRaw);
    } else if (got.raw !== undefined) {
      delete answers[field.key];
      answers[RAW_PREFIX + field.key] = got.raw;
    } else if (got.answer !== undefined) answers[field.key] = got.answer;
    else delete answers[field.key];
  }

  // The title and the sum applied for belong to the application itself; while a question is open they stay as they were.
  const title = one(body, "title").replace(/\s+/g, " ");
  if (title.length > TITLE_MAX) errors.title = { key: "grants.apply.title.tooLong", values: { max: TITLE_MAX } };
  const amountText = one(body, "amount");
  let amountRequested: number | null = null;
  delete answers[`${RAW_PREFIX}amount`];
  if (amountText) {
    amountRequested = parseMoney(amountText);
    if (amountRequested === null) {
      errors.amount = "grants.apply.amount.invalid";
      answers[`${RAW_PREFIX}amount`] = amountText;
    } else if (amountRequested > options.maxAmount) {
      errors.amount = { key: "grants.apply.amount.tooHigh", values: { max: options.money(options.maxAmount) } };
      answers[`${RAW_PREFIX}amount`] = amountText;
      amountRequested = null;
    }
  }

  if (mode === "submit") {
    const missing = completeness(form, answers, { title, amountRequested, lang, money: options.money, fileCounts: options.fileCounts, only: options.only });
    for (const [name, error] of Object.entries(missing)) errors[name] ??= error;
  }
  return { answers, title: title.slice(0, TITLE_MAX), amountRequested, errors };
}

/**
 * What a complete application needs besides readable answers: every shown required field answered,
 * a title and a sum above nothing, and a budget where the costs equal the other income plus the sum
 * applied for. Errors already found for a field are not repeated.
 */
export function completeness(
  form: FormDefinition,
  answers: Answers,
  input: {
    title: string;
    amountRequested: number | null;
    lang: Lang;
    money: (minor: number) => string;
    fileCounts?: Record<string, number>;
    only?: readonly string[];
  },
): FieldErrors {
  const errors: FieldErrors = {};
  const { lang } = input;
  const checking = (key: string) => !input.only || input.only.includes(key);
  if (!input.only) {
    if (!input.title) errors.title = "grants.apply.title.required";
    if (answers[`${RAW_PREFIX}amount`] !== undefined) errors.amount = "grants.apply.amount.invalid";
    else if (!input.amountRequested) errors.amount = "grants.apply.amount.required";
  }
  for (const field of allFields(form)) {
    if (!checking(field.key) || !isShown(field, answers)) continue;
    const name = inputName(field.key);
    const raw = answers[RAW_PREFIX + field.key];
    if (raw !== undefined) {
      errors[name] = withLabel(
        field,
        lang,
        field.type === "budget" ? "grants.answer.budgetAmount" : field.type === "amount" ? "grants.answer.money" : "grants.answer.invalid",
      );
      continue;
    }
    const answer = answers[field.key];
    const empty = field.type === "file" ? (input.fileCounts?.[field.key] ?? 0) === 0 : isEmpty(answer);
    if (field.required && empty) {
      errors[name] = withLabel(field, lang, "grants.answer.required");
      continue;
    }
    if (field.type === "budget" && answer && typeof answer === "object" && !Array.isArray(answer) && !empty) {
      const totals = budgetTotals(answer);
      const applied = input.amountRequested ?? 0;
      if (totals.cost !== totals.income + applied) {
        errors[name] = {
          key: "grants.answer.budgetSum",
          values: { cost: input.money(totals.cost), income: input.money(totals.income), applied: input.money(applied) },
        };
      }
    }
  }
  return errors;
}

/** The answers kept, as the form's inputs show them: what was typed comes back as it was typed. */
export function answerValues(
  form: FormDefinition,
  answers: Answers,
  input: { title: string; amountRequested: number; lang: Lang },
): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {
    title: input.title,
    amount: (answers[`${RAW_PREFIX}amount`] as string | undefined) ?? (input.amountRequested ? moneyText(input.amountRequested, input.lang) : ""),
  };
  for (const field of allFields(form)) {
    const name = inputName(field.key);
    const raw = answers[RAW_PREFIX + field.key];
    const answer = answers[field.key];
    if (field.type === "budget") {
      let rows: { cost: { label: string; amount: string }[]; income: { label: string; amount: string }[] } = { cost: [], income: [] };
      if (typeof raw === "string") rows = JSON.parse(raw) as typeof rows;
      else if (answer && typeof answer === "object" && !Array.isArray(answer))
        rows = {
          cost: answer.cost.map((l) => ({ label: l.label, amount: moneyText(l.amount, input.lang) })),
          income: answer.income.map((l) => ({ label: l.label, amount: moneyText(l.amount, input.lang) })),
        };
      for (const side of ["cost", "income"] as const) {
        values[`${name}.${side}.label[]`] = rows[side].map((r) => r.label);
        values[`${name}.${side}.amount[]`] = rows[side].map((r) => r.amount);
      }
      continue;
    }
    if (typeof raw === "string") values[name] = raw;
    else if (answer === undefined || field.type === "file") values[name] = "";
    else if (typeof answer === "boolean") values[name] = answer ? "yes" : "no";
    else if (field.type === "amount" && typeof answer === "number") values[name] = moneyText(answer, input.lang);
    else values[name] = String(answer);
  }
  return values;
}

/** The kept answers without the raw texts a draft holds: what the application says. */
export const cleanAnswers = (answers: Answers): Answers => Object.fromEntries(Object.entries(answers).filter(([k]) => !k.startsWith(RAW_PREFIX)));
