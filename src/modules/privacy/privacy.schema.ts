import { z } from "zod";
import { email } from "../../platform/auth/auth.schema.js";

export const dataRequestInput = z.object({ email });

/** Erasing cannot be undone, so the person ticks that they mean it. */
export const eraseInput = z.object({
  token: z.string().min(20).max(200),
  confirm: z.literal("on", "dataRequest.erase.confirmRequired"),
});
