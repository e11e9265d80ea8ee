import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadConfig, settings } from "./config.js";

describe("configuration", () => {
  it("has working defaults for the embedded setup", () => {
    const config = loadConfig({});
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

  it("is documented, every setting, in the README", () => {
    const readme = readFileSync("README.md", "utf8");
    for (const [name, { doc }] of Object.entries(settings)) {
      expect(readme).toMatch(new RegExp(`\\|\\s*\`${name}\`\\s*\\|`));
      expect(readme).toContain(doc);
    }
  });
});
