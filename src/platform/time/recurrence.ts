import { Temporal } from "temporal-polyfill";

/** A request as the person makes it: local dates and times in the tenant's zone. */
export interface Series {
  startDate: string;
  startTime: string;
  endTime: string;
  zone: string;
  /** Null for one date; 1 weekly, 2 every other week. */
  everyWeeks: number | null;
  untilDate: string | null;
}

export interface Occurrence {
  localDate: string;
  startsAt: Date;
  endsAt: Date;
}

const instant = (date: Temporal.PlainDate, plainTime: Temporal.PlainTime, zone: string) =>
  new Date(date.toZonedDateTime({ timeZone: zone, plainTime }).epochMilliseconds);

/**
 * Every date of a series, each at the same local wall-clock time, so Tuesday 18:00 stays 18:00
 * across the clock changes in March and October.
 */
export function expand(series: Series): Occurrence[] {
  const first = Temporal.PlainDate.from(series.startDate);
  const last = series.everyWeeks && series.untilDate ? Temporal.PlainDate.from(series.untilDate) : first;
  const step = { days: 7 * (series.everyWeeks ?? 1) };
  const [start, end] = [Temporal.PlainTime.from(series.startTime), Temporal.PlainTime.from(series.endTime)];
  const out: Occurrence[] = [];
  for (let d = first; Temporal.PlainDate.compare(d, last) <= 0; d = d.add(step)) {
    out.push({ localDate: d.toString(), startsAt: instant(d, start, series.zone), endsAt: instant(d, end, series.zone) });
  }
  return out;
}

export const minutesBetween = (from: string, to: string) => {
  const [fh, fm] = from.split(":").map(Number);
  const [th, tm] = to.split(":").map(Number);
  return (th ?? 0) * 60 + (tm ?? 0) - ((fh ?? 0) * 60 + (fm ?? 0));
};

/** Minutes since 1970, the unit occupancy is kept in. */
export const minuteOf = (d: Date) => Math.floor(d.getTime() / 60_000);

/** Today's date in a zone. */
export const localToday = (now: Date, zone: string) => Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone).toPlainDate().toString();

/** ISO weekday, 1 = Monday. */
export const weekdayOf = (date: string) => Temporal.PlainDate.from(date).dayOfWeek;

export const addDays = (date: string, days: number) => Temporal.PlainDate.from(date).add({ days }).toString();

/** The Monday of the week a date is in. */
export const mondayOf = (date: string) => {
  const d = Temporal.PlainDate.from(date);
  return d.subtract({ days: d.dayOfWeek - 1 }).toString();
};

export const localTime = (d: Date, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(d.getTime()).toZonedDateTimeISO(zone).toPlainTime().toString({ smallestUnit: "minute" });

/** A local date and wall-clock time in the zone as a UTC instant (ISO), the way forms' times are stored. */
export const instantOf = (date: string, time: string, zone: string): string =>
  new Date(Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(time) }).epochMilliseconds).toISOString();

/** An instant as the local date and wall-clock time in the zone, as a form shows them. */
export const localParts = (instant: string, zone: string): { date: string; time: string } => ({
  date: localToday(new Date(instant), zone),
  time: localTime(new Date(instant), zone),
});
