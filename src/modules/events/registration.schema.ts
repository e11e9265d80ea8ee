import { z } from "zod";
import { email } from "../../platform/auth/auth.schema.js";
import { checkbox, phoneNumber } from "../../platform/http/fields.js";

const ANSWER = "answer_";
const personName = z.string().trim().min(1, "validation.nameRequired").max(120, "validation.tooLong");

/**
 * A registration as the form sends it: the person, the names of those they register with them (blank rows
 * left out) and an answer per extra question, in fields named `answer_<question id>`.
 */
export const registrationInput = z
  .object({
    name: personName,
    email,
    phone: phoneNumber(),
    others: z
      .array(z.string().trim().max(120, "validation.tooLong"))
      .max(10, "validation.invalid")
      .default([])
      .transform((names) => names.filter(Boolean)),
    associationId: z
      .string()
      .trim()
      .max(40)
      .optional()
      .transform((v) => v || null),
  })
  .catchall(z.string().max(500, "validation.tooLong"))
  .transform(({ name, email, phone, others, associationId, ...rest }) => ({
    name,
    email,
    phone,
    others,
    associationId,
    answers: Object.fromEntries(Object.entries(rest).flatMap(([k, v]) => (k.startsWith(ANSWER) && typeof v === "string" ? [[k.slice(ANSWER.length), v]] : []))),
  }));
export type RegistrationInput = z.output<typeof registrationInput>;
export const REGISTRATION_LISTS = ["others"];

/** An organiser's registration by hand: the same, and whether to go beyond the capacity. */
export const handRegistrationInput = z.object({ overbook: checkbox }).passthrough();

/** Which of the group's people a cancellation or an acceptance is about. */
export const groupActionInput = z.object({
  key: z.string().min(10, "error.linkInvalid").max(300, "error.linkInvalid"),
  registration: z.string().trim().max(40).optional(),
});
export const answerField = (questionId: string) => `${ANSWER}${questionId}`;

/** The attendance form: the session and the ids of those present (ticked). */
export const attendanceInput = z.object({
  session: z.string().trim().min(1, "validation.invalid").max(40, "validation.invalid"),
  present: z.array(z.string().max(40)).max(2000).default([]),
});
