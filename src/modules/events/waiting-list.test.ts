import { describe, expect, it } from "vitest";
import { howToFill, placeNewcomers, whyClosed } from "./waiting-list.js";

const hours = { eventOfferHours: 48, eventImmediateHours: 24 };

describe("the waiting list's rules", () => {
  it("gives free places in order and puts the rest on the list", () => {
    expect(placeNewcomers({ capacity: 10, taken: 8, waiting: 0 }, 3)).toEqual(["registered", "registered", "waiting"]);
    expect(placeNewcomers({ capacity: 10, taken: 10, waiting: 0 }, 1)).toEqual(["waiting"]);
  });
  it("never lets a newcomer pass someone already waiting, even when a place is free", () => {
    expect(placeNewcomers({ capacity: 10, taken: 9, waiting: 2 }, 1)).toEqual(["waiting"]);
  });
  it("gives everyone a place when the organiser overbooks", () => {
    expect(placeNewcomers({ capacity: 10, taken: 10, waiting: 4 }, 2, true)).toEqual(["registered", "registered"]);
  });
  it("offers a freed place with the tenant's hours to accept, ending before the near window", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(howToFill(now, "2026-12-10T17:00:00Z", hours)).toEqual({ mode: "offer", expiresAt: "2026-12-03T10:00:00.000Z" });
    expect(howToFill(now, "2026-12-03T17:00:00Z", hours)).toEqual({ mode: "offer", expiresAt: "2026-12-02T17:00:00.000Z" });
  });
  it("gives a freed place at once when the start is near", () => {
    expect(howToFill(new Date("2026-12-01T10:00:00Z"), "2026-12-02T09:00:00Z", hours)).toEqual({ mode: "give" });
  });
  it("says why registration is closed", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    const e = { status: "published", startsAt: "2026-12-10T17:00:00Z", registrationOpensAt: null, registrationClosesAt: null };
    expect(whyClosed(e, now)).toBeNull();
    expect(whyClosed({ ...e, status: "cancelled" }, now)).toBe("cancelled");
    expect(whyClosed({ ...e, status: "pending" }, now)).toBe("notPublished");
    expect(whyClosed({ ...e, registrationOpensAt: "2026-12-02T00:00:00Z" }, now)).toBe("notOpen");
    expect(whyClosed({ ...e, registrationClosesAt: "2026-12-01T09:00:00Z" }, now)).toBe("closed");
    expect(whyClosed({ ...e, startsAt: "2026-12-01T09:00:00Z" }, now)).toBe("ended");
  });
});
