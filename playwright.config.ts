import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 240_000,
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
  webServer: {
    command: "rm -f .tmp/e2e.sqlite .tmp/e2e.sqlite-wal .tmp/e2e.sqlite-shm && exec npx tsx src/main.ts",
    url: `http://localhost:${PORT}/readyz`,
    reuseExistingServer: false,
    timeout: 240_000,
    env: { PORT: String(PORT), HOST: "127.0.0.1", SQLITE_FILE: ".tmp/e2e.sqlite", LOG_LEVEL: "warn", SEED_DEMO: "true", NODE_ENV: "test" },
  },
});
