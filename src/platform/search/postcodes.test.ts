import { describe, expect, it } from "vitest";
import { distanceKm, latitudeGapKm } from "./postcodes.js";

describe("distances between places", () => {
  it("never rules a place out by latitude that the full distance would keep", () => {
    // A fixed walk over Denmark, Norway and the Netherlands and a little beyond: no randomness, so a failure repeats.
    for (let i = 0; i < 20_000; i++) {
      const a = { lat: 50 + ((i * 7919) % 2200) / 100, lon: 3 + ((i * 104729) % 2800) / 100 };
      const b = { lat: 50 + ((i * 15485863) % 2200) / 100, lon: 3 + ((i * 32452843) % 2800) / 100 };
      expect(latitudeGapKm(a.lat, b.lat)).toBeLessThanOrEqual(distanceKm(a, b) + 1e-9);
    }
  });

  it("is the whole distance between two places on one meridian", () => {
    const aarhus = { lat: 56.1567, lon: 10.2108 };
    const north = { lat: 56.3567, lon: 10.2108 };
    expect(latitudeGapKm(aarhus.lat, north.lat)).toBeCloseTo(distanceKm(aarhus, north), 6);
    expect(latitudeGapKm(aarhus.lat, north.lat)).toBeCloseTo(22.24, 1);
  });
});
