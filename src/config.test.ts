import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, settings } from "./config.js";

describe("configuration", () => {
  it("has working defaults for the embedded setup", () => {
    const config = loadConfig({ SECRET: "x".repeat(40) });
    expect(config).toMatchObject({ PORT: 3000, SQLITE_FILE: "data/sammen.sqlite", DATABASE_URL: undefined, RUN_WORKERS: true });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it("names every bad setting", () => {
    expect(() => loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", OIDC_SECRETS: "[1" })).toThrow(/PORT[\s\S]*DATABASE_URL[\s\S]*OIDC_SECRETS/);
  });

  it("requires a secret in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/SECRET: required in production/);
    expect(loadConfig({ NODE_ENV: "production", SECRET: "x".repeat(40) }).secret).toBe("x".repeat(40));
  });

  it("seeds the demo by default only outside production", () => {
    const prod = { NODE_ENV: "production", SECRET: "x".repeat(40) };
    expect(loadConfig(prod).SEED_DEMO).toBe(false);
    expect(loadConfig({ ...prod, SEED_DEMO: "true" }).SEED_DEMO).toBe(true);
    expect(loadConfig({ SECRET: "x".repeat(40) }).SEED_DEMO).toBe(true);
  });

  it("refuses to listen beyond this machine while mail only goes to the dev mailbox", () => {
    expect(() => loadConfig({ HOST: "0.0.0.0", SECRET: "x".repeat(40) })).toThrow(/HOST: 0.0.0.0 is reachable from other machines; set SMTP_URL first/);
    expect(loadConfig({ HOST: "0.0.0.0", SECRET: "x".repeat(40), SMTP_URL: "smtp://mail.example.org" }).HOST).toBe("0.0.0.0");
    expect(loadConfig({ HOST: "::1", SECRET: "x".repeat(40) }).HOST).toBe("::1");
  });

  it("makes a random secret once outside production and keeps it beside the data", () => {
    const folder = mkdtempSync(join(tmpdir(), "sammen-config-"));
    const first = loadConfig({ SQLITE_FILE: join(folder, "sammen.sqlite") }).secret;
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(loadConfig({ SQLITE_FILE: join(folder, "sammen.sqlite") }).secret).toBe(first);
    expect(statSync(join(folder, "secret")).mode & 0o077).toBe(0);
    const other = mkdtempSync(join(tmpdir(), "sammen-config-"));
    expect(loadConfig({ SQLITE_FILE: join(other, "sammen.sqlite") }).secret).not.toBe(first);
  });

  it("is documented, every setting, in the README", () => {
    const readme = readFileSync("README.md", "utf8");
    for (const [name, { doc }] of Object.entries(settings)) {
      expect(readme).toMatch(new RegExp(`\\|\\s*\`${name}\`\\s*\\|`));
      expect(readme).toContain(doc);
    }
  });
});
