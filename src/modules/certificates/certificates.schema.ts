import { z } from "zod";
import { email } from "../../platform/auth/auth.schema.js";
import { dateField, optionalDateField } from "../../platform/dates.js";
import { OUTCOMES } from "./certificates.model.js";

/** Practicalities only; the hint under the field says never to write what a certificate says. */
const note = z.string().trim().max(500, "validation.tooLong").default("");

/** A request recorded for a volunteer: who, for which job (optional), on which day. */
export const requestInput = z.object({
  association: z.string().trim().min(1, "certificates.association.required"),
  name: z.string().trim().min(1, "validation.nameRequired").max(120, "validation.tooLong"),
  email,
  opportunity: z.string().trim().default(""),
  requestedOn: dateField(),
  note,
});
export type RequestInput = z.output<typeof requestInput>;

/** The volunteer's consent: the day they gave it, and the day it lapses (by default a fixed number of days later). */
export const consentInput = z.object({ consentedOn: dateField(), lapsesOn: optionalDateField() });
export type ConsentInput = z.output<typeof consentInput>;

/** The assessment: one of two outcomes and the day; nothing of what the certificate says. */
export const assessmentInput = z.object({
  outcome: z.enum(OUTCOMES, "certificates.outcome.required"),
  assessedOn: dateField(),
});
export type AssessmentInput = z.output<typeof assessmentInput>;

/** The months between an assessment and the renewal. */
export const settingsInput = z.object({
  renewalMonths: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, "certificates.settings.months.range")
    .transform(Number)
    .pipe(z.number().int().min(6, "certificates.settings.months.range").max(120, "certificates.settings.months.range")),
});
