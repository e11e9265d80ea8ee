import { z } from "zod";
import { email } from "../../platform/auth/auth.schema.js";
import { dateField, optionalDateField } from "../../platform/dates.js";
import { phoneNumber } from "../../platform/http/fields.js";
import { TOPICS } from "./counselling.model.js";

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .default("")
    .transform((v) => v || null);
const topic = z.enum(TOPICS, "counselling.topic.required");

/** A new case: for an association of the tenant, or for a new initiative by its name and contact. */
export const newCaseInput = z
  .object({
    kind: z.enum(["association", "initiative"], "counselling.kind.required"),
    associationId: z.string().trim().max(100, "counselling.association.unknown").default(""),
    initiativeName: optional(160),
    contactName: optional(120),
    contactEmail: z
      .string()
      .trim()
      .max(254, "validation.email")
      .default("")
      .refine((v) => v === "" || z.email().safeParse(v).success, "validation.email")
      .transform((v) => v || null),
    topic,
    about: z.string().trim().max(4000, "validation.tooLong").default(""),
    staffId: z.string().trim().max(100, "counselling.staff.unknown").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "association" && !v.associationId) ctx.addIssue({ code: "custom", path: ["associationId"], message: "counselling.association.required" });
    if (v.kind === "initiative" && !v.initiativeName) ctx.addIssue({ code: "custom", path: ["initiativeName"], message: "counselling.initiative.required" });
    if (v.kind === "initiative" && !v.contactEmail) ctx.addIssue({ code: "custom", path: ["contactEmail"], message: "validation.emailRequired" });
  });
export type NewCaseInput = z.output<typeof newCaseInput>;

/** One conversation: when, how long, what was agreed (shared), the internal note (staff only), the next step. */
export const entryInput = z
  .object({
    heldOn: dateField(),
    minutes: z
      .string()
      .trim()
      .regex(/^\d{1,4}$/, "counselling.minutes.invalid")
      .transform(Number)
      .refine((n) => n >= 0 && n <= 1440, "counselling.minutes.invalid"),
    agreed: z.string().trim().max(4000, "validation.tooLong").default(""),
    internalNote: z.string().trim().max(4000, "validation.tooLong").default(""),
    nextStep: optional(500),
    nextStepOn: optionalDateField(),
    responsibleId: z.string().trim().max(100, "counselling.staff.unknown").default(""),
  })
  .superRefine((v, ctx) => {
    if (!v.agreed && !v.internalNote) ctx.addIssue({ code: "custom", path: ["agreed"], message: "counselling.agreed.required" });
    if (v.nextStepOn && !v.nextStep) ctx.addIssue({ code: "custom", path: ["nextStep"], message: "counselling.nextStep.required" });
  });
export type EntryInput = z.output<typeof entryInput>;

/** "Book a conversation" on the start-up page. */
export const startInput = z.object({
  name: z.string().trim().min(1, "validation.nameRequired").max(120, "validation.tooLong"),
  email,
  phone: phoneNumber(),
  about: z.string().trim().min(1, "counselling.start.about.required").max(4000, "validation.tooLong"),
});
export type StartInput = z.output<typeof startInput>;

export const statusInput = z.object({});
