import { z } from "zod";
import { parseDate } from "../../platform/dates.js";
import { moneyField, parseMoney } from "../../platform/http/fields.js";

/** Most instalments a grant is paid in. */
export const MAX_INSTALMENTS = 4;
/** Lines the board may add to the accounts beside the budget's, per side. */
export const MAX_EXTRA_LINES = 8;

const optionalDate = z
  .string()
  .trim()
  .optional()
  .default("")
  .refine((v) => v === "" || parseDate(v) !== null, "validation.date")
  .transform((v) => v || null);

/**
 * A payout plan for one granted application: the sum to plan (what is left to pay), at once or in 2–4
 * instalments; the first on `date1` (today when empty), a later one on its own date or a month after
 * the one before.
 */
export const planInput = z.object({
  applicationId: z.string().trim().min(1, "validation.invalid").max(64),
  amount: moneyField(),
  how: z.enum(["once", "instalments"], { message: "validation.invalid" }),
  count: z
    .string()
    .trim()
    .optional()
    .default("2")
    .refine((v) => /^[2-4]$/.test(v), "grants.payouts.count.invalid")
    .transform(Number),
  date1: optionalDate,
  date2: optionalDate,
  date3: optionalDate,
  date4: optionalDate,
});
export type PlanInput = z.output<typeof planInput>;

/** The payouts ticked as paid. */
export const paidInput = z.object({ payout: z.array(z.string().trim().max(64)).max(500).default([]) });

/** A whole number someone counted (participants, hours), or nothing. */
const countField = z
  .string()
  .trim()
  .optional()
  .default("")
  .refine((v) => v === "" || (/^\d{1,7}$/.test(v) && Number(v) <= 1_000_000), "validation.number")
  .transform((v) => (v === "" ? null : Number(v)));

/** A sum of money that may be left empty (null then); otherwise as `moneyField` reads it. */
const optionalMoney = z
  .string()
  .trim()
  .optional()
  .default("")
  .transform((v, ctx) => {
    if (v === "") return null;
    const minor = parseMoney(v);
    if (minor === null) ctx.addIssue({ code: "custom", message: "validation.money" });
    else if (minor > 1_000_000_000_00) ctx.addIssue({ code: "custom", message: "validation.moneyTooHigh" });
    return minor;
  });

const lineLabel = z.string().trim().max(200, "validation.tooLong").optional().default("");

/** The report's own fields; `intent` says whether it is kept as a draft or sent. */
export const reportInput = z.object({
  intent: z.enum(["save", "send"], { message: "validation.invalid" }),
  whatWasDone: z.string().trim().max(10000, "validation.tooLong").optional().default(""),
  participants: countField,
  volunteerHours: countField,
});

/** The field names of the accounts' rows: an actual sum per budget line, and added lines (label and sum). */
export const accountField = {
  actual: (side: "cost" | "income", i: number) => `${side}Actual${i}`,
  extraLabel: (side: "cost" | "income", i: number) => `${side}ExtraLabel${i}`,
  extraActual: (side: "cost" | "income", i: number) => `${side}ExtraActual${i}`,
};

/** The report's form for an application with this many budget lines per side. */
export function reportFormInput(lines: { cost: number; income: number }) {
  const shape: Record<string, z.ZodType> = {};
  for (const side of ["cost", "income"] as const) {
    for (let i = 0; i < lines[side]; i++) shape[accountField.actual(side, i)] = optionalMoney;
    for (let i = 0; i < MAX_EXTRA_LINES; i++) {
      shape[accountField.extraLabel(side, i)] = lineLabel;
      shape[accountField.extraActual(side, i)] = optionalMoney;
    }
  }
  return reportInput.extend(shape);
}
export type ReportInput = z.output<typeof reportInput> & Record<string, string | number | null>;

/** The caseworker's answer to a report: approve it, or ask for more (saying what). */
export const reviewInput = z
  .object({
    decision: z.enum(["approve", "more"], { message: "validation.invalid" }),
    note: z.string().trim().max(4000, "validation.tooLong").optional().default(""),
  })
  .refine((v) => v.decision !== "more" || v.note !== "", { path: ["note"], message: "grants.report.note.required" });
