import { z } from "zod";
import { email } from "../../platform/auth/auth.schema.js";
import { optionalDateField } from "../../platform/dates.js";
import { checkbox, postcodeText } from "../../platform/http/fields.js";
import { LANGUAGES } from "../../platform/i18n/i18n.js";
import { WEEK_SLOTS } from "../../platform/week-slots.js";
import { COMMITMENTS, SETTINGS, SUITS } from "./opportunities.model.js";

const isoDay = optionalDateField();

const optionalInt = (min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max), "validation.number")
    .transform((v) => (v === "" ? null : Number(v)));

/** A posting as the association writes it. The checklist judges its quality; this only judges its form. */
export const opportunityInput = z
  .object({
    title: z.string().trim().min(3, "opportunity.title.required").max(120, "validation.tooLong"),
    categoryId: z.string().trim().min(1, "opportunity.category.required"),
    tasks: z.string().trim().min(1, "opportunity.tasks.required").max(4000, "validation.tooLong"),
    benefits: z.string().trim().max(2000, "validation.tooLong"),
    commitment: z.enum(COMMITMENTS, "opportunity.commitment.required"),
    hoursPerWeek: optionalInt(1, 40),
    oneOffDate: isoDay,
    place: z.string().trim().max(200, "validation.tooLong"),
    postcode: postcodeText("opportunity.postcode.invalid"),
    remote: checkbox,
    startDate: isoDay,
    needsCertificate: checkbox,
    minAge: optionalInt(0, 99),
    languages: z.array(z.enum(LANGUAGES, "validation.invalid")),
    suits: z.array(z.enum(SUITS, "validation.invalid")),
    slots: z.array(z.enum(WEEK_SLOTS, "validation.invalid")).default([]),
    setting: z.enum(SETTINGS, "validation.invalid").default("any"),
    stepFree: checkbox,
    contactName: z.string().trim().min(1, "opportunity.contactName.required").max(120, "validation.tooLong"),
    contactEmail: email,
    expiresOn: isoDay.refine((v) => v !== null, "opportunity.expiresOn.required"),
  })
  .refine((o) => o.commitment !== "one_off" || o.oneOffDate, { path: ["oneOffDate"], message: "opportunity.oneOffDate.required" });

export type OpportunityInput = z.output<typeof opportunityInput>;
export const LIST_FIELDS = ["languages", "suits", "slots"];

/** The moderator's decision: the one schema every moderation queue shares. */
export { decisionInput as reviewInput } from "../../platform/moderation/decision.schema.js";
