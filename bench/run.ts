// `npm run bench`: every benchmark, on SQLite and (when it can be started here) on PostgreSQL.
// Each prints its figures and ends with one line of JSON.
import { startCluster, whoCanRunPostgres } from "../test/postgres-cluster.js";
import { allocationBench } from "./allocation.js";
import { bookingBench } from "./booking.js";
import { homePage } from "./home-page.js";
import { registrationBench } from "./registration.js";
import { searchBench } from "./search.js";
import { inDatabaseBench } from "./search-in-database.js";
import { millionBench } from "./search-million.js";
import { startupBench } from "./startup.js";

// `npm run bench -- search` runs only the benchmarks whose name contains "search"; those marked
// `onRequest` run only when named.
const only = process.argv[2];
const benchmarks = [
  { name: "home-page", run: homePage },
  { name: "search-and-matching", run: searchBench },
  { name: "allocation", run: allocationBench },
  { name: "booking", run: bookingBench },
  { name: "registration", run: registrationBench },
  { name: "startup", run: startupBench },
  { name: "million", run: millionBench, onRequest: true },
  { name: "in-database", run: inDatabaseBench, onRequest: true },
].filter((b) => (only ? b.name.includes(only) : !b.onRequest));

for (const b of benchmarks) await b.run("sqlite");

const problem = process.env.BENCH_DATABASE_URL ? null : whoCanRunPostgres();
if (problem) {
  console.warn(`PostgreSQL benchmarks skipped: ${problem}`);
} else {
  const cluster = process.env.BENCH_DATABASE_URL ? null : await startCluster();
  try {
    for (const b of benchmarks) await b.run("postgres", process.env.BENCH_DATABASE_URL ?? cluster?.url);
  } finally {
    cluster?.stop();
  }
}
