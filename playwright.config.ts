import { defineConfig } from "@playwright/test";

/** Each worker has a portal of its own (port PORT + its index, its own demo database), so journeys in parallel share nothing. */
export const PORT = Number(process.env.E2E_PORT ?? 3210);
export const WORKERS = 2;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: WORKERS,
  retries: 0,
  // A journey checks each page at two widths with axe: the longest take a few minutes.
  timeout: 480_000,
  reporter: [["list"], ["json", { outputFile: ".tmp/playwright.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "da-DK",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
    trace: "retain-on-failure",
  },
  webServer: Array.from({ length: WORKERS }, (_, i) => {
    const file = `.tmp/e2e-${i}.sqlite`;
    return {
      command: `rm -f ${file} ${file}-wal ${file}-shm && exec npx tsx src/main.ts`,
      url: `http://localhost:${PORT + i}/readyz`,
      reuseExistingServer: false,
      timeout: 240_000,
      env: { PORT: String(PORT + i), HOST: "127.0.0.1", SQLITE_FILE: file, LOG_LEVEL: "warn", SEED_DEMO: "true", NODE_ENV: "test" },
    };
  }),
});
