// `npm test`: static checks, unit and integration tests on SQLite and PostgreSQL, and browser tests;
// it says which parts ran. A part that cannot run here is skipped loudly, and under CI=true that fails the run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { type Cluster, startCluster, whoCanRunPostgres } from "./postgres-cluster.js";

const ci = process.env.CI === "true";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
mkdirSync(".tmp", { recursive: true });
for (const f of [".tmp/vitest.json", ".tmp/playwright.json", ".tmp/axe-results.jsonl"]) rmSync(f, { force: true });

const run = (cmd: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
const loud = (message: string) => console.error(`\n${"!".repeat(78)}\n!! ${message}\n${"!".repeat(78)}\n`);

const parts: { name: string; ran: boolean; note: string }[] = [];
let passed = 0;
let failed = 0;
let missing = false;

// 1. Static checks.
const lint = run("npx", ["biome", "check", "."]) === 0 && run("npx", ["tsc", "--noEmit"]) === 0;
parts.push({ name: "static checks (Biome, tsc)", ran: true, note: lint ? "clean" : "FAILED" });
if (lint) passed += 1;
else failed += 1;

// 2. Unit and integration tests, on SQLite and on PostgreSQL.
let cluster: Cluster | null = null;
let pgUrl = process.env.TEST_DATABASE_URL ?? "";
if (!pgUrl) {
  const problem = whoCanRunPostgres();
  if (problem) {
    loud(`PostgreSQL tests will NOT run: ${problem}`);
    missing = true;
  } else {
    cluster = await startCluster();
    pgUrl = cluster.url;
  }
}
let vitestStatus = 1;
try {
  vitestStatus = run(
    "npx",
    ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile=.tmp/vitest.json"],
    pgUrl ? { TEST_DATABASE_URL: pgUrl } : {},
  );
} finally {
  cluster?.stop();
}
if (existsSync(".tmp/vitest.json")) {
  const report = JSON.parse(readFileSync(".tmp/vitest.json", "utf8")) as {
    testResults: { name: string; status: string; assertionResults: { fullName: string; status: string }[] }[];
  };
  const all = report.testResults.flatMap((f) => f.assertionResults);
  const group = (test: (name: string) => boolean) => {
    const mine = all.filter((a) => test(a.fullName));
    return { ok: mine.filter((a) => a.status === "passed").length, bad: mine.filter((a) => a.status === "failed").length };
  };
  const sqlite = group((n) => n.includes("[sqlite]"));
  const postgres = group((n) => n.includes("[postgres]"));
  const unit = group((n) => !n.includes("[sqlite]") && !n.includes("[postgres]"));
  parts.push({ name: "unit tests", ran: unit.ok + unit.bad > 0, note: `${unit.ok} passed, ${unit.bad} failed` });
  parts.push({ name: "integration on SQLite", ran: sqlite.ok + sqlite.bad > 0, note: `${sqlite.ok} passed, ${sqlite.bad} failed` });
  parts.push({
    name: "integration on PostgreSQL",
    ran: postgres.ok + postgres.bad > 0,
    note: postgres.ok + postgres.bad ? `${postgres.ok} passed, ${postgres.bad} failed` : "NOT RUN",
  });
  if (pgUrl && postgres.ok + postgres.bad === 0) missing = true;
  passed += unit.ok + sqlite.ok + postgres.ok;
  failed += unit.bad + sqlite.bad + postgres.bad;
  const others = all.filter((a) => a.status !== "passed" && a.status !== "failed");
  if (others.length) failed += others.length;
  // A test file that cannot even load has no tests to count, but vitest fails; so must the run.
  const broken = report.testResults.filter((f) => f.status === "failed" && f.assertionResults.every((a) => a.status !== "failed"));
  for (const f of broken) loud(`Test file failed outside its tests: ${f.name}`);
  failed += broken.length;
  if (vitestStatus !== 0 && failed === 0) {
    loud("vitest failed, but no test in its report did");
    failed += 1;
  }
} else {
  parts.push({ name: "unit and integration tests", ran: false, note: "vitest wrote no report: FAILED" });
  failed += 1;
}

// 3. Browser tests with axe.
if (existsSync(chromium)) {
  const status = run("npx", ["playwright", "test"], { CHROMIUM_PATH: chromium });
  if (existsSync(".tmp/playwright.json")) {
    const report = JSON.parse(readFileSync(".tmp/playwright.json", "utf8")) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      errors?: unknown[];
    };
    const stats = report.stats;
    const axe = existsSync(".tmp/axe-results.jsonl")
      ? readFileSync(".tmp/axe-results.jsonl", "utf8")
          .trim()
          .split("\n")
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { url: string; violations: number; overflow?: boolean })
      : [];
    const violations = axe.reduce((n, r) => n + r.violations, 0);
    const overflowing = axe.filter((r) => r.overflow).length;
    const pages = new Set(axe.map((r) => new URL(r.url).pathname)).size;
    parts.push({
      name: "browser tests (Chromium)",
      ran: stats.expected + stats.unexpected > 0,
      note: `${stats.expected} passed, ${stats.unexpected + stats.flaky} failed; axe checked ${axe.length} page views at 375 and 1280 px (${pages} pages): ${violations} violations, ${overflowing} wider than the screen`,
    });
    passed += stats.expected;
    failed += stats.unexpected + stats.flaky + stats.skipped + (violations > 0 || overflowing > 0 ? 1 : 0);
    // Playwright can end without running a test (its web server did not start, a spec did not load): that fails too.
    if (stats.expected + stats.unexpected === 0 || (status !== 0 && stats.unexpected === 0) || (report.errors?.length ?? 0) > 0) {
      loud("The browser tests did not run to the end (see Playwright's errors above): this run FAILS.");
      failed += 1;
    }
  } else {
    parts.push({ name: "browser tests (Chromium)", ran: false, note: "Playwright wrote no report: FAILED" });
    failed += 1;
  }
} else {
  loud(`Browser tests will NOT run: no Chromium at ${chromium} (apt-get install -y chromium)`);
  parts.push({ name: "browser tests (Chromium)", ran: false, note: "NOT RUN" });
  missing = true;
}

console.log("\nSammen test run");
for (const p of parts) console.log(`  ${p.ran ? "ran    " : "SKIPPED"}  ${p.name.padEnd(30)} ${p.note}`);
if (missing) {
  loud(ci ? "A part of the suite could not run, and CI=true: this run FAILS." : "A part of the suite could not run (see above).");
  if (ci) failed += 1;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
