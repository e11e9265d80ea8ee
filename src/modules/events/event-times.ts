import type { Formats } from "../../platform/i18n/format.js";
import { localTime, localToday } from "../../platform/time/recurrence.js";
import type { EventSession } from "./events.model.js";

/** "tirsdag 1. december 2026, 18.00–20.00" in the reader's language and the tenant's zone. */
export const sessionText = (f: Formats, zone: string, s: Pick<EventSession, "startsAt" | "endsAt">): string =>
  `${f.dateWithWeekday(localToday(new Date(s.startsAt), zone))}, ${f.timeRange(localTime(new Date(s.startsAt), zone), localTime(new Date(s.endsAt), zone))}`;
