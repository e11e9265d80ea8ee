import { type Lang, translator } from "./i18n.js";

/**
 * Every date, time, number, distance and sum a reader sees goes through these, in the reader's
 * language and the tenant's time zone: "tirsdag 1. december kl. 18.00", "1,7 km", "25.000 kr.".
 * A plain date ("2026-12-01") is a day on the calendar and is never shifted by a zone; an instant
 * ("2026-12-01T17:00:00Z") is shown in the tenant's zone.
 */
export interface Formats {
  /** "1. december 2026" */
  date(value: string): string;
  /** "tirsdag 1. december 2026" */
  dateWithWeekday(value: string): string;
  /** "1. dec. 2026" */
  dateShort(value: string): string;
  /** "1. dec." (chart ticks, lists within one year) */
  dayMonth(value: string): string;
  /** "1. december 2026–29. juni 2027" */
  dateRange(from: string, to: string): string;
  /** "18.00" from "18:00" (a wall-clock time) */
  time(hhmm: string): string;
  /** "18.00–20.00" */
  timeRange(from: string, to: string): string;
  /** "1. dec. 2026 18.00" */
  dateTime(instant: string): string;
  /** "tirsdag 1. december kl. 18.00" */
  when(instant: string): string;
  /** "mandag" for 1 … "søndag" for 7 (ISO weekday) */
  weekday(isoDay: number): string;
  /** "december 2026" from "2026-12" */
  month(yyyyMm: string): string;
  /** "dec." from "2026-12" (chart ticks) */
  monthShort(yyyyMm: string): string;
  /** "1.234,5" */
  number(value: number, maximumFractionDigits?: number): string;
  /** "42 %" from 0.42 */
  percent(ratio: number, maximumFractionDigits?: number): string;
  /** "1,7 km", "12 km", "under 1 km" */
  distance(km: number): string;
  /** "25.000 kr." from minor units; shows øre only when there are some */
  money(minor: number, currency: string): string;
  /** "tidspunktet, stedet og linket" */
  list(items: string[]): string;
  /** "dansk, engelsk" from ["da", "en"]: languages named in the reader's language */
  languages(codes: string[]): string;
}

const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;
const cache = new Map<string, Formats>();

export function formats(lang: Lang, timeZone: string): Formats {
  const id = `${lang}|${timeZone}`;
  let f = cache.get(id);
  if (!f) {
    f = build(lang, timeZone);
    cache.set(id, f);
  }
  return f;
}

/** English readers here live in Europe: day before month, a 24-hour clock. */
const intlLocale = (lang: Lang) => (lang === "en" ? "en-GB" : lang);

function build(lang: Lang, timeZone: string): Formats {
  const t = translator(lang);
  const locale = intlLocale(lang);
  const dtf = (options: Intl.DateTimeFormatOptions) => {
    const inZone = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    const onCalendar = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
    return {
      format: (value: string) => (PLAIN_DATE.test(value) ? onCalendar.format(calendarDay(value)) : inZone.format(new Date(value))),
      range: (from: string, to: string) =>
        PLAIN_DATE.test(from) && PLAIN_DATE.test(to)
          ? onCalendar.formatRange(calendarDay(from), calendarDay(to))
          : inZone.formatRange(new Date(from), new Date(to)),
    };
  };
  const long = dtf({ day: "numeric", month: "long", year: "numeric" });
  const withWeekday = dtf({ weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const short = dtf({ dateStyle: "medium" });
  const dayMonth = dtf({ day: "numeric", month: "short" });
  const dateTime = dtf({ dateStyle: "medium", timeStyle: "short" });
  const when = dtf({ weekday: "long", day: "numeric", month: "long", hour: "numeric", minute: "2-digit" });
  const wallClock = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: "UTC" });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
  const month = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
  const monthShort = new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" });
  const numbers = new Map<number, Intl.NumberFormat>();
  const number = (digits: number) => {
    let n = numbers.get(digits);
    if (!n) {
      n = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
      numbers.set(digits, n);
    }
    return n;
  };
  const km = (digits: number) => new Intl.NumberFormat(locale, { style: "unit", unit: "kilometer", maximumFractionDigits: digits });
  const conjunction = new Intl.ListFormat(locale, { type: "conjunction" });
  const languageName = new Intl.DisplayNames(locale, { type: "language", fallback: "code" });
  const nameOf = (code: string) => {
    try {
      return languageName.of(code) ?? code;
    } catch {
      return code; // not a language code at all: shown as it is
    }
  };
  const kmSmall = km(1);
  const kmLarge = km(0);
  const clock = (hhmm: string) => wallClock.format(new Date(`1970-01-01T${hhmm.slice(0, 5)}:00Z`));
  return {
    date: long.format,
    dateWithWeekday: withWeekday.format,
    dateShort: short.format,
    dayMonth: dayMonth.format,
    dateRange: long.range,
    time: clock,
    timeRange: (from, to) => `${clock(from)}–${clock(to)}`,
    dateTime: dateTime.format,
    when: when.format,
    // 2024-01-01 was a Monday.
    weekday: (isoDay) => weekday.format(new Date(Date.UTC(2024, 0, isoDay))),
    month: (yyyyMm) => month.format(calendarDay(`${yyyyMm}-01`)),
    monthShort: (yyyyMm) => monthShort.format(calendarDay(`${yyyyMm}-01`)),
    number: (value, digits = 2) => number(digits).format(value),
    percent: (ratio, digits = 0) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits }).format(ratio),
    distance: (value) => (value < 1 ? t("format.underOneKm", { km: kmLarge.format(1) }) : (value < 10 ? kmSmall : kmLarge).format(value)),
    money: (minor, currency) =>
      new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: minor % 100 === 0 ? 0 : 2 }).format(minor / 100),
    list: (items) => conjunction.format(items),
    languages: (codes) => codes.map(nameOf).join(", "),
  };
}

function calendarDay(value: string): Date {
  return new Date(`${value}T12:00:00Z`);
}
