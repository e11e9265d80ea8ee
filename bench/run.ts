// `npm run bench`: every benchmark, on SQLite and (when it can be started here) on PostgreSQL.
// Each prints its figures and ends with one line of JSON.
import { startCluster, whoCanRunPostgres } from "../test/postgres-cluster.js";
import { homePage } from "./home-page.js";

await homePage("sqlite");

const problem = process.env.BENCH_DATABASE_URL ? null : whoCanRunPostgres();
if (problem) {
  console.warn(`PostgreSQL benchmarks skipped: ${problem}`);
} else {
  const cluster = process.env.BENCH_DATABASE_URL ? null : await startCluster();
  try {
    await homePage("postgres", process.env.BENCH_DATABASE_URL ?? cluster?.url);
  } finally {
    cluster?.stop();
  }
}
