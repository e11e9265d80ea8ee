// One search and matching at national scale: 100,000 jobs from 50,000 associations.
// /search under load beside the same bytes as a static file (the load repeats six queries, so it
// measures answers the query cache holds; the engine alone is timed without it), and the time to
// rank every job for one profile.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { demoPostcodes } from "../scripts/demo-postcodes.js";
import type { DialectName } from "../src/db/portable.js";
import { latitudeBand, rank } from "../src/modules/matching/matching.js";
import type { Profile } from "../src/modules/matching/matching.model.js";
import { SEARCH_PAGE_SIZE, type SearchInput, searchHref, searchInput } from "../src/modules/search/search.schema.js";
import { systemClock } from "../src/platform/clock.js";
import { FILTER_KEYS, runSearch } from "../src/platform/search/query.js";
import { liveDocuments, tenantIndex, viewOf } from "../src/platform/search/search-index.js";
import { buildSnapshot } from "../src/platform/search/snapshots.js";
import { currentRssMb, freePort, freshPostgres, type Load, medianOf, peakRssMb, startApp, startStaticServer, waitFor } from "./harness.js";
import { syntheticDatabase } from "./synthetic.js";

const COUNTS = { associations: 50_000, jobs: 100_000 };
const SEARCHES: SearchInput[] = [
  { q: "besøgsven" },
  { q: "frivilig", near: "8000", within: "10" },
  { category: ["sport"], sort: "newest" },
  { q: "lektiehjælper børn", near: "8200", sort: "distance" },
  { suits: ["seniors"], commitment: ["weekly"], page: "3" },
  { q: "fodbold træner", category: ["sport"], within: "25", near: "8260" },
].map((raw) => searchInput.parse(raw));
const QUERIES = SEARCHES.map((input) => searchHref(input));

/** The engine alone, every query computed afresh: what a search costs when no cache has the answer. */
function uncached(index: Awaited<ReturnType<typeof tenantIndex>>) {
  const times: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const input of SEARCHES) {
      const place = demoPostcodes.find(([code]) => code === input.near);
      const started = performance.now();
      runSearch(index, {
        q: input.q,
        filters: Object.fromEntries(FILTER_KEYS.map((k) => [k, input[k]])),
        origin: place ? { lat: place[2], lon: place[3] } : null,
        withinKm: input.within ?? null,
        sort: input.sort,
        today: "2026-11-22",
        offset: (input.page - 1) * SEARCH_PAGE_SIZE,
        limit: SEARCH_PAGE_SIZE,
      });
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round((times[Math.floor(q * (times.length - 1))] ?? 0) * 10) / 10;
  return { p50: at(0.5), p99: at(0.99) };
}

/** Every job ranked for one person, `runs` times: the sorted times in ms, and how many documents were ranked. */
export function rankingTimes(index: Awaited<ReturnType<typeof tenantIndex>>, runs: number) {
  const profile: Profile = {
    interests: ["elderly", "social"],
    skills: "",
    slots: ["tue-morning", "wed-morning", "thu-afternoon"],
    origin: { lat: 56.1567, lon: 10.2108 },
    maxKm: 25,
    languages: ["da"],
    needs: ["step_free"],
    setting: "any",
    rhythm: "regular",
  };
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    rank(profile, liveDocuments(viewOf(index), latitudeBand(profile)), { today: "2026-11-22", limit: 20, skillsFor: () => [], categoryLabel: (c) => c });
    times.push(performance.now() - started);
  }
  return { jobs: viewOf(index).docCount, times: times.sort((a, b) => a - b) };
}

async function loadMany(base: string, paths: string[], seconds: number): Promise<Load> {
  const result = await autocannon({ url: base, connections: 20, duration: seconds, requests: paths.map((path) => ({ method: "GET" as const, path })) });
  return { rps: Math.round(result.requests.average), p50_ms: result.latency.p50, p99_ms: result.latency.p99, errors: result.errors + result.non2xx };
}

