import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, settings } from "./config.js";
import { parseKey } from "./platform/crypto/sealed.js";

/** Secrets given, so that no test keeps one in the working folder. */
const given = { SECRET: "x".repeat(40), DATA_KEY: randomBytes(32).toString("base64") };

describe("configuration", () => {
  it("has working defaults for the embedded setup", () => {
    const config = loadConfig(given);
    expect(config).toMatchObject({ PORT: 3000, SQLITE_FILE: "data/sammen.sqlite", DATABASE_URL: undefined, RUN_WORKERS: true });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("names every bad setting", () => {
    expect(() => loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", OIDC_SECRETS: "[1" })).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*OIDC_SECRETS/);
  });

  it("requires a secret and a data key in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/SECRET: required in production[\s\S]*DATA_KEY: required in production/);
    expect(() => loadConfig({ NODE_ENV: "production", SECRET: "x".repeat(40) })).toThrow(/DATA_KEY: required in production/);
    const key = randomBytes(32).toString("base64");
    expect(loadConfig({ NODE_ENV: "production", SECRET: "x".repeat(40), DATA_KEY: key }).secret).toBe("x".repeat(40));
  });

  it("takes a data key of 32 bytes in base64 or hex, and earlier keys as a list", () => {
    const [a, b] = [randomBytes(32), randomBytes(32)];
    const config = loadConfig({ ...given, DATA_KEY: a.toString("hex"), DATA_KEYS_OLD: ` ${b.toString("base64")} ,` });
    expect(config.DATA_KEYS_OLD).toEqual([b.toString("base64")]);
    expect(config.dataKey).toBe(a.toString("hex"));
    expect(() => loadConfig({ ...given, DATA_KEY: "too short" })).toThrow(/DATA_KEY: must be 32 random bytes/);
    expect(() => loadConfig({ ...given, DATA_KEYS_OLD: "nope" })).toThrow(/DATA_KEYS_OLD/);
  });

  it("seeds the demo by default only outside production", () => {
    const prod = { NODE_ENV: "production", ...given };
    expect(loadConfig(prod).SEED_DEMO).toBe(false);
    expect(loadConfig({ ...prod, SEED_DEMO: "true" }).SEED_DEMO).toBe(true);
    expect(loadConfig(given).SEED_DEMO).toBe(true);
  });

  it("refuses to listen beyond this machine while mail only goes to the dev mailbox", () => {
    expect(() => loadConfig({ HOST: "0.0.0.0", ...given })).toThrow(/HOST: 0.0.0.0 is reachable from other machines; set SMTP_URL first/);
    expect(loadConfig({ HOST: "0.0.0.0", ...given, SMTP_URL: "smtp://mail.example.org" }).HOST).toBe("0.0.0.0");
    expect(loadConfig({ HOST: "::1", ...given }).HOST).toBe("::1");
  });

  it("makes a random secret and data key once outside production and keeps them beside the data", () => {
    const folder = mkdtempSync(join(tmpdir(), "sammen-config-"));
    const first = loadConfig({ SQLITE_FILE: join(folder, "sammen.sqlite") });
    expect(first.secret).toMatch(/^[\w-]{43}$/);
    expect(parseKey(first.dataKey)).not.toBeNull();
    expect(first.dataKey).not.toBe(first.secret);
    const again = loadConfig({ SQLITE_FILE: join(folder, "sammen.sqlite") });
    expect([again.secret, again.dataKey]).toEqual([first.secret, first.dataKey]);
    for (const file of ["secret", "data-key"]) expect(statSync(join(folder, file)).mode & 0o077).toBe(0);
    const other = mkdtempSync(join(tmpdir(), "sammen-config-"));
    const elsewhere = loadConfig({ SQLITE_FILE: join(other, "sammen.sqlite") });
    expect([elsewhere.secret === first.secret, elsewhere.dataKey === first.dataKey]).toEqual([false, false]);
  });

  it("is documented, every setting, in the README", () => {
    const readme = readFileSync("README.md", "utf8");
    for (const [name, { doc }] of Object.entries(settings)) {
      expect(readme).toMatch(new RegExp(`\\|\\s*\`${name}\`\\s*\\|`));
      expect(readme).toContain(doc);
    }
  });
});
