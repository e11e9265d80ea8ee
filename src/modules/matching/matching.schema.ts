import { z } from "zod";
import { email, tokenInput } from "../../platform/auth/auth.schema.js";
import { postcodeText } from "../../platform/http/fields.js";
import { LANGUAGES } from "../../platform/i18n/i18n.js";
import { WEEK_SLOTS } from "../../platform/week-slots.js";
import { NEEDS, RHYTHMS, SETTINGS } from "./matching.model.js";

export const MAX_KM = [2, 5, 10, 25, 50] as const;

export const profileInput = z.object({
  interests: z.array(z.string().trim().min(1).max(80)).max(40),
  skills: z.string().trim().max(500, "validation.tooLong"),
  slots: z.array(z.enum(WEEK_SLOTS, "validation.invalid")),
  postcode: postcodeText("search.near.unknown").transform((v) => v || null),
  maxKm: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number()
      .refine((n) => (MAX_KM as readonly number[]).includes(n), "search.within.invalid")
      .optional(),
  ),
  languages: z.array(z.enum(LANGUAGES, "validation.invalid")),
  needs: z.array(z.enum(NEEDS, "validation.invalid")),
  setting: z.enum(SETTINGS, "validation.invalid").default("any"),
  rhythm: z.enum(RHYTHMS, "validation.invalid").default("any"),
});
export type ProfileInput = z.output<typeof profileInput>;
export const PROFILE_LISTS = ["interests", "slots", "languages", "needs"];

export const consentInput = z.object({
  email,
  consent: z.literal("on", "matching.consent.required"),
  note: z.string().trim().min(1, "matching.consent.noteRequired").max(500, "validation.tooLong"),
});

export const consentAnswerInput = tokenInput.extend({ answer: z.enum(["yes", "no"], "validation.invalid") });
