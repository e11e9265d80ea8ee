import { DAY_MS } from "../../platform/clock.js";
import type { Lang } from "../../platform/i18n/i18n.js";
import type { Translations } from "../../platform/i18n/localized.js";

export type OfferKind = "activity" | "help";
export type OfferStatus = "pending" | "published" | "rejected";

/** What an association writes about an activity or an offer of help. */
export interface OfferContent {
  kind: OfferKind;
  title: string;
  description: string;
  categoryId: string | null;
  /** Target group codes ("bereaved", "seniors"). */
  targetGroups: string[];
  placeName: string | null;
  address: string | null;
  postcode: string | null;
  online: boolean;
  /** Week slots ("tue-morning"); empty for one-offs and "when you like". */
  slots: string[];
  /** When, in the association's words: "Hver tirsdag kl. 10-12", "Lørdag 14. juni". */
  timeText: string;
  /** step_free, accessible_toilet, hearing_loop. */
  accessibility: string[];
  languages: string[];
  price: "free" | "cost";
  priceText: string | null;
  contactEmail: string;
  contactPhone: string | null;
  linkUrl: string | null;
}

/** The offer's own fields in the order its form asks for them; a change is shown and audited field by field in this order. */
export const OFFER_FIELDS = [
  "kind",
  "title",
  "description",
  "categoryId",
  "targetGroups",
  "placeName",
  "address",
  "postcode",
  "online",
  "timeText",
  "slots",
  "accessibility",
  "languages",
  "price",
  "priceText",
  "contactEmail",
  "contactPhone",
  "linkUrl",
] as const satisfies readonly (keyof OfferContent)[];

/** Where an offer stands: moderated, confirmed yearly, hidden when nobody confirms it. */
export interface OfferState {
  status: OfferStatus;
  reviewNote: string | null;
  updatedAt: string;
  confirmedAt: string;
  staleNotifiedAt: string | null;
  hiddenAt: string | null;
}

/** An offer as services and pages see it, with its association's name and its category. */
export interface Offer extends OfferContent, OfferState {
  id: string;
  tenantId: string;
  associationId: string;
  associationName: string;
  category: { code: string; labels: Partial<Record<Lang, string>> } | null;
  createdAt: string;
  /** The title, description and time in other languages, for readers of those. */
  translations?: Translations<"title" | "description" | "timeText">;
}

/** Shown to everyone: approved, and not hidden for want of a yearly confirmation. */
export const isPublic = (o: Pick<Offer, "status" | "hiddenAt">) => o.status === "published" && o.hiddenAt === null;

/** A page nobody has confirmed for this long may be out of date; its association is asked, and it is hidden in the end. */
export const STALE_AFTER_DAYS = 365;
export const staleSince = (now: Date) => new Date(now.getTime() - STALE_AFTER_DAYS * DAY_MS).toISOString();

/** The category's name in this language, else in Danish, else its code. */
export const categoryName = (category: Offer["category"], lang: Lang) => (category ? (category.labels[lang] ?? category.labels.da ?? category.code) : null);
