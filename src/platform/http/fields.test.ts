import { describe, expect, it } from "vitest";
import { moneyText, parseMoney } from "./fields.js";

describe("a sum of money as people write it", () => {
  it.each([
    ["25000", 2_500_000],
    ["25.000", 2_500_000],
    ["25 000", 2_500_000],
    ["1.250.000", 125_000_000],
    ["25.000,50", 2_500_050],
    ["150,50", 15_050],
    ["150.5", 15_050],
    ["kr. 1.200", 120_000],
    ["€ 80", 8_000],
    ["0", 0],
  ])("reads %s", (text, minor) => {
    expect(parseMoney(text)).toBe(minor);
  });

  it.each(["", "abc", "12,345", "1.2.3", "-5", "25.00.0", "1e5", "12,5,0"])("refuses %s", (text) => {
    expect(parseMoney(text)).toBeNull();
  });

  it.each([
    [2_500_000, "da", "25000"],
    [125_050, "da", "1250,50"],
    [125_050, "en", "1250.50"],
    [5, "nb", "0,05"],
  ])("writes %i back as people type it in %s, and reads it again the same", (minor, lang, text) => {
    expect(moneyText(minor, lang)).toBe(text);
    expect(parseMoney(text)).toBe(minor);
  });
});
