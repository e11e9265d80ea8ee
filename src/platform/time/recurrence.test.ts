import { describe, expect, it } from "vitest";
import { expand, localTime } from "./recurrence.js";

describe("expanding a series", () => {
  it("keeps Tuesday 18:00 at 18:00 local across the October and March clock changes", () => {
    const dates = expand({
      startDate: "2027-10-19",
      startTime: "18:00",
      endTime: "20:00",
      zone: "Europe/Copenhagen",
      everyWeeks: 1,
      untilDate: "2028-04-04",
    });
    expect(dates[0]?.localDate).toBe("2027-10-19");
    expect(dates.at(-1)?.localDate).toBe("2028-04-04");
    // Summer time before the last Sunday of October, winter time after it, summer again after March's.
    expect(dates[0]?.startsAt.toISOString()).toBe("2027-10-19T16:00:00.000Z");
    expect(dates[2]?.startsAt.toISOString()).toBe("2027-11-02T17:00:00.000Z");
    expect(dates.find((d) => d.localDate === "2028-04-04")?.startsAt.toISOString()).toBe("2028-04-04T16:00:00.000Z");
    for (const d of dates) {
      expect(localTime(d.startsAt, "Europe/Copenhagen")).toBe("18:00");
      expect(localTime(d.endsAt, "Europe/Copenhagen")).toBe("20:00");
    }
  });

  it("steps every other week, and gives one date for a single booking", () => {
    const biweekly = expand({ startDate: "2026-12-01", startTime: "10:00", endTime: "11:00", zone: "Europe/Oslo", everyWeeks: 2, untilDate: "2026-12-31" });
    expect(biweekly.map((d) => d.localDate)).toEqual(["2026-12-01", "2026-12-15", "2026-12-29"]);
    const once = expand({ startDate: "2026-12-01", startTime: "10:00", endTime: "11:00", zone: "Europe/Amsterdam", everyWeeks: null, untilDate: null });
    expect(once.map((d) => d.localDate)).toEqual(["2026-12-01"]);
  });
});
