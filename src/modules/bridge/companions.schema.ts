import { z } from "zod";
import { email } from "../../platform/auth/auth.schema.js";
import { optionalDateField } from "../../platform/dates.js";
import { postcodeText } from "../../platform/http/fields.js";
import { LANGUAGES } from "../../platform/i18n/i18n.js";
import { WEEK_SLOTS } from "../../platform/week-slots.js";

/** Where a companion lives, what they speak, when they can, and when they were trained. */
export const companionInput = z.object({
  postcode: postcodeText("bridge.companions.postcode.invalid").transform((v) => v || null),
  languages: z.array(z.enum(LANGUAGES, "validation.invalid")).max(LANGUAGES.length),
  slots: z.array(z.enum(WEEK_SLOTS, "validation.invalid")).max(WEEK_SLOTS.length),
  trainedOn: optionalDateField(),
});
export type CompanionInput = z.output<typeof companionInput>;

/** A person with an account, added to the pool by their e-mail address. */
export const addCompanionInput = companionInput.extend({ email });
export type AddCompanionInput = z.output<typeof addCompanionInput>;

export const COMPANION_LISTS = ["languages", "slots"];

/** The companion chosen from the candidates. */
export const assignCompanionInput = z.object({ companionId: z.string().trim().min(1, "bridge.companion.choose").max(64, "bridge.companion.choose") });
