import { z } from "zod";
import { dateField, optionalDateField } from "../../platform/dates.js";
import { phoneNumber } from "../../platform/http/fields.js";
import { SKILLS } from "./experts.model.js";

export const DESCRIPTION_MAX = 1000;

/** Signing up as an expert, or changing what one offers. */
export const expertInput = z.object({
  skills: z.array(z.enum(SKILLS, "experts.skills.required")).min(1, "experts.skills.required"),
  experience: z.string().trim().min(1, "experts.experience.required").max(1000, "validation.tooLong"),
  hoursPerMonth: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.coerce
      .number("experts.hoursPerMonth.invalid")
      .int("experts.hoursPerMonth.invalid")
      .min(1, "experts.hoursPerMonth.invalid")
      .max(160, "experts.hoursPerMonth.invalid"),
  ),
  phone: phoneNumber(),
});
export type ExpertInput = z.output<typeof expertInput>;
export const EXPERT_LISTS = ["skills"];

export const statusInput = z.object({ status: z.enum(["active", "paused"], "validation.invalid") });

/** A board asks for help. */
export const requestInput = z.object({
  association: z.string().trim().min(1, "experts.association.required").max(100, "experts.association.required"),
  skill: z.enum(SKILLS, "experts.skill.required"),
  description: z.string().trim().min(1, "experts.description.required").max(DESCRIPTION_MAX, "experts.description.tooLong"),
  neededBy: optionalDateField(),
});
export type RequestInput = z.output<typeof requestInput>;

export const proposeInput = z.object({ expert: z.string().trim().min(1, "validation.invalid").max(100, "validation.invalid") });

export const answerInput = z.object({ answer: z.enum(["accept", "decline"], "validation.invalid") });

/** Hours as people write them: "2", "1,5", "1.5"; more than nothing and at most a day. Kept as minutes. */
export const hoursInput = z
  .object({
    onDate: dateField(),
    hours: z
      .string()
      .trim()
      .max(10, "experts.hours.invalid")
      .transform((v) => (/^\d+([.,]\d+)?$/.test(v) ? Math.round(Number(v.replace(",", ".")) * 60) : Number.NaN))
      .refine((m) => Number.isFinite(m) && m >= 1 && m <= 24 * 60, "experts.hours.invalid"),
    what: z.string().trim().min(1, "experts.hours.what.required").max(300, "validation.tooLong"),
  })
  .transform(({ hours, ...rest }) => ({ ...rest, minutes: hours }));
export type HoursInput = z.output<typeof hoursInput>;

export const rateInput = z.object({
  rating: z.enum(["1", "2", "3", "4", "5"], "experts.rating.required").transform(Number),
  comment: z.string().trim().min(1, "experts.comment.required").max(300, "validation.tooLong"),
});
export type RateInput = z.output<typeof rateInput>;
