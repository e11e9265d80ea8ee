import { validate, version } from "uuid";
import { describe, expect, it } from "vitest";
import { newId } from "./ids.js";

describe("ids", () => {
  it("are version 7 UUIDs, each new, in the order they were made even within one millisecond", () => {
    const ids = Array.from({ length: 20_000 }, () => newId());
    for (const id of ids.slice(0, 10)) {
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
    }
    expect(new Set(ids).size).toBe(ids.length);
    // 20,000 ids take a few milliseconds, so many share one: the counter, not the time, orders those.
    expect(new Set(ids.map((id) => id.slice(0, 13))).size).toBeLessThan(ids.length / 10);
    expect([...ids].sort()).toEqual(ids);
  });
});
