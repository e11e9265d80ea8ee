import type { MessageKey } from "../../platform/i18n/i18n.js";
import type { EventKind } from "./events.model.js";

/** What each kind of event is called on the calendar, in its feeds and in search. */
export const kindLabels: Record<EventKind, MessageKey> = {
  course: "calendar.kind.course",
  theme_meeting: "calendar.kind.theme_meeting",
  network_meeting: "calendar.kind.network_meeting",
  regional_gathering: "calendar.kind.regional_gathering",
  social: "calendar.kind.social",
  fair: "calendar.kind.fair",
};
