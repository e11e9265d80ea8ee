import { z } from "zod";
import { email } from "../../platform/auth/auth.schema.js";
import { checkbox, postcodeText, webAddress } from "../../platform/http/fields.js";
import { LANGUAGES } from "../../platform/i18n/i18n.js";
import { ACCESSIBILITY, PRICES } from "../../platform/search/labels.js";
import { WEEK_SLOTS } from "../../platform/week-slots.js";

export const OFFER_KINDS = ["activity", "help"] as const;

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .transform((v) => v || null);

/** An activity or offer of help as the association describes it. */
export const offerInput = z
  .object({
    kind: z.enum(OFFER_KINDS, "validation.invalid"),
    title: z.string().trim().min(3, "offer.title.required").max(120, "validation.tooLong"),
    description: z.string().trim().min(20, "offer.description.required").max(4000, "validation.tooLong"),
    categoryId: z.string().trim().min(1, "opportunity.category.required"),
    targetGroups: z.array(z.string().trim().min(1).max(80)).max(20),
    placeName: optional(200),
    address: optional(200),
    postcode: postcodeText("opportunity.postcode.invalid").transform((v) => v || null),
    online: checkbox,
    slots: z.array(z.enum(WEEK_SLOTS, "validation.invalid")).default([]),
    timeText: z.string().trim().min(2, "offer.timeText.required").max(200, "validation.tooLong"),
    accessibility: z.array(z.enum(ACCESSIBILITY, "validation.invalid")).default([]),
    languages: z.array(z.enum(LANGUAGES, "validation.invalid")).default([]),
    price: z.enum(PRICES, "validation.invalid"),
    priceText: optional(200),
    contactEmail: email,
    contactPhone: optional(30),
    linkUrl: webAddress("offer.link.invalid"),
  })
  .refine((o) => o.online || o.postcode, { path: ["postcode"], message: "offer.place.required" });
export type OfferInput = z.output<typeof offerInput>;
const LISTS = ["targetGroups", "slots", "accessibility", "languages"] as const;
export const OFFER_LISTS: string[] = [...LISTS];
/** What is ticked in the form's lists of checkboxes. */
export type OfferChoices = Record<(typeof LISTS)[number], string[]>;
