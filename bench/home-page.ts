// The home page under load, beside the same bytes served as a static file by a bare Node server.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DialectName } from "../src/db/portable.js";
import { freePort, load, peakRssMb, startApp, startStaticServer, waitFor } from "./harness.js";

export async function homePage(dialect: DialectName, databaseUrl?: string) {
  const dir = mkdtempSync(join(tmpdir(), "sammen-bench-"));
  const port = await freePort();
  const app = startApp({
    PORT: String(port),
    SQLITE_FILE: join(dir, "bench.sqlite"),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    LOG_LEVEL: "silent",
    RUN_WORKERS: "false",
    NODE_ENV: "production",
    SECRET: "bench-secret-bench-secret-bench-secret",
  });
  const limitPort = await freePort();
  let staticServer: ReturnType<typeof startStaticServer> | null = null;
  try {
    const url = `http://localhost:${port}/`;
    await waitFor(`http://localhost:${port}/readyz`);
    const body = await (await fetch(url)).text();
    staticServer = startStaticServer(limitPort, body);
    await waitFor(`http://127.0.0.1:${limitPort}/`);
    await load(url, { seconds: 2 });
    const measured = await load(url);
    const limit = await load(`http://127.0.0.1:${limitPort}/`);
    const figures = {
      name: "home_page",
      dialect,
      p50_ms: measured.p50_ms,
      p99_ms: measured.p99_ms,
      rps: measured.rps,
      limit_rps: limit.rps,
      ratio: Number((measured.rps / limit.rps).toFixed(3)),
      rss_mb: peakRssMb(app.pid as number),
      bytes: Buffer.byteLength(body),
      errors: measured.errors,
      limit_p50_ms: limit.p50_ms,
      limit_p99_ms: limit.p99_ms,
    };
    console.log(`home page on ${dialect}: ${figures.rps} req/s (p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms, peak RSS ${figures.rss_mb} MiB)`);
    console.log(`  the same ${figures.bytes} bytes as a static file: ${figures.limit_rps} req/s — ratio ${figures.ratio}`);
    console.log(JSON.stringify(figures));
    return figures;
  } finally {
    app.kill("SIGTERM");
    staticServer?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}
