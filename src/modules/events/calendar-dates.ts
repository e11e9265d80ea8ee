import { Temporal } from "temporal-polyfill";
import { localTime, localToday } from "../../platform/time/recurrence.js";
import type { CommunityEvent, EventSession } from "./events.model.js";

/** The day on the tenant's calendar an instant falls on: "2026-12-01". */
export const localDateOf = (instant: string, zone: string) => localToday(new Date(instant), zone);

/** The wall-clock time in the tenant's zone: "18:00". */
export const localTimeOf = (instant: string, zone: string) => localTime(new Date(instant), zone);

/** The instant a local day begins in the zone. */
export const startOfDay = (date: string, zone: string) => Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: zone }).toInstant().toString();

/** "2026-12" → "2027-01"; `by` months later (or earlier, negative). */
export const addMonths = (month: string, by: number) => Temporal.PlainYearMonth.from(month).add({ months: by }).toString();

export const monthOf = (date: string) => date.slice(0, 7);

/**
 * When an event takes place, as a reader is told it: one day with its times, several days in one
 * go, or a course of several sessions from its first to its last day. Times are local wall-clock times.
 */
export type EventWhen =
  | { shape: "day"; date: string; from: string; to: string }
  | { shape: "span"; from: string; to: string }
  | { shape: "sessions"; count: number; first: string; last: string; from: string; to: string };

export function whenOf(e: Pick<CommunityEvent, "startsAt" | "endsAt" | "sessions">, zone: string): EventWhen {
  const sessions: Pick<EventSession, "startsAt" | "endsAt">[] = e.sessions.length ? e.sessions : [{ startsAt: e.startsAt, endsAt: e.endsAt }];
  const first = sessions[0] as Pick<EventSession, "startsAt" | "endsAt">;
  const last = sessions.at(-1) as Pick<EventSession, "startsAt" | "endsAt">;
  if (sessions.length > 1) {
    return {
      shape: "sessions",
      count: sessions.length,
      first: localDateOf(first.startsAt, zone),
      last: localDateOf(last.startsAt, zone),
      from: localTimeOf(first.startsAt, zone),
      to: localTimeOf(first.endsAt, zone),
    };
  }
  const startDate = localDateOf(first.startsAt, zone);
  const endDate = localDateOf(first.endsAt, zone);
  if (startDate !== endDate) return { shape: "span", from: startDate, to: endDate };
  return { shape: "day", date: startDate, from: localTimeOf(first.startsAt, zone), to: localTimeOf(first.endsAt, zone) };
}

/** One session of an event on a day of the month grid. */
export interface DayItem {
  event: CommunityEvent;
  /** Which session of how many, for a course. */
  session: { no: number; of: number } | null;
  from: string;
  to: string;
}

export interface MonthDay {
  date: string;
  /** False for the days of the neighbouring months that fill the first and last week. */
  inMonth: boolean;
  items: DayItem[];
}

/**
 * A month as weeks of seven days, Monday first, each day with the sessions that start on it. An
 * event of several days shows on its first day.
 */
export function monthGrid(month: string, events: CommunityEvent[], zone: string): MonthDay[][] {
  const firstDay = Temporal.PlainDate.from(`${month}-01`);
  const start = firstDay.subtract({ days: firstDay.dayOfWeek - 1 });
  const lastDay = firstDay.add({ months: 1 }).subtract({ days: 1 });
  const end = lastDay.add({ days: 7 - lastDay.dayOfWeek });
  const byDate = new Map<string, DayItem[]>();
  for (const event of events) {
    const sessions = event.sessions.length ? event.sessions : [{ startsAt: event.startsAt, endsAt: event.endsAt }];
    sessions.forEach((s, i) => {
      const date = localDateOf(s.startsAt, zone);
      const item: DayItem = {
        event,
        session: sessions.length > 1 ? { no: i + 1, of: sessions.length } : null,
        from: localTimeOf(s.startsAt, zone),
        to: localTimeOf(s.endsAt, zone),
      };
      byDate.set(date, [...(byDate.get(date) ?? []), item]);
    });
  }
  const weeks: MonthDay[][] = [];
  for (let d = start; Temporal.PlainDate.compare(d, end) <= 0; d = d.add({ days: 7 })) {
    weeks.push(
      Array.from({ length: 7 }, (_, i) => {
        const date = d.add({ days: i }).toString();
        const items = (byDate.get(date) ?? []).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
        return { date, inMonth: date.startsWith(month), items };
      }),
    );
  }
  return weeks;
}
