import { addDays } from "../../../platform/time/recurrence.js";
import type { Booking, Closure } from "../premises.model.js";

export interface SkippedDate {
  date: string;
  reason: string;
  from: string;
  to: string;
}

/**
 * The dates a series would have had but does not, because the premise (or a building it is part of)
 * was closed then: "22. december 2026 – Juleferie". Dates moved or cancelled later are not skipped;
 * they are still the booking's dates.
 */
export function skippedDates(
  b: Pick<Booking, "startDate" | "everyWeeks" | "untilDate">,
  dates: { localDate: string }[],
  closures: Closure[],
  lineage: ReadonlySet<string>,
): SkippedDate[] {
  if (!b.everyWeeks || !b.untilDate) return [];
  const had = new Set(dates.map((d) => d.localDate));
  const skipped: SkippedDate[] = [];
  for (let date = b.startDate; date <= b.untilDate; date = addDays(date, 7 * b.everyWeeks)) {
    if (had.has(date)) continue;
    const closure = closures.find((c) => lineage.has(c.premiseId) && c.fromDate <= date && date <= c.toDate);
    if (closure) skipped.push({ date, reason: closure.reason, from: closure.fromDate, to: closure.toDate });
  }
  return skipped;
}
