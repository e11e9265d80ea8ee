import { describe, expect, it } from "vitest";
import { formats } from "./format.js";

const zone = "Europe/Copenhagen";
// Intl puts a narrow no-break space before "PM" and no-break and thin spaces elsewhere; compare as a reader sees them.
const plain = (s: string) => s.replace(/[\u00a0\u202f\u2009]/g, " ");

describe("what a reader sees, in each language", () => {
  const cases = {
    da: {
      date: "1. december 2026",
      weekdayDate: "tirsdag den 1. december 2026",
      range: "1. december 2026–29. juni 2027",
      time: "18.00",
      when: "tirsdag 1. december kl. 18.00",
      weekday: "mandag",
      number: "1.234,5",
      km: "1,7 km",
      far: "12 km",
      near: "under 1 km",
      money: "25.000 kr.",
      moneyWithOre: "12,50 kr.",
      percent: "42 %",
      languages: "dansk, engelsk, arabisk",
    },
    nb: {
      date: "1. desember 2026",
      weekdayDate: "tirsdag 1. desember 2026",
      range: "1. desember 2026–29. juni 2027",
      time: "18:00",
      when: "tirsdag 1. desember kl. 18:00",
      weekday: "mandag",
      number: "1 234,5",
      km: "1,7 km",
      far: "12 km",
      near: "under 1 km",
      money: "25 000 kr",
      moneyWithOre: "12,50 kr",
      percent: "42 %",
      languages: "dansk, engelsk, arabisk",
    },
    nl: {
      date: "1 december 2026",
      weekdayDate: "dinsdag 1 december 2026",
      range: "1 december 2026 – 29 juni 2027",
      time: "18:00",
      when: "dinsdag 1 december om 18:00",
      weekday: "maandag",
      number: "1.234,5",
      km: "1,7 km",
      far: "12 km",
      near: "minder dan 1 km",
      money: "€ 25.000",
      moneyWithOre: "€ 12,50",
      percent: "42%",
      languages: "Deens, Engels, Arabisch",
    },
    en: {
      date: "1 December 2026",
      weekdayDate: "Tuesday, 1 December 2026",
      range: "1 December 2026 – 29 June 2027",
      time: "18:00",
      when: "Tuesday 1 December at 18:00",
      weekday: "Monday",
      number: "1,234.5",
      km: "1.7 km",
      far: "12 km",
      near: "under 1 km",
      money: "€25,000",
      moneyWithOre: "€12.50",
      percent: "42%",
      languages: "Danish, English, Arabic",
    },
  } as const;
  const currency = { da: "DKK", nb: "NOK", nl: "EUR", en: "EUR" } as const;

  it.each(Object.keys(cases) as (keyof typeof cases)[])("%s", (lang) => {
    const f = formats(lang, zone);
    const want = cases[lang];
    const got = {
      date: f.date("2026-12-01"),
      weekdayDate: f.dateWithWeekday("2026-12-01"),
      range: f.dateRange("2026-12-01", "2027-06-29"),
      time: f.time("18:00"),
      when: f.when("2026-12-01T17:00:00Z"),
      weekday: f.weekday(1),
      number: f.number(1234.5),
      km: f.distance(1.74),
      far: f.distance(12.3),
      near: f.distance(0.2),
      money: f.money(2_500_000, currency[lang]),
      moneyWithOre: f.money(1250, currency[lang]),
      percent: f.percent(0.42),
      languages: f.languages(["da", "en", "ar"]),
    };
    expect(Object.fromEntries(Object.entries(got).map(([k, v]) => [k, plain(v)]))).toEqual(want);
  });

  it("shows an instant in the tenant's zone and a calendar day as it is", () => {
    const f = formats("da", "Europe/Copenhagen");
    expect(f.dateTime("2026-03-28T23:30:00Z")).toContain("29. mar.");
    expect(f.date("2026-03-29")).toBe("29. marts 2026");
    expect(formats("da", "America/New_York").date("2026-03-29")).toBe("29. marts 2026");
  });

  it("names a day and month without the year for chart ticks", () => {
    expect(formats("da", zone).dayMonth("2026-11-30")).toBe("30. nov.");
    expect(formats("nb", zone).dayMonth("2026-11-30")).toBe("30. nov.");
    expect(formats("nl", zone).dayMonth("2026-11-30")).toBe("30 nov");
    expect(formats("en", zone).dayMonth("2026-11-30")).toBe("30 Nov");
  });
});
