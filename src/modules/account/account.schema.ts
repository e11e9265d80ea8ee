import { z } from "zod";
import { LANGUAGES } from "../../platform/i18n/i18n.js";

export const profileInput = z.object({
  name: z.string().trim().min(1, "validation.nameRequired").max(120, "validation.tooLong"),
  language: z.enum(LANGUAGES, "validation.invalid"),
});
