import { Temporal } from "temporal-polyfill";
import type { ContactSettings } from "./contact.model.js";

/**
 * The moment an enquiry should have its answer: the tenant's number of days after it came, counted
 * in the tenant's zone at the same wall-clock time; with working days, Saturdays and Sundays do not count.
 */
export function answerDeadline(receivedAt: string, settings: Pick<ContactSettings, "answerDays" | "workingDays">, zone: string): string {
  let at = Temporal.Instant.from(receivedAt).toZonedDateTimeISO(zone);
  if (!settings.workingDays) return at.add({ days: settings.answerDays }).toInstant().toString();
  let left = settings.answerDays;
  while (left > 0) {
    at = at.add({ days: 1 });
    if (at.dayOfWeek <= 5) left--;
  }
  return at.toInstant().toString();
}

/** The calendar day an instant falls on in the tenant's zone ("2026-12-01"), for mails that name the day. */
export const localDay = (instant: string, zone: string): string => Temporal.Instant.from(instant).toZonedDateTimeISO(zone).toPlainDate().toString();

/** The moment `days` days before now, or `months` months before now, in the tenant's zone. */
export function monthsBefore(now: Date, months: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone).subtract({ months }).toInstant().toString();
}
