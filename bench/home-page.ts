// The home page, a search page and the events calendar under load, each beside the same bytes served as a static file by a bare
// Node server in the same run (the "static limit"). Each page is loaded without and with `Accept-Encoding: gzip`;
// both ratios are against the same plain static server, measured in turns with the page. Three repetitions, each
// figure's median.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DialectName } from "../src/db/portable.js";
import { freePort, freshPostgres, type Load, load, medianOf, peakRssMb, startApp, startStaticServer, waitFor } from "./harness.js";

const PAGES = [
  { name: "home_page", path: "/" },
  { name: "search_page", path: `/search?q=${encodeURIComponent("besøgsven")}` },
  { name: "calendar_page", path: "/events" },
] as const;

const GZIP = { "accept-encoding": "gzip" };
const TURNS = 3;
const TURN_SECONDS = 3;

/** Loads of equal length as one: the mean rate, the median of their latencies and all their errors. */
function joined(loads: Load[]): Load {
  const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  return {
    rps: Math.round(loads.reduce((n, l) => n + l.rps, 0) / loads.length),
    p50_ms: middle(loads.map((l) => l.p50_ms)),
    p99_ms: middle(loads.map((l) => l.p99_ms)),
    errors: loads.reduce((n, l) => n + l.errors, 0),
  };
}

type Figures = Record<string, string | number>;

async function measurePage(base: string, page: (typeof PAGES)[number], dialect: DialectName, pid: number): Promise<Figures> {
  const url = `${base}${page.path}`;
  const first = await fetch(url);
  const body = await first.text();
  if (!first.ok) throw new Error(`${url} answered ${first.status}`);
  const limitPort = await freePort();
  const staticServer = startStaticServer(limitPort, body);
  try {
    await waitFor(`http://127.0.0.1:${limitPort}/`);
    // Warm: the JIT and the garbage the demo seeding left settle before the measured loads.
    await load(url, { seconds: 5 });
    // The static limit, the page and the page compressed in turns, so that a change in what else the machine runs
    // falls on all three alike.
    const turns: { limit: Load; plain: Load; gzip: Load }[] = [];
    for (let i = 0; i < TURNS; i++)
      turns.push({
        limit: await load(`http://127.0.0.1:${limitPort}/`, { seconds: TURN_SECONDS }),
        plain: await load(url, { seconds: TURN_SECONDS }),
        gzip: await load(url, { seconds: TURN_SECONDS, headers: GZIP }),
      });
    const limit = joined(turns.map((t) => t.limit));
    const plain = joined(turns.map((t) => t.plain));
    const gzip = joined(turns.map((t) => t.gzip));
    const gzipped = await fetch(url, { headers: GZIP });
    const gzipBytes = (await gzipped.arrayBuffer()).byteLength; // fetch decodes: this counts the decoded bytes
    return {
      name: page.name,
      dialect,
      p50_ms: plain.p50_ms,
      p99_ms: plain.p99_ms,
      rps: plain.rps,
      limit_rps: limit.rps,
      ratio: Number((plain.rps / limit.rps).toFixed(3)),
      gzip_p50_ms: gzip.p50_ms,
      gzip_p99_ms: gzip.p99_ms,
      gzip_rps: gzip.rps,
      gzip_ratio: Number((gzip.rps / limit.rps).toFixed(3)),
      rss_mb: peakRssMb(pid),
      bytes: Buffer.byteLength(body),
      gzip_encoding: gzipped.headers.get("content-encoding") ?? "none",
      gzip_decoded_bytes: gzipBytes,
      errors: plain.errors + gzip.errors,
      limit_p50_ms: limit.p50_ms,
      limit_p99_ms: limit.p99_ms,
    };
  } finally {
    staticServer.kill("SIGTERM");
  }
}

/** One repetition: a fresh database with the demo data, a server, and every page measured on it. */
async function once(dialect: DialectName, databaseUrl: string | undefined, repetition: number): Promise<Figures[]> {
  const dir = mkdtempSync(join(tmpdir(), "sammen-bench-"));
  const port = await freePort();
  const database = databaseUrl ? await freshPostgres(databaseUrl, `bench_pages_${repetition}`) : undefined;
  const app = startApp({
    PORT: String(port),
    SQLITE_FILE: join(dir, "bench.sqlite"),
    ...(database ? { DATABASE_URL: database } : {}),
    SEED_DEMO: "true",
  });
  try {
    const base = `http://localhost:${port}`;
    await waitFor(`${base}/readyz`);
    const out: Figures[] = [];
    for (const page of PAGES) out.push(await measurePage(base, page, dialect, app.pid as number));
    return out;
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function homePage(dialect: DialectName, databaseUrl?: string) {
  const runs: Figures[][] = [];
  await medianOf(async (repetition) => {
    runs.push(await once(dialect, databaseUrl, repetition));
    return {};
  });
  const results: Figures[] = [];
  for (let i = 0; i < PAGES.length; i++) {
    let n = 0;
    const figures = await medianOf(async () => runs[n++]?.[i] as Figures);
    results.push(figures);
    console.log(
      `${figures.name} on ${dialect}: ${figures.rps} req/s (p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms), gzip ${figures.gzip_rps} req/s (${figures.gzip_encoding}); ` +
        `static ${figures.limit_rps} req/s for ${figures.bytes} bytes — ratio ${figures.ratio}, gzip ratio ${figures.gzip_ratio}; peak RSS ${figures.rss_mb} MiB`,
    );
    console.log(JSON.stringify(figures));
  }
  return results;
}
