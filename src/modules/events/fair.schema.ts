import { z } from "zod";
import { email } from "../../platform/auth/auth.schema.js";
import { optionalDateField, parseDate } from "../../platform/dates.js";
import { checkbox } from "../../platform/http/fields.js";
import { STAND_SIZES, type StandSize } from "./fair.model.js";

const optionalId = z
  .string()
  .trim()
  .max(60, "validation.invalid")
  .optional()
  .transform((v) => v || null);

/** An association's application for a stand: which association (when the admin runs several), and what it needs and shows. */
export const standInput = z.object({
  associationId: optionalId,
  categoryId: optionalId,
  size: z.enum(STAND_SIZES as [StandSize, ...StandSize[]], "fair.size.required"),
  needsPower: checkbox,
  needsTable: checkbox,
  shows: z.string().trim().min(3, "fair.shows.required").max(600, "validation.tooLong"),
});
export type StandInput = z.output<typeof standInput>;

export const standActionInput = z.object({ associationId: optionalId });

/** The stand numbers as the staff's list sends them: one field `number_<stand id>` per stand. */
export const standNumbersInput = z
  .record(z.string(), z.string().trim().max(12, "fair.number.tooLong"))
  .transform((fields) =>
    Object.fromEntries(Object.entries(fields).flatMap(([k, v]) => (k.startsWith("number_") ? [[k.slice("number_".length), v || null]] : []))),
  );
export const numberField = (standId: string) => `number_${standId}`;

/** A visitor's interest at a stand: their address, perhaps a name, the jobs they want to hear about and a line, and consent. */
export const leadInput = z.object({
  email,
  name: z
    .string()
    .trim()
    .max(120, "validation.tooLong")
    .optional()
    .transform((v) => v || null),
  jobs: z.array(z.string().trim().max(60)).max(50, "validation.invalid").default([]),
  other: z.string().trim().max(300, "validation.tooLong").default(""),
  consent: checkbox.refine((v) => v, "fair.lead.consentRequired"),
});
export type LeadInput = z.output<typeof leadInput>;
export const LEAD_LISTS = ["jobs"];

/** An agreement made at the fair: the associations in it, the other parties in words, what was agreed, and when to follow up. */
export const agreementInput = z
  .object({
    associations: z.array(z.string().trim().max(60)).max(50, "validation.invalid").default([]),
    others: z.string().trim().max(300, "validation.tooLong").default(""),
    agreed: z.string().trim().min(3, "fair.agreement.agreedRequired").max(2000, "validation.tooLong"),
    followUpOn: optionalDateField(),
  })
  .transform((v) => ({ ...v, followUpOn: v.followUpOn ? parseDate(v.followUpOn) : null }))
  .refine((v) => v.associations.length > 0 || v.others.length > 0, { message: "fair.agreement.partiesRequired", path: ["others"] });
export type AgreementInput = z.output<typeof agreementInput>;
export const AGREEMENT_LISTS = ["associations"];
