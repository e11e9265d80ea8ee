// Start time and memory of the server as `npm start` runs it (the compiled build), on an existing database
// with the demo data, beside the same server run through the tsx TypeScript loader in the same run.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DialectName } from "../src/db/portable.js";
import { cpuMs, currentRssMb, freePort, freshPostgres, medianOf, REPETITIONS, startApp, waitFor } from "./harness.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function stop(app: ChildProcess) {
  if (app.exitCode !== null) return;
  const exited = new Promise((r) => app.once("exit", r));
  app.kill("SIGINT"); // SIGINT skips the drain wait of SIGTERM
  await exited;
}

/**
 * One start: ms from spawn until /healthz answers; RSS 3 s later, while the heap still holds what starting
 * allocated; RSS once idle, 20 s after, when V8's memory reducer (which waits about 8 s for allocation to
 * stop) has given that back; and RSS after a few pages.
 */
async function once(env: Record<string, string>, loader?: "tsx") {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const app = startApp({ ...env, PORT: String(port), HOST: "127.0.0.1" }, { loader });
  try {
    for (;;) {
      if (app.exitCode !== null) throw new Error("the server exited while starting");
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {}
      await sleep(10);
    }
    const startMs = Math.round(performance.now() - started);
    const startCpu = cpuMs(app.pid as number);
    await sleep(3000);
    const startRss = currentRssMb(app.pid as number);
    await sleep(20_000);
    const idleRss = currentRssMb(app.pid as number);
    for (const path of ["/", "/search?q=hjælp", "/opportunities", "/associations", "/sign-in", "/"]) await (await fetch(`${base}${path}`)).arrayBuffer();
    await sleep(1000);
    return { start_ms: startMs, start_cpu_ms: startCpu, start_rss_mb: startRss, idle_rss_mb: idleRss, rss_mb: currentRssMb(app.pid as number) };
  } finally {
    await stop(app);
  }
}

export async function startupBench(dialect: DialectName, databaseUrl?: string) {
  const dir = mkdtempSync(join(tmpdir(), "sammen-bench-"));
  const env: Record<string, string> = {
    SQLITE_FILE: join(dir, "bench.sqlite"),
    ...(databaseUrl ? { DATABASE_URL: await freshPostgres(databaseUrl, "sammen_bench_startup") } : {}),
    SEED_DEMO: "true",
    // Idle memory counts the background jobs a real instance runs.
    RUN_WORKERS: "true",
  };
  try {
    // The first start migrates and seeds the demo; the measured starts find an existing database.
    const port = await freePort();
    const first = startApp({ ...env, PORT: String(port), HOST: "127.0.0.1" });
    await waitFor(`http://127.0.0.1:${port}/readyz`, 300_000);
    await stop(first);
    const built = await medianOf(() => once(env));
    const tsx = await medianOf(() => once(env, "tsx"));
    const figures = {
      name: "startup",
      dialect,
      start_ms: built.start_ms,
      start_cpu_ms: built.start_cpu_ms,
      start_rss_mb: built.start_rss_mb,
      idle_rss_mb: built.idle_rss_mb,
      rss_mb: built.rss_mb,
      limit_start_ms: tsx.start_ms,
      limit_start_cpu_ms: tsx.start_cpu_ms,
      limit_start_rss_mb: tsx.start_rss_mb,
      limit_idle_rss_mb: tsx.idle_rss_mb,
      limit_rss_mb: tsx.rss_mb,
      ratio: Number((built.start_ms / tsx.start_ms).toFixed(3)),
      repetitions: REPETITIONS,
    };
    console.log(
      `start on ${dialect} (existing database, demo data): ${figures.start_ms} ms to /healthz (${figures.start_cpu_ms} ms of CPU), ${figures.start_rss_mb} MiB 3 s later, ${figures.idle_rss_mb} MiB idle, ${figures.rss_mb} MiB after a few pages`,
    );
    console.log(
      `  through the tsx loader: ${figures.limit_start_ms} ms (${figures.limit_start_cpu_ms} ms of CPU), ${figures.limit_idle_rss_mb} MiB idle, ${figures.limit_rss_mb} MiB — ratio ${figures.ratio}`,
    );
    console.log(JSON.stringify(figures));
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