export async function searchBench(dialect: DialectName, serverUrl?: string) {
  const dir = mkdtempSync(join(tmpdir(), "sammen-search-bench-"));
  const settings = { SQLITE_FILE: join(dir, "bench.sqlite"), ...(serverUrl ? { DATABASE_URL: await freshPostgres(serverUrl, "sammen_search_bench") } : {}) };
  const { db, tenantId, seedSeconds } = await syntheticDatabase(settings, COUNTS);
  try {
    // The snapshot the background job keeps; then the index as an instance loads it, and every job scored for one person.
    const building = performance.now();
    await buildSnapshot(db, systemClock, tenantId, "da");
    const snapshotMs = Math.round(performance.now() - building);
    const loading = performance.now();
    const index = await tenantIndex(db, tenantId, "da");
    const indexMs = Math.round(performance.now() - loading);
    const engine = uncached(index);
    const { jobs, times } = rankingTimes(index, 15);
    const rankFigures = {
      name: "matching_rank",
      dialect,
      jobs,
      p50_ms: Math.round((times[7] ?? 0) * 10) / 10,
      max_ms: Math.round((times[times.length - 1] ?? 0) * 10) / 10,
      snapshot_build_ms: snapshotMs,
      index_load_ms: indexMs,
    };
    console.log(
      `matching on ${dialect}: ranked ${rankFigures.jobs} jobs for one profile in ${rankFigures.p50_ms} ms (median of 15; snapshot built in ${snapshotMs} ms, loaded in ${indexMs} ms)`,
    );
    console.log(JSON.stringify(rankFigures));

    // Each repetition starts a fresh instance: time until it is ready (its index loaded), its first search, then load.
    const server = async () => {
      const port = await freePort();
      const spawned = performance.now();
      const app = startApp({
        PORT: String(port),
        ...settings,
      });
      let staticServer: ReturnType<typeof startStaticServer> | null = null;
      try {
        const base = `http://localhost:${port}`;
        await waitFor(`${base}/readyz`, 120_000);
        const readyMs = Math.round(performance.now() - spawned);
        const readyRss = currentRssMb(app.pid as number);
        const first = performance.now();
        const body = await (await fetch(`${base}${QUERIES[0]}`)).text();
        const firstMs = Math.round(performance.now() - first);
        const limitPort = await freePort();
        staticServer = startStaticServer(limitPort, body);
        await waitFor(`http://127.0.0.1:${limitPort}/`);
        await loadMany(base, QUERIES, 2);
        const measured = await loadMany(base, QUERIES, 10);
        const limit = await loadMany(`http://127.0.0.1:${limitPort}`, ["/"], 10);
        return {
          name: "search",
          dialect,
          p50_ms: measured.p50_ms,
          p99_ms: measured.p99_ms,
          rps: measured.rps,
          limit_rps: limit.rps,
          ratio: Number((measured.rps / limit.rps).toFixed(3)),
          rss_mb: peakRssMb(app.pid as number),
          ready_rss_mb: readyRss,
          jobs: COUNTS.jobs,
          associations: COUNTS.associations,
          queries: QUERIES.length,
          ready_ms: readyMs,
          first_search_ms: firstMs,
          uncached_p50_ms: engine.p50,
          uncached_p99_ms: engine.p99,
          seed_s: seedSeconds,
          errors: measured.errors,
        };
      } finally {
        app.kill("SIGTERM");
        staticServer?.kill("SIGTERM");
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    const figures = await medianOf(server);
    console.log(
      `search on ${dialect} over ${COUNTS.jobs} jobs: ${figures.rps} req/s (p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms, peak RSS ${figures.rss_mb} MiB; ready in ${figures.ready_ms} ms with ${figures.ready_rss_mb} MiB, first search ${figures.first_search_ms} ms)`,
    );
    console.log(`  the same bytes as a static file: ${figures.limit_rps} req/s — ratio ${figures.ratio}`);
    console.log(`  the engine alone, no cache: p50 ${engine.p50} ms, p99 ${engine.p99} ms per query`);
    console.log(JSON.stringify(figures));
  } finally {
    await db.destroy();
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dir, { recursive: true, force: true });
  }
}
