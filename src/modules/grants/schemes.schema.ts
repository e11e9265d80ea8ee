import { z } from "zod";
import { parseDate } from "../../platform/dates.js";
import { checkbox, moneyField } from "../../platform/http/fields.js";
import { LANGUAGES, type Lang } from "../../platform/i18n/i18n.js";
import { FIELD_TYPES } from "./form.model.js";
import { DECISIONS, REPORT_PARTS } from "./grants.model.js";

const TIME = /^([01]\d|2[0-3])[:.][0-5]\d$/;
const text = (max: number) => z.string().trim().max(max, "validation.tooLong").default("");
const required = (max: number) => z.string().trim().min(1, "validation.required").max(max, "validation.tooLong");
const rows = z.array(z.string()).default([]);

/** How many empty criterion rows the scheme's form offers below the filled ones. */
export const CRITERION_BLANKS = 2;
/** The scheme's texts that may be written in the tenant's other languages. */
export const SCHEME_TEXTS = ["title", "purpose", "rules", "whoMayApply"] as const;
export const TEXT_MAX = { title: 200, purpose: 4000, rules: 20000, whoMayApply: 2000 } as const;
/** A field's label and a section's title: short enough to read as a label. */
export const LABEL_MAX = 200;
export const HELP_MAX = 1000;

/** Every other language's texts, `title_en`, `purpose_nb`…; the service keeps those of the tenant's languages. */
const translationFields = Object.fromEntries(LANGUAGES.flatMap((l) => SCHEME_TEXTS.map((f) => [`${f}_${l}`, text(TEXT_MAX[f])]))) as Record<
  `${(typeof SCHEME_TEXTS)[number]}_${Lang}`,
  z.ZodDefault<z.ZodString>
>;

export const SCHEME_LISTS = ["reportDemands", "criterionKey", "criterionLabel", "criterionWeight"];

export const schemeInput = z
  .object({
    title: required(TEXT_MAX.title),
    purpose: required(TEXT_MAX.purpose),
    rules: text(TEXT_MAX.rules),
    whoMayApply: required(TEXT_MAX.whoMayApply),
    requiresRegistration: checkbox,
    maxAmount: moneyField(),
    reportDemands: z.array(z.enum(REPORT_PARTS, "validation.invalid")).default([]),
    reportMonths: z.coerce.number("validation.number").int("validation.number").min(1, "validation.number").max(36, "validation.number"),
    allYear: checkbox,
    status: z.enum(["draft", "active", "archived"], "validation.invalid"),
    criterionKey: rows,
    criterionLabel: rows,
    criterionWeight: rows,
    ...translationFields,
  })
  .superRefine((s, ctx) => {
    s.criterionLabel.forEach((label, i) => {
      const n = i + 1;
      const weight = (s.criterionWeight[i] ?? "").trim();
      if (!label.trim() && !weight) return;
      if (!label.trim()) ctx.addIssue({ code: "custom", path: [`criterionLabel-${n}`], message: "grants.scheme.criterion.labelRequired" });
      else if (label.trim().length > LABEL_MAX) ctx.addIssue({ code: "custom", path: [`criterionLabel-${n}`], message: "validation.tooLong" });
      if (!/^(10|[1-9])$/.test(weight)) ctx.addIssue({ code: "custom", path: [`criterionWeight-${n}`], message: "grants.scheme.criterion.weight" });
    });
  })
  .transform((s) => ({
    ...s,
    criteria: s.criterionLabel
      .map((label, i) => ({ key: (s.criterionKey[i] ?? "").trim(), label: label.trim(), weight: Number(s.criterionWeight[i]) }))
      .filter((c) => c.label),
  }));
export type SchemeInput = z.output<typeof schemeInput>;

/** A local date and time in the tenant's zone, both or neither. */
const when = (date: string, time: string) => ({ date: date.trim(), time: time.trim().replace(".", ":") || "23:59" });

