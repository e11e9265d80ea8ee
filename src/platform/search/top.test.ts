import { describe, expect, it } from "vitest";
import { firstInOrder } from "./top.js";

describe("firstInOrder", () => {
  it("gives the same first k as a full sort, ties in input order", () => {
    const items = Array.from({ length: 500 }, (_, i) => ({ i, v: (i * 7919) % 37 }));
    const cmp = (a: { v: number }, b: { v: number }) => a.v - b.v;
    for (const k of [0, 1, 20, 499, 500, 600]) expect(firstInOrder(items, k, cmp)).toEqual([...items].sort(cmp).slice(0, k));
  });
});
