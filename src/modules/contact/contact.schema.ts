import { z } from "zod";
import { email } from "../../platform/auth/auth.schema.js";
import { checkbox, phoneNumber } from "../../platform/http/fields.js";
import { LANGUAGES } from "../../platform/i18n/i18n.js";

/** The longest message the form takes; a longer one is refused with a clear word, never cut. */
export const MESSAGE_MAX = 4000;

const id = z.string().trim().max(60, "contact.topic.unknown");

/** A citizen's enquiry from the public form. */
// In the form's order, so the error summary lists the problems as the form shows the fields.
export const enquiryInput = z.object({
  topicId: id.min(1, "contact.topic.required"),
  name: z.string().trim().min(1, "contact.form.nameRequired").max(120, "validation.tooLong"),
  email,
  phone: z.string().optional().default("").pipe(phoneNumber()),
  message: z.string().trim().min(1, "contact.form.messageRequired").max(MESSAGE_MAX, "contact.form.messageTooLong"),
});
export type EnquiryInput = z.output<typeof enquiryInput>;

const count = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/, "contact.settings.number")
    .transform(Number)
    .refine((n) => n >= min && n <= max, "contact.settings.number");

/** A topic as the administrator writes it: its name in each language (`name_da` …), the unit, and who answers. */
export const topicInput = z
  .object({
    ...Object.fromEntries(LANGUAGES.map((l) => [`name_${l}`, z.string().trim().max(120, "validation.tooLong").optional().default("")])),
    unitName: z.string().trim().min(1, "contact.topic.unitRequired").max(160, "validation.tooLong"),
    staffUserId: z.string().trim().max(60, "contact.topic.personUnknown").optional().default(""),
    inboxEmail: z
      .string()
      .trim()
      .max(254, "validation.email")
      .optional()
      .default("")
      .refine((v) => v === "" || z.email().safeParse(v).success, "validation.email")
      .transform((v) => v.toLowerCase()),
    position: z
      .string()
      .trim()
      .optional()
      .transform((v) => v ?? "")
      .refine((v) => v === "" || /^\d{1,3}$/.test(v), "contact.settings.number")
      .transform((v) => (v === "" ? 0 : Number(v))),
    active: checkbox,
  })
  .transform((v) => v as { [k: `name_${string}`]: string } & { unitName: string; staffUserId: string; inboxEmail: string; position: number; active: boolean });
export type TopicInput = z.output<typeof topicInput>;

export const settingsInput = z.object({
  answerDays: count(1, 90),
  dayKind: z.enum(["working", "calendar"], "contact.settings.dayKind"),
  escalateDays: count(1, 90),
  keepMonths: count(1, 120),
});
export type SettingsInput = z.output<typeof settingsInput>;

export const answerInput = z.object({ answer: z.string().trim().min(1, "contact.answer.required").max(MESSAGE_MAX, "contact.form.messageTooLong") });
export const noteInput = z.object({ note: z.string().trim().max(MESSAGE_MAX, "contact.form.messageTooLong") });
export const moveInput = z.object({ topicId: id.min(1, "contact.topic.required") });

export const STATUS_FILTERS = ["open", "new", "answered", "closed", "all"] as const;
export const inboxQuery = z.object({ status: z.enum(STATUS_FILTERS).catch("open") });