export const roundInput = z
  .object({
    title: required(200),
    opensDate: z
      .string()
      .trim()
      .refine((v) => parseDate(v) !== null, "validation.date"),
    deadlineDate: text(20),
    deadlineTime: text(10),
    secondDeadlineDate: text(20),
    secondDeadlineTime: text(10),
    budget: moneyField(),
    decisionBody: text(200),
  })
  .superRefine((r, ctx) => {
    for (const [date, time, field] of [
      [r.deadlineDate, r.deadlineTime, "deadline"],
      [r.secondDeadlineDate, r.secondDeadlineTime, "secondDeadline"],
    ] as const) {
      if (date && !parseDate(date)) ctx.addIssue({ code: "custom", path: [`${field}Date`], message: "validation.date" });
      if (time && !TIME.test(time)) ctx.addIssue({ code: "custom", path: [`${field}Time`], message: "grants.round.time" });
    }
    if (r.secondDeadlineDate && !r.deadlineDate) ctx.addIssue({ code: "custom", path: ["deadlineDate"], message: "grants.round.deadlineRequired" });
  })
  .transform((r) => ({
    title: r.title,
    opensDate: r.opensDate,
    deadline: r.deadlineDate ? when(r.deadlineDate, r.deadlineTime) : null,
    secondDeadline: r.secondDeadlineDate ? when(r.secondDeadlineDate, r.secondDeadlineTime) : null,
    budget: r.budget,
    decisionBody: r.decisionBody,
  }));
export type RoundInput = z.output<typeof roundInput>;

/** A text per language of the tenant: `label_da`, `label_en`… */
const localFields = (name: string, max: number) =>
  Object.fromEntries(LANGUAGES.map((l) => [`${name}_${l}`, z.string().trim().max(max, "validation.tooLong").default("")])) as Record<
    string,
    z.ZodDefault<z.ZodString>
  >;

export const fieldInput = z.object({
  section: z.string().trim().max(40).default(""),
  type: z.enum(FIELD_TYPES, "validation.invalid"),
  required: checkbox,
  max: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || /^\d{1,12}$/.test(v.replace(/[.\s]/g, "")), "validation.number"),
  /** "field=value": shown only when that earlier field has that answer; empty: always. */
  showIf: z.string().trim().max(90).default(""),
  ...localFields("label", LABEL_MAX),
  ...localFields("help", HELP_MAX),
  /** A choice field's options, one per line, in each language in the same order. */
  ...localFields("choices", 4000),
});
export type FieldInput = z.output<typeof fieldInput>;

export const sectionInput = z.object({ ...localFields("title", LABEL_MAX), ...localFields("help", HELP_MAX) });
export type SectionInput = z.output<typeof sectionInput>;

/** One button of the builder: move up or down, or remove, a field or a section. */
export const builderActionInput = z.object({
  op: z.enum(["fieldUp", "fieldDown", "fieldRemove", "sectionUp", "sectionDown", "sectionRemove"], "validation.invalid"),
  key: z.string().trim().max(40),
});

const templateFields = Object.fromEntries(
  DECISIONS.flatMap((d) => LANGUAGES.flatMap((l) => [[`subject_${d}_${l}`, text(300)] as const, [`body_${d}_${l}`, text(10000)] as const])),
) as Record<string, z.ZodDefault<z.ZodString>>;

export const settingsInput = z.object({
  funderId: z
    .string()
    .trim()
    .max(100, "validation.tooLong")
    .refine((v) => v === "" || /^[A-Z]{2}-[A-Z0-9]+-[A-Za-z0-9._-]+$/.test(v), "grants.settings.funderId.invalid"),
  funderName: text(200),
  idPrefix: z
    .string()
    .trim()
    .max(100, "validation.tooLong")
    .refine((v) => v === "" || /^360G-[A-Za-z0-9._-]+$/.test(v), "grants.settings.idPrefix.invalid"),
  ...templateFields,
  ...localFields("appeal", 4000),
});
export type SettingsInput = z.output<typeof settingsInput>;
