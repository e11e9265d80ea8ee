import { z } from "zod";
import { email } from "../../platform/auth/auth.schema.js";

export const draftInput = z.object({
  subject: z.string().trim().min(1, "newsletters.subject.required").max(200, "validation.tooLong"),
  body: z.string().trim().max(50_000, "validation.tooLong").default(""),
  segment: z.string().trim().min(1, "newsletters.segment.required").max(80, "newsletters.segment.unknown"),
});
export type DraftInput = z.output<typeof draftInput>;

export const subscribeInput = z.object({ email });
export const tokenInput = z.object({
  token: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, "error.linkInvalid"),
});
