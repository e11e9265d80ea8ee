import { describe, expect, it } from "vitest";
import { dateField, optionalDateField, parseDate } from "./dates.js";

describe("the one date parser", () => {
  it("takes real calendar days", () => {
    expect(parseDate("2026-12-01")).toBe("2026-12-01");
    expect(parseDate("2028-02-29")).toBe("2028-02-29");
  });

  it("refuses impossible days that Date.parse lets through, other shapes and years no one books in", () => {
    for (const bad of [
      "2026-02-30",
      "2026-02-29",
      "2026-04-31",
      "2026-13-01",
      "2026-00-10",
      "2026-1-1",
      "26-01-01",
      "2026-01-01T00:00",
      " 2026-01-01",
      "9999-12-31",
      "0001-01-01",
      "",
      null,
      undefined,
    ])
      expect(parseDate(bad), String(bad)).toBeNull();
  });

  it("gives form fields the message key a person reads", () => {
    expect(dateField().safeParse("2026-02-30").error?.issues[0]?.message).toBe("validation.date");
    expect(optionalDateField().parse("")).toBeNull();
    expect(optionalDateField().safeParse("2026-02-31").success).toBe(false);
  });
});
