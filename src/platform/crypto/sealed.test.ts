import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config.js";
import { dataKeyring } from "./data-key.js";
import { isSealed, keyId, keyring, open, parseKey, seal, sealedWith, UnknownDataKey } from "./sealed.js";

const FIELD = "applications.message";
const text = "Jeg har sukkersyge og kan ikke gå langt.";

describe("sealed fields", () => {
  const [a, b] = [randomBytes(32), randomBytes(32)];

  it("seals text so that it does not show, and opens it with the same key and field", () => {
    const ring = keyring(a);
    const sealed = seal(ring, FIELD, text);
    expect(sealed).not.toContain("sukkersyge");
    expect(isSealed(sealed)).toBe(true);
    expect(sealedWith(sealed)).toBe(keyId(a));
    expect(open(ring, FIELD, sealed)).toBe(text);
    // The same text twice seals differently.
    expect(seal(ring, FIELD, text)).not.toBe(sealed);
    expect(open(ring, FIELD, seal(ring, FIELD, ""))).toBe("");
  });

  it("refuses a value moved to another field, or changed", () => {
    const ring = keyring(a);
    const sealed = seal(ring, FIELD, text);
    expect(() => open(ring, "matching_consents.note", sealed)).toThrow();
    const [prefix, id, data = ""] = sealed.split(".");
    const flipped = Buffer.from(data, "base64url");
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    expect(() => open(ring, FIELD, `${prefix}.${id}.${flipped.toString("base64url")}`)).toThrow();
  });

  it("reads what an earlier key sealed while that key is listed as old, and names a key it lacks", () => {
    const old = seal(keyring(a), FIELD, text);
    const rotated = keyring(b, [a]);
    expect(open(rotated, FIELD, old)).toBe(text);
    expect(sealedWith(seal(rotated, FIELD, text))).toBe(keyId(b));
    expect(() => open(keyring(b), FIELD, old)).toThrow(UnknownDataKey);
  });

  it("passes text stored before the field was sealed through unchanged", () => {
    expect(open(keyring(a), FIELD, "plain words")).toBe("plain words");
    expect(sealedWith("plain words")).toBeNull();
  });

  it("takes keys of 32 bytes in base64 or hex only", () => {
    expect(parseKey(a.toString("base64"))?.equals(a)).toBe(true);
    expect(parseKey(a.toString("hex"))?.equals(a)).toBe(true);
    expect(parseKey(randomBytes(16).toString("base64"))).toBeNull();
    expect(parseKey("")).toBeNull();
  });
});

describe("the data key", () => {
  it("comes from DATA_KEY, with DATA_KEYS_OLD still opening what they sealed", () => {
    const [now, before] = [randomBytes(32), randomBytes(32)];
    const ring = dataKeyring(loadConfig({ SECRET: "x".repeat(40), DATA_KEY: now.toString("base64"), DATA_KEYS_OLD: before.toString("hex") }));
    expect(ring.currentId).toBe(keyId(now));
    expect([...ring.keys.keys()].sort()).toEqual([keyId(now), keyId(before)].sort());
  });

  it("opens tomorrow what it sealed today when none is set outside production: the key is kept beside the data", () => {
    const dir = mkdtempSync(join(tmpdir(), "sammen-key-"));
    const config = () => loadConfig({ NODE_ENV: "development", SQLITE_FILE: join(dir, "sammen.sqlite") });
    const sealed = seal(dataKeyring(config()), FIELD, text);
    expect(open(dataKeyring(config()), FIELD, sealed)).toBe(text);
    rmSync(dir, { recursive: true, force: true });
  });
});
