import { z } from "zod";
import { postcodeText } from "../../platform/http/fields.js";
import { LANGUAGES } from "../../platform/i18n/i18n.js";
import { WEEK_SLOTS } from "../../platform/week-slots.js";
import { CONSENT_COPY, CONSENT_HOW, NEEDS, PURPOSES, SHARE_FIELDS, SOURCE_UNITS, SOURCES } from "./bridge.model.js";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s()-]{6,}$/;

/** An e-mail address or a telephone number, as people write them. */
export const isEmail = (contact: string) => EMAIL.test(contact);
const contactField = z
  .string("bridge.contact.required")
  .trim()
  .min(1, "bridge.contact.required")
  .max(254, "validation.tooLong")
  .refine((v) => EMAIL.test(v) || PHONE.test(v), "bridge.contact.invalid");

const text = (max: number) => z.string().trim().max(max, "validation.tooLong").default("");
/** A group of checkboxes: each code once, however often the form sent it. */
const once = <T>(list: z.ZodType<T[]>) => list.transform((v) => [...new Set(v)]);

/** The consent block, on the referral form and on the case's own consent page. */
const consentFields = {
  purposes: once(z.array(z.enum(PURPOSES, "validation.invalid")).default([])),
  how: z
    .enum(CONSENT_HOW, "bridge.consent.how.required")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  copy: z
    .enum(CONSENT_COPY, "bridge.consent.copy.required")
    .optional()
    .or(z.literal("").transform(() => undefined)),
};

export const consentInput = z.object({ ...consentFields, reason: text(2000) }).superRefine((v, ctx) => {
  if (!v.purposes.includes("bridge_building")) ctx.addIssue({ code: "custom", path: ["purposes"], message: "bridge.consent.purposes.required" });
  if (!v.how) ctx.addIssue({ code: "custom", path: ["how"], message: "bridge.consent.how.required" });
  if (!v.copy) ctx.addIssue({ code: "custom", path: ["copy"], message: "bridge.consent.copy.required" });
});
export type ConsentInput = z.output<typeof consentInput>;

export const referInput = z
  .object({
    source: z
      .enum(SOURCES, "validation.invalid")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    sourceUnit: z
      .enum(SOURCE_UNITS, "validation.invalid")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    firstName: z.string("bridge.firstName.required").trim().min(1, "bridge.firstName.required").max(80, "validation.tooLong"),
    contact: contactField,
    language: z
      .enum(LANGUAGES, "validation.invalid")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    consent: z.enum(["yes", "no"], "bridge.consent.given.required"),
    ...consentFields,
    reason: text(2000),
  })
  .superRefine((v, ctx) => {
    if (v.consent !== "yes") return;
    if (!v.purposes.includes("bridge_building")) ctx.addIssue({ code: "custom", path: ["purposes"], message: "bridge.consent.purposes.required" });
    if (!v.copy) ctx.addIssue({ code: "custom", path: ["copy"], message: "bridge.consent.copy.required" });
    if (v.copy === "email" && !isEmail(v.contact)) ctx.addIssue({ code: "custom", path: ["copy"], message: "bridge.consent.copy.needsEmail" });
  });
export type ReferInput = z.output<typeof referInput>;
export const REFER_LISTS = ["purposes"];

export const intakeInput = z.object({
  wishes: text(2000),
  interests: once(z.array(z.string().trim().min(1).max(80)).max(40).default([])),
  resources: text(2000),
  needs: once(z.array(z.enum(NEEDS, "validation.invalid")).default([])),
  notes: text(4000),
  slots: once(z.array(z.enum(WEEK_SLOTS, "validation.invalid")).default([])),
  postcode: postcodeText("search.near.unknown").transform((v) => v || null),
  languages: once(z.array(z.enum(LANGUAGES, "validation.invalid")).default([])),
  /** What the association may be told, when the person agreed that something may be shared. */
  shareFields: once(z.array(z.enum(SHARE_FIELDS, "validation.invalid")).default([])),
});
export type IntakeInput = z.output<typeof intakeInput>;
export const INTAKE_LISTS = ["interests", "needs", "slots", "languages", "shareFields"];

export const noteInput = z.object({
  body: z.string("bridge.note.required").trim().min(1, "bridge.note.required").max(4000, "validation.tooLong"),
});

export const shareInput = z.object({ userId: z.string("bridge.share.required").trim().min(1, "bridge.share.required").max(64, "bridge.share.required") });
