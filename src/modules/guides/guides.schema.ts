import { z } from "zod";
import { LANGUAGES, type Lang } from "../../platform/i18n/i18n.js";
import { GUIDE_CATEGORIES, GUIDE_STATUSES } from "./guides.model.js";

export const GUIDE_TEXTS = ["title", "summary", "body"] as const;
export type GuideTextField = (typeof GUIDE_TEXTS)[number];
export const GUIDE_MAX = { title: 150, summary: 400, body: 40_000 } as const;

const text = (max: number) => z.string().trim().max(max, "validation.tooLong").default("");
/** What the error summary says of an empty text: the field by name, since the summary stands apart from the form. */
export const MISSING = { title: "guides.title.missing", summary: "guides.summary.missing", body: "guides.body.missing" } as const;
const required = (field: GuideTextField) => z.string().trim().min(1, MISSING[field]).max(GUIDE_MAX[field], "validation.tooLong");

/** Every other language's texts, `title_en`, `body_nb`…; the service keeps those of the tenant's languages. */
const translationFields = Object.fromEntries(LANGUAGES.flatMap((l) => GUIDE_TEXTS.map((f) => [`${f}_${l}`, text(GUIDE_MAX[f])]))) as Record<
  `${GuideTextField}_${Lang}`,
  z.ZodDefault<z.ZodString>
>;

/** A guide as the form sends it: the texts in the tenant's default language (required), the others optional. */
export const guideInput = z.object({
  title: required("title"),
  summary: required("summary"),
  body: required("body"),
  category: z.enum(GUIDE_CATEGORIES, "guides.category.unknown"),
  status: z.enum(GUIDE_STATUSES, "validation.invalid"),
  ...translationFields,
});
export type GuideInput = z.output<typeof guideInput>;

export const guideListQuery = z.object({
  category: z.enum(GUIDE_CATEGORIES).optional().catch(undefined),
});
