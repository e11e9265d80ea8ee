import { z } from "zod";
import { moneyField } from "../../platform/http/fields.js";
import { type Criterion, MAX_SCORE } from "./grants.model.js";

const note = (max = 4000) => z.string().trim().max(max, "validation.tooLong").default("");

/** A caseworker's word on a conflict of interest: none, or one with what it is. */
export const declarationInput = z
  .object({ conflict: z.enum(["no", "yes"], "grants.assess.conflict.required"), conflictNote: note(1000) })
  .superRefine((v, ctx) => {
    if (v.conflict === "yes" && !v.conflictNote) ctx.addIssue({ code: "custom", path: ["conflictNote"], message: "grants.assess.conflict.noteRequired" });
  });
export type DeclarationInput = z.output<typeof declarationInput>;

/** The verdict on eligibility; its note is required by the service when the verdict is "not eligible" or goes against a failed check. */
export const eligibilityInput = z.object({ verdict: z.enum(["eligible", "not_eligible"], "grants.assess.verdict.required"), verdictNote: note() });
export type EligibilityInput = z.output<typeof eligibilityInput>;

/** The form field of a criterion's score. */
export const scoreField = (key: string) => `score_${key}`;

/** One score 0–MAX_SCORE for each of the scheme's criteria. */
export const scoresInput = (criteria: readonly Criterion[]) =>
  z.object(
    Object.fromEntries(
      criteria.map((c) => [
        scoreField(c.key),
        z
          .string("grants.assess.score.required")
          .trim()
          .min(1, "grants.assess.score.required")
          .regex(/^\d+$/, "grants.assess.score.range")
          .transform(Number)
          .pipe(z.number().int().min(0, "grants.assess.score.range").max(MAX_SCORE, "grants.assess.score.range")),
      ]),
    ),
  );

/** The recommended sum and why; the service holds it to the sum asked for and the scheme's maximum. */
export const recommendInput = z.object({ amount: moneyField(), recommendation: note() });
export type RecommendInput = z.output<typeof recommendInput>;

export const noteInput = z.object({
  body: z.string("grants.assess.note.required").trim().min(1, "grants.assess.note.required").max(4000, "validation.tooLong"),
});

/** A question back to the applicant, and the form's fields it opens again. */
export const questionInput = z.object({
  question: z.string("grants.assess.question.required").trim().min(1, "grants.assess.question.required").max(4000, "validation.tooLong"),
  fields: z.array(z.string().max(40)).max(100).default([]),
});
export type QuestionInput = z.output<typeof questionInput>;
export const QUESTION_LISTS = ["fields"];
