import { describe, expect, it } from "vitest";
import { premiseRecord } from "../../../../test/factories/premise-record.js";
import { expand } from "../../../platform/time/recurrence.js";
import { PremiseTree } from "../premise-tree.js";
import type { BookingDate, Closure, OpeningHours, Premise } from "../premises.model.js";
import { seriesOf } from "../premises.model.js";
import type { BookingInput } from "../premises.schema.js";
import { checkRules, datesToCancel, nearbyTimes } from "./booking-rules.js";

const ZONE = "Europe/Copenhagen";
const NOW = new Date("2026-11-20T12:00:00Z");

const premise = (fields: Partial<Premise> & { id: string }): Premise => premiseRecord(fields.id, { maxMinutes: 240, ...fields });

const school = premise({ id: "school", kind: "building", bookable: false });
const room = premise({ id: "room", parentId: "school", capacity: 20 });
const tree = new PremiseTree([school, room]);
const hours: OpeningHours[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  id: `h${weekday}`,
  premiseId: "school",
  weekday,
  opens: "08:00",
  closes: "22:00",
  validFrom: null,
  validTo: null,
}));
const christmas: Closure = { id: "c", premiseId: "school", fromDate: "2026-12-21", toDate: "2027-01-03", reason: "Juleferie" };

const request = (change: Partial<BookingInput> = {}): BookingInput => ({
  associationId: "a",
  purpose: "Træning",
  participants: 10,
  date: "2026-12-01",
  start: "18:00",
  end: "20:00",
  repeat: "none",
  until: "",
  ...change,
});
const check = (input: BookingInput, p: Premise = room, closures: Closure[] = [christmas]) =>
  checkRules(tree, p, hours, closures, input, expand(seriesOf(input, ZONE)), NOW, ZONE);

describe("the booking rules", () => {
  it("accepts a request that keeps every rule, with its one date", () => {
    const result = check(request());
    expect(result.errors).toEqual({});
    expect(result.dates.map((d) => d.localDate)).toEqual(["2026-12-01"]);
  });

  it("names each broken rule at its field, with the values its message needs", () => {
    expect(check(request({ participants: 21 })).errors).toEqual({ participants: { key: "booking.tooMany", values: { capacity: 20 } } });
    expect(check(request({ end: "18:15" })).errors).toEqual({ end: { key: "booking.tooShort", values: { minutes: 30 } } });
    expect(check(request({ end: "23:00" })).errors.end).toEqual({ key: "booking.tooLong", values: { hours: 4 } });
    expect(check(request({ date: "2026-11-01" })).errors.date).toEqual({ key: "booking.past", values: { today: "2026-11-20" } });
    expect(check(request({ date: "2028-01-04" })).errors.date).toEqual({ key: "booking.tooFarAhead", values: { date: "2027-11-20" } });
    expect(check(request({ start: "07:00", end: "09:00" })).errors).toEqual({
      start: { key: "booking.outsideHours", values: { opens: "08:00", closes: "22:00" } },
    });
    expect(check(request({ date: "2026-12-22" })).errors).toEqual({
      date: { key: "booking.closure", values: { from: "2026-12-21", to: "2027-01-03", reason: "Juleferie" } },
    });
    expect(check(request(), school).errors.premise).toBe("booking.notBookable");
    expect(check(request({ repeat: "weekly", until: "2028-12-01" })).errors.until).toBe("booking.seriesTooLong");
  });

  it("skips the closed dates of a series, and refuses one with no date left", () => {
    const series = check(request({ date: "2026-12-15", repeat: "weekly", until: "2027-01-12" }));
    expect(series.skipped).toEqual(["2026-12-22", "2026-12-29"]);
    expect(series.dates.map((d) => d.localDate)).toEqual(["2026-12-15", "2027-01-05", "2027-01-12"]);
    expect(check(request({ date: "2026-12-22", repeat: "weekly", until: "2026-12-29" })).errors).toEqual({ date: "booking.noDatesLeft" });
  });

  it("cancels only dates that exist, never one closer than the deadline, and frees only future ones", () => {
    const date = (localDate: string, startsAt: string): BookingDate => ({
      id: localDate,
      bookingId: "b",
      premiseId: "room",
      localDate,
      startsAt,
      endsAt: startsAt,
      status: "active",
      noShowAt: null,
    });
    const live = [date("2026-11-13", "2026-11-13T17:00:00Z"), date("2026-11-21", "2026-11-21T10:00:00Z"), date("2026-11-27", "2026-11-27T17:00:00Z")];
    expect(datesToCancel(live, "one", "2026-11-14", 24, NOW).error).toEqual({ date: "booking.cancel.noSuchDate" });
    expect(datesToCancel(live, "one", "2026-11-21", 24, NOW).error).toEqual({ date: { key: "booking.cancel.tooLate", values: { hours: 24 } } });
    expect(datesToCancel(live, "rest", "2026-11-27", 24, NOW).free.map((d) => d.id)).toEqual(["2026-11-27"]);
    expect(datesToCancel(live, "all", "", 0, NOW).free.map((d) => d.id)).toEqual(["2026-11-21", "2026-11-27"]);
  });

  it("tries the nearest hours on the day first, then the same time the weeks after, never past midnight", () => {
    const times = nearbyTimes(seriesOf(request({ start: "21:00", end: "23:00" }), ZONE)).map((c) => `${c.date} ${c.start}-${c.end}`);
    expect(times).toEqual([
      "2026-12-01 20:00-22:00",
      "2026-12-01 19:00-21:00",
      "2026-12-01 18:00-20:00",
      "2026-12-08 21:00-23:00",
      "2026-12-15 21:00-23:00",
      "2026-12-22 21:00-23:00",
    ]);
  });
});
