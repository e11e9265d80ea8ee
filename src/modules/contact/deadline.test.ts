import { describe, expect, it } from "vitest";
import { answerDeadline, localDay } from "./deadline.js";

const zone = "Europe/Copenhagen";

describe("an enquiry's answer deadline", () => {
  it("counts calendar days at the same wall-clock time", () => {
    // Friday 27 November 2026 10:00 in Copenhagen.
    expect(answerDeadline("2026-11-27T09:00:00.000Z", { answerDays: 5, workingDays: false }, zone)).toBe("2026-12-02T09:00:00Z");
  });
  it("skips Saturdays and Sundays when the tenant counts working days", () => {
    // Friday + 5 working days = the next Friday.
    expect(answerDeadline("2026-11-27T09:00:00.000Z", { answerDays: 5, workingDays: true }, zone)).toBe("2026-12-04T09:00:00Z");
    // Saturday + 1 working day = Monday.
    expect(localDay(answerDeadline("2026-11-28T09:00:00.000Z", { answerDays: 1, workingDays: true }, zone), zone)).toBe("2026-11-30");
  });
  it("keeps the local time across the clock change in March", () => {
    expect(answerDeadline("2027-03-26T09:00:00.000Z", { answerDays: 3, workingDays: false }, zone)).toBe("2027-03-29T08:00:00Z");
  });
});
