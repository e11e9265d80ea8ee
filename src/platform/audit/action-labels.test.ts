import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { translator } from "../i18n/i18n.js";
import { actionLabel, labelledActions } from "./action-labels.js";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("the logs' actions in words", () => {
  it("has words for every action the code writes to the audit and access logs", () => {
    const code = sourceFiles("src")
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const written = new Set([
      ...[...code.matchAll(/\baudit\(\s*[\w{}.:, ]+?,\s*"([a-z_]+\.[a-z_.]+)"/g)].map((m) => m[1] as string),
      ...[...code.matchAll(/\blogAccess\(\s*\w+,\s*"([a-z_]+\.[a-z_.]+)"/g)].map((m) => m[1] as string),
    ]);
    expect(written.size).toBeGreaterThan(20);
    const labelled = new Set(labelledActions());
    expect([...written].filter((a) => !labelled.has(a))).toEqual([]);
  });

  it("reads an action in each language and falls back to its code", () => {
    expect(actionLabel(translator("da"), "booking.approved")).toBe("Booking godkendt");
    expect(actionLabel(translator("nl"), "booking.approved")).toBe("Boeking goedgekeurd");
    expect(actionLabel(translator("en"), "something.new")).toBe("something.new");
  });
});
