import { z } from "zod";
import { OUTCOMES } from "./bridge.model.js";

const MAX_TEXT = 2000;

/** What a follow-up found: still coming, came and stopped, never started; why; the person's own words if they want. */
export const followUpInput = z
  .object({
    followUpId: z.string().trim().min(1, "validation.invalid").max(64, "validation.invalid"),
    outcome: z.enum(OUTCOMES, "bridge.followUp.outcome.required"),
    why: z.string().trim().max(MAX_TEXT, "validation.tooLong"),
    personWords: z.string().trim().max(MAX_TEXT, "validation.tooLong"),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== "still_coming" && v.why === "") ctx.addIssue({ code: "custom", path: ["why"], message: "bridge.followUp.why.required" });
  });
export type FollowUpInput = z.output<typeof followUpInput>;

const MONTHS = /^\s*\d{1,2}(\s*[,;]\s*\d{1,2})*\s*$/;

/** The centre's choices: the follow-up months ("1, 3, 6"), the months a case is kept after the last, the welcome list. */
export const settingsInput = z.object({
  followUpMonths: z
    .string()
    .trim()
    .refine((v) => MONTHS.test(v), "bridge.settings.months.invalid")
    .transform((v) => [...new Set(v.split(/[,;]/).map((m) => Number(m.trim())))].sort((a, b) => a - b))
    .refine((ms) => ms.length <= 6 && ms.every((m) => m >= 1 && m <= 36), "bridge.settings.months.invalid"),
  retentionMonths: z.coerce
    .number("bridge.settings.retention.invalid")
    .int("bridge.settings.retention.invalid")
    .min(1, "bridge.settings.retention.invalid")
    .max(60, "bridge.settings.retention.invalid"),
  welcomeItems: z
    .string()
    .max(4000, "validation.tooLong")
    .transform((v) =>
      v
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .refine((items) => items.length <= 15, "bridge.settings.welcome.tooMany")
    .refine((items) => items.every((i) => i.length <= 200), "bridge.settings.welcome.tooLong"),
});
export type SettingsInput = z.output<typeof settingsInput>;
