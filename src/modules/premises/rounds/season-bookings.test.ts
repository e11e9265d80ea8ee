import { describe, expect, it } from "vitest";
import { minuteOf } from "../../../platform/time/recurrence.js";
import { PremiseTree } from "../premise-tree.js";
import type { Premise } from "../premises.model.js";
import type { RoundApplication } from "../rounds.model.js";
import { planSeasonBookings } from "./season-bookings.js";

const row = (id: string, parent: string | null, buffer = 0) => ({ id, parentId: parent, name: id, bufferMinutes: buffer }) as Premise;
const tree = new PremiseTree([row("hall", null), row("north", "hall"), row("south", "hall", 15)]);
const placed = (id: string, premiseId: string, weekday: number, start: string): RoundApplication => ({
  id,
  roundId: "r",
  associationId: `a-${id}`,
  userId: null,
  purpose: "Træning",
  participants: 20,
  priority: 1,
  disabilityUse: false,
  minutes: 120,
  first: { premiseId, weekday, start },
  second: null,
  window: null,
  placed: { premiseId, weekday, start, choice: "first" },
  bookingId: null,
  response: null,
  createdAt: "2027-01-01T00:00:00Z",
});
let n = 0;
const plan = (applications: RoundApplication[], held: { premiseId: string; start: number; end: number }[] = []) =>
  planSeasonBookings({
    applications,
    tree,
    from: "2027-08-01",
    until: "2027-08-31",
    zone: "Europe/Copenhagen",
    closures: [{ premiseId: "hall", from: "2027-08-10", to: "2027-08-10" }],
    held,
    newId: () => `id${++n}`,
  });

describe("the bookings a published round gives", () => {
  it("books each placed slot weekly to the season's end, skipping the days its building is closed", () => {
    const { granted, refused } = plan([placed("a", "north", 2, "18:00"), { ...placed("b", "south", 3, "17:00"), placed: null }]);
    expect(refused).toEqual([]);
    expect(granted).toHaveLength(1);
    expect(granted[0]?.series).toMatchObject({ startDate: "2027-08-03", startTime: "18:00", endTime: "20:00", everyWeeks: 1, untilDate: "2027-08-31" });
    expect(granted[0]?.dates.map((d) => d.localDate)).toEqual(["2027-08-03", "2027-08-17", "2027-08-24", "2027-08-31"]);
    expect(granted[0]?.holds.map((h) => h.premiseId)).toEqual(["north", "north", "north", "north"]);
  });

  it("refuses a slot held meanwhile, and one that overlaps an earlier application through the whole it is part of", () => {
    const tuesday = minuteOf(new Date("2027-08-17T16:30:00Z"));
    const { granted, refused } = plan(
      [placed("first", "south", 4, "18:00"), placed("whole", "hall", 4, "19:00"), placed("taken", "north", 2, "18:00"), placed("free", "north", 4, "18:00")],
      [{ premiseId: "north", start: tuesday, end: tuesday + 60 }],
    );
    expect(granted.map((g) => g.applicationId)).toEqual(["first", "free"]);
    expect(refused).toEqual(["whole", "taken"]);
    // The south half keeps its 15 minutes' buffer after each date.
    const hold = granted[0]?.holds[0];
    expect(hold && hold.end - hold.start).toBe(135);
  });
});
