import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import autocannon from "autocannon";
import pg from "pg";
import type { Database } from "../src/db/database.js";
import { newId } from "../src/platform/ids.js";

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}

/** Peak resident memory of a process so far, in MiB (Linux VmHWM). */
export function peakRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmHWM:\s+(\d+) kB/);
  return line ? Math.round(Number(line[1]) / 1024) : Number.NaN;
}

/**
 * CPU time a process has used so far, user and system, all threads, in ms. Unlike wall time and rates, it
 * hardly depends on what else the machine runs.
 */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in ticks of 10 ms
}

/** Resident memory of a process now, in MiB (Linux VmRSS). */
export function currentRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return line ? Math.round(Number(line[1]) / 1024) : Number.NaN;
}

export function startProcess(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
}

/** How every benchmark runs the server: in production mode, quiet, without background jobs, with its own keys. */
const BENCH_SERVER = {
  NODE_ENV: "production",
  LOG_LEVEL: "silent",
  RUN_WORKERS: "false",
  SECRET: "bench-secret-bench-secret-bench-secret",
  DATA_KEY: "YmVuY2gtZGF0YS1rZXktYmVuY2gtZGF0YS1rZXktMDA=",
};

/**
 * The server as `npm start` runs it: the compiled build in dist/ (built first when missing or older than the
 * sources). `{ loader: "tsx" }` runs the TypeScript sources through the tsx loader instead, as before the build.
 */
export function startApp(env: Record<string, string>, options: { loader?: "tsx" } = {}): ChildProcess {
  if (options.loader !== "tsx") spawnSync(process.execPath, ["scripts/build.mjs", "--if-stale"], { stdio: "inherit" });
  const args = options.loader === "tsx" ? ["--import", "tsx", "src/main.ts"] : ["--expose-gc", "dist/main.js"];
  return startProcess(args, { ...BENCH_SERVER, ...env });
}

/** The limit for a page: the same bytes served by a bare Node HTTP server in its own process. */
export function startStaticServer(port: number, body: string): ChildProcess {
  const script = `require("node:http").createServer((q, s) => { s.writeHead(200, { "content-type": "text/html; charset=utf-8" }); s.end(process.env.BODY); }).listen(${port}, "127.0.0.1");`;
  return startProcess(["-e", script], { BODY: body });
}

export interface Load {
  rps: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
}

export async function load(url: string, options: { connections?: number; seconds?: number; headers?: Record<string, string> } = {}): Promise<Load> {
  const result = await autocannon({ url, connections: options.connections ?? 20, duration: options.seconds ?? 8, headers: options.headers });
  return {
    rps: Math.round(result.requests.average),
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** A new, empty database on the benchmark's PostgreSQL server. */
export async function freshPostgres(url: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name}`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

export const REPETITIONS = 3;

/**
 * Runs a measurement REPETITIONS times and keeps each figure's median: these machines are noisy,
 * and one run's figure says little. Figures that are not numbers come from the first run.
 */
export async function medianOf<T extends Record<string, unknown>>(measure: (repetition: number) => Promise<T>): Promise<T> {
  const runs: T[] = [];
  for (let i = 0; i < REPETITIONS; i++) runs.push(await measure(i));
  const first = runs[0] as T;
  const out: Record<string, unknown> = { ...first };
  for (const [key, value] of Object.entries(first)) {
    if (typeof value !== "number") continue;
    const sorted = runs.map((r) => r[key] as number).sort((a, b) => a - b);
    out[key] = sorted[Math.floor(sorted.length / 2)];
  }
  return { ...(out as T), repetitions: runs.length };
}

/** How many requests a benchmark keeps in flight at once. */
export const CONCURRENCY = 20;

/** Runs `count` pieces of work, CONCURRENCY at a time; returns how many finished a second. */
export async function inParallel(count: number, work: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await work(next++);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

/**
 * The limit a writing request is measured against: bare write transactions a second, CONCURRENCY at a time, each
 * one one-row insert (or `statements` of them, to compare with a request that sends that many).
 */
export function bareWriteLimit(db: Database, tenantId: string, count: number, statements = 1): Promise<number> {
  return inParallel(count, (i) =>
    db.transaction().execute(async (trx) => {
      for (let k = 0; k < statements; k++)
        await trx
          .insertInto("audit_log")
          .values({
            id: newId(),
            tenant_id: tenantId,
            actor_id: null,
            action: "bench.write",
            entity_type: "bench",
            entity_id: `${i}.${k}`,
            ip: null,
            details: null,
            at: new Date().toISOString(),
          })
          .execute();
    }),
  );
}
