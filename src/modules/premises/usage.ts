import { addDays, minutesBetween, mondayOf } from "../../platform/time/recurrence.js";
import { hoursOn, type PremiseTree } from "./premise-tree.js";
import type { BookingDate, Closure, OpeningHours } from "./premises.model.js";

export type UsedDate = Omit<BookingDate, "id" | "bookingId">;

export interface UsageRow {
  premiseId: string;
  name: string;
  building: string;
  openHours: number;
  bookedHours: number;
  /** Booked hours as a share of open hours, 0 to 1. */
  share: number;
  dates: number;
  cancelled: number;
  noShows: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * How much each bookable premise is used in a period: hours open (closures left out) against hours
 * booked, with cancelled dates and groups that did not come; and the same by week for all of them.
 */
export function usage(tree: PremiseTree, hours: OpeningHours[], closures: Closure[], occurrences: UsedDate[], from: string, to: string) {
  const premises = tree.all.filter((p) => p.bookable);
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const closed = (premiseId: string, date: string) => {
    const lineage = new Set(tree.lineage(premiseId).map((p) => p.id));
    return closures.some((c) => lineage.has(c.premiseId) && c.fromDate <= date && date <= c.toDate);
  };
  const openByWeek = new Map<string, number>();
  const bookedByWeek = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, hours: number) => map.set(key, (map.get(key) ?? 0) + hours);
  const rows: UsageRow[] = premises.map((p) => {
    let open = 0;
    for (const date of days) {
      const h = closed(p.id, date) ? null : hoursOn(tree, hours, p.id, date);
      if (!h) continue;
      const length = minutesBetween(h.opens, h.closes) / 60;
      open += length;
      add(openByWeek, mondayOf(date), length);
    }
    const mine = occurrences.filter((o) => o.premiseId === p.id && o.localDate >= from && o.localDate <= to);
    let booked = 0;
    for (const o of mine.filter((x) => x.status === "active")) {
      const length = (new Date(o.endsAt).getTime() - new Date(o.startsAt).getTime()) / 3_600_000;
      booked += length;
      add(bookedByWeek, mondayOf(o.localDate), length);
    }
    return {
      premiseId: p.id,
      name: p.name,
      building: tree.building(p.id)?.name ?? p.name,
      openHours: round(open),
      bookedHours: round(booked),
      share: open > 0 ? Math.round((booked / open) * 1000) / 1000 : 0,
      dates: mine.filter((x) => x.status === "active").length,
      cancelled: mine.filter((x) => x.status === "cancelled").length,
      noShows: mine.filter((x) => x.noShowAt !== null).length,
    };
  });
  const weeks = [...openByWeek.keys()]
    .sort()
    .map((week) => ({ week, openHours: round(openByWeek.get(week) ?? 0), bookedHours: round(bookedByWeek.get(week) ?? 0) }));
  return { rows, weeks };
}
