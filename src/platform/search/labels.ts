import type { MessageKey } from "../i18n/i18n.js";
import type { SearchKind } from "./documents.js";

/** What each kind of search result is called, wherever one is shown. */
export const kindLabels: Record<SearchKind, MessageKey> = {
  association: "search.kind.association",
  offer: "search.kind.offer",
  opportunity: "search.kind.opportunity",
  event: "search.kind.event",
  guide: "search.kind.guide",
};

/** How a place or an offer meets people; `supported_welcome`: the association welcomes people who come with support ("tryg velkomst"). */
export const ACCESSIBILITY = ["step_free", "accessible_toilet", "hearing_loop", "supported_welcome"] as const;
export const accessibilityLabels: Record<(typeof ACCESSIBILITY)[number], MessageKey> = {
  step_free: "search.accessibility.step_free",
  accessible_toilet: "search.accessibility.accessible_toilet",
  hearing_loop: "search.accessibility.hearing_loop",
  supported_welcome: "search.accessibility.supported_welcome",
};

export const PRICES = ["free", "cost"] as const;
export const priceLabels: Record<(typeof PRICES)[number], MessageKey> = { free: "search.price.free", cost: "search.price.cost" };

/** A label for a value that came from storage, where an unknown value shows as itself. */
export const labelOf = (labels: Record<string, MessageKey>, value: string, t: (key: MessageKey) => string) => (labels[value] ? t(labels[value]) : value);
