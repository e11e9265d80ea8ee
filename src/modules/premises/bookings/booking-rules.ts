import type { FieldErrors } from "../../../platform/http/errors.js";
import { addDays, expand, localToday, minutesBetween, type Occurrence, type Series } from "../../../platform/time/recurrence.js";
import { hoursOn, type PremiseTree } from "../premise-tree.js";
import type { BookingDate, Closure, OpeningHours, Premise } from "../premises.model.js";
import type { BookingInput } from "../premises.schema.js";

/** Adds a field's error unless the field already has one: the first rule a field breaks is the one shown. */
const note = (errors: FieldErrors, field: string, error: FieldErrors[string]) => {
  errors[field] ??= error;
};

/**
 * What is wrong with a request before anyone else's bookings are looked at: the premise's rules,
 * its opening hours and its closures. A series skips the dates the premise is closed.
 */
export function checkRules(
  tree: PremiseTree,
  premise: Premise,
  hours: OpeningHours[],
  closures: Closure[],
  input: BookingInput,
  occurrences: Occurrence[],
  now: Date,
  zone: string,
): { errors: FieldErrors; dates: Occurrence[]; skipped: string[] } {
  const errors: FieldErrors = {};
  const today = localToday(now, zone);
  const length = minutesBetween(input.start, input.end);
  if (!premise.bookable) note(errors, "premise", "booking.notBookable");
  if (premise.capacity !== null && input.participants > premise.capacity)
    note(errors, "participants", { key: "booking.tooMany", values: { capacity: premise.capacity } });
  if (length < premise.minMinutes) note(errors, "end", { key: "booking.tooShort", values: { minutes: premise.minMinutes } });
  if (length > premise.maxMinutes) note(errors, "end", { key: "booking.tooLong", values: { hours: premise.maxMinutes / 60 } });
  const first = occurrences[0];
  if (first && first.startsAt.getTime() < now.getTime()) note(errors, "date", { key: "booking.past", values: { today } });
  const lastDay = addDays(today, premise.maxDaysAhead);
  if (input.date > lastDay) note(errors, "date", { key: "booking.tooFarAhead", values: { date: lastDay } });
  if (input.repeat !== "none" && input.until > addDays(input.date, 366)) note(errors, "until", "booking.seriesTooLong");

  const lineage = new Set(tree.lineage(premise.id).map((p) => p.id));
  const closedOn = (date: string) => closures.find((c) => lineage.has(c.premiseId) && c.fromDate <= date && date <= c.toDate);
  const dates: Occurrence[] = [];
  const skipped: string[] = [];
  for (const o of occurrences) {
    const open = hoursOn(tree, hours, premise.id, o.localDate);
    if (!open) {
      note(errors, "date", "booking.closedThatDay");
      break;
    }
    if (input.start < open.opens || input.end > open.closes) {
      note(errors, "start", { key: "booking.outsideHours", values: { opens: open.opens, closes: open.closes } });
      break;
    }
    const closure = closedOn(o.localDate);
    if (closure && input.repeat === "none") {
      note(errors, "date", { key: "booking.closure", values: { from: closure.fromDate, to: closure.toDate, reason: closure.reason } });
      break;
    }
    if (closure) skipped.push(o.localDate);
    else dates.push(o);
  }
  if (Object.keys(errors).length === 0 && dates.length === 0) note(errors, "date", "booking.noDatesLeft");
  return { errors, dates, skipped };
}

/** Whether a date can still be changed: not later than the premise's deadline before it starts. */
export const beforeDeadline = (date: Pick<BookingDate, "startsAt">, cancelHours: number, now: Date) =>
  new Date(date.startsAt).getTime() >= now.getTime() + cancelHours * 3600_000;

/**
 * Which of a booking's live dates a cancellation touches, and which of those it frees (the future
 * ones); or the error when it touches none or one too close to its start.
 */
export function datesToCancel(
  live: BookingDate[],
  scope: "one" | "rest" | "all",
  date: string,
  cancelHours: number,
  now: Date,
): { error: FieldErrors | null; free: BookingDate[] } {
  const affected = live.filter((o) => (scope === "one" ? o.localDate === date : scope === "rest" ? o.localDate >= date : true));
  if (affected.length === 0) return { error: { date: "booking.cancel.noSuchDate" }, free: [] };
  const future = affected.filter((o) => new Date(o.startsAt).getTime() > now.getTime());
  if (future.some((o) => !beforeDeadline(o, cancelHours, now)))
    return { error: { date: { key: "booking.cancel.tooLate", values: { hours: cancelHours } } }, free: [] };
  return { error: null, free: future };
}

const shift = (time: string, minutes: number) => {
  const total = minutesBetween("00:00", time) + minutes;
  return total < 0 || total >= 24 * 60 ? null : `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
};

/**
 * The times to try in the same room when the one asked for is taken, nearest first: an hour
 * either side, then two, then three, then the same time the weeks after. Each is a whole series.
 */
export function nearbyTimes(series: Series): { date: string; start: string; end: string; dates: Occurrence[] }[] {
  const length = minutesBetween(series.startTime, series.endTime);
  const candidates: { date: string; start: string; end: string }[] = [];
  for (const hoursAway of [1, -1, 2, -2, 3, -3]) {
    const start = shift(series.startTime, hoursAway * 60);
    const end = start && shift(start, length);
    if (start && end) candidates.push({ date: series.startDate, start, end });
  }
  for (const weeks of [1, 2, 3]) candidates.push({ date: addDays(series.startDate, 7 * weeks), start: series.startTime, end: series.endTime });
  return candidates.map((c) => ({
    ...c,
    dates: expand({
      ...series,
      startDate: c.date,
      startTime: c.start,
      endTime: c.end,
      untilDate: series.untilDate && c.date > series.untilDate ? c.date : series.untilDate,
    }),
  }));
}
