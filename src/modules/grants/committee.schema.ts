import { z } from "zod";
import type { FieldErrors } from "../../platform/http/errors.js";
import { checkbox } from "../../platform/http/fields.js";
import { issuesToFieldErrors } from "../../platform/http/forms.js";
import { DECISIONS, type Decision } from "./grants.model.js";

/**
 * The sitting's form holds one row per application, its fields named after the application
 * (`decision_<id>`, `amount_<id>`, `reason_<id>`, `conflict_<id>`, `conflictNote_<id>`). Each row is
 * read with this schema; the amount stays text here and is read as money by the service, which knows
 * the requested sum and the scheme's maximum.
 */
export const decisionRowInput = z.object({
  decision: z.union([z.literal(""), z.enum(DECISIONS, "validation.invalid")]).default(""),
  amount: z.string().trim().max(40, "validation.tooLong").default(""),
  reason: z.string().trim().max(2000, "validation.tooLong").default(""),
  conflict: checkbox,
  conflictNote: z.string().trim().max(500, "validation.tooLong").default(""),
});

export interface DecisionRow {
  applicationId: string;
  decision: Decision | "";
  amount: string;
  reason: string;
  conflict: boolean;
  conflictNote: string;
}

/** The names of one application's fields in the sitting's form. */
export const rowField = (name: "decision" | "amount" | "reason" | "conflict" | "conflictNote", applicationId: string) => `${name}_${applicationId}`;

/** Reads the rows of the applications named; a row's field that breaks its schema is named in `errors`. */
export function readDecisionRows(values: Record<string, string>, applicationIds: readonly string[]): { rows: DecisionRow[]; errors: FieldErrors } {
  const rows: DecisionRow[] = [];
  const errors: FieldErrors = {};
  for (const id of applicationIds) {
    const parsed = decisionRowInput.safeParse({
      decision: values[rowField("decision", id)],
      amount: values[rowField("amount", id)],
      reason: values[rowField("reason", id)],
      conflict: values[rowField("conflict", id)],
      conflictNote: values[rowField("conflictNote", id)],
    });
    if (parsed.success) rows.push({ applicationId: id, ...parsed.data });
    else for (const [field, error] of Object.entries(issuesToFieldErrors(parsed.error.issues))) errors[rowField(field as "decision", id)] = error;
  }
  return { rows, errors };
}
