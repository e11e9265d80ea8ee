import type { DialectName } from "../src/db/portable.js";
import { systemClock } from "../src/platform/clock.js";
import { tenantIndex } from "../src/platform/search/search-index.js";
import { buildSnapshot } from "../src/platform/search/snapshots.js";
import { currentRssMb, freePort, freshPostgres, startApp, waitFor } from "./harness.js";
import { rankingTimes } from "./search.js";
import { syntheticDatabase } from "./synthetic.js";

const COUNTS = { associations: 500_000, jobs: 1_000_000 };
const QUERIES = ["/search?q=bes%C3%B8gsven", "/search?q=frivilig&near=8000&within=10", "/search?category=sport&sort=newest", "/search?q=fodbold+tr%C3%A6ner"];

export async function millionBench(dialect: DialectName, serverUrl?: string) {
  if (dialect !== "postgres" || !serverUrl) return;
  const settings = { SQLITE_FILE: "", DATABASE_URL: await freshPostgres(serverUrl, "sammen_million_bench") };
  const { db, tenantId, seedSeconds } = await syntheticDatabase(settings, COUNTS);
  try {
    const building = performance.now();
    const docs = await buildSnapshot(db, systemClock, tenantId, "da");
    const snapshotMs = Math.round(performance.now() - building);
    const stored = await db
      .selectFrom("search_snapshots")
      .select((eb) => [eb.fn.countAll<number>().as("parts"), eb.fn.sum<number>(eb.fn("length", ["data"])).as("bytes")])
      .where("tenant_id", "=", tenantId)
      .executeTakeFirstOrThrow();

    const port = await freePort();
    const spawned = performance.now();
    const app = startApp({
      PORT: String(port),
      ...settings,
      NODE_OPTIONS: "--max-old-space-size=4096",
    });
    const searches: number[] = [];
    let readyMs = 0;
    let readyRss = 0;
    try {
      await waitFor(`http://localhost:${port}/readyz`, 600_000);
      readyMs = Math.round(performance.now() - spawned);
      readyRss = currentRssMb(app.pid as number);
      for (const path of QUERIES) {
        const started = performance.now();
        await (await fetch(`http://localhost:${port}${path}`)).text();
        searches.push(Math.round(performance.now() - started));
      }
    } finally {
      app.kill("SIGTERM");
    }

    const index = await tenantIndex(db, tenantId, "da");
    const { times } = rankingTimes(index, 5);
    const figures = {
      name: "search_million",
      dialect,
      docs,
      seed_s: seedSeconds,
      snapshot_build_ms: snapshotMs,
      snapshot_parts: Number(stored.parts),
      snapshot_mb: Math.round(Number(stored.bytes) / 1048576),
      ready_ms: readyMs,
      rss_mb: readyRss,
      first_searches_ms: searches,
      rank_p50_ms: Math.round((times[2] ?? 0) * 10) / 10,
    };
    console.log(
      `one million on ${dialect}: snapshot of ${docs} documents built in ${snapshotMs} ms (${figures.snapshot_parts} parts, ${figures.snapshot_mb} MiB); a fresh instance is ready in ${readyMs} ms holding ${readyRss} MiB; its first searches took ${searches.join(", ")} ms; ranking for one person ${figures.rank_p50_ms} ms`,
    );
    console.log(JSON.stringify(figures));
  } finally {
    await db.destroy();
  }
}
