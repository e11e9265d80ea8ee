import type { Formats } from "../../platform/i18n/format.js";
import { localDateOf, localTimeOf } from "./calendar-dates.js";
import type { EventSession } from "./events.model.js";

/** "tirsdag 1. december 2026, 18.00–20.00" in the reader's language and the tenant's zone. */
export const sessionText = (f: Formats, zone: string, s: Pick<EventSession, "startsAt" | "endsAt">): string =>
  `${f.dateWithWeekday(localDateOf(s.startsAt, zone))}, ${f.timeRange(localTimeOf(s.startsAt, zone), localTimeOf(s.endsAt, zone))}`;
