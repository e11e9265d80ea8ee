import { describe, expect, it } from "vitest";
import { randomToken } from "./random-token.js";

describe("random tokens", () => {
  it("hands out each part of a block once, across blocks, in base64url of the asked length", () => {
    const seen = new Set<string>();
    // More than a block's worth, so several blocks are drawn and no part of one is handed out twice.
    for (let i = 0; i < 1000; i++) {
      const token = randomToken(16);
      expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
      seen.add(token);
    }
    expect(seen.size).toBe(1000);
    expect(Buffer.from(randomToken(24), "base64url")).toHaveLength(24);
  });
});
