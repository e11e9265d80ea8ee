import { z } from "zod";

/** A moderator's decision with a note to the association (needed to say no, which the service checks). */
export const decisionInput = z.object({
  decision: z.enum(["approve", "reject"], "validation.invalid"),
  note: z.string().trim().max(1000, "validation.tooLong"),
});
