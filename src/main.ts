import { serve } from "@hono/node-server";
import { pino } from "pino";
import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { openDatabase } from "./db/database.js";
import { migrateToLatest } from "./db/migrate.js";
import { allJobs } from "./modules/index.js";
import { sealedFields } from "./modules/personal-data.js";
import { systemClock } from "./platform/clock.js";
import { collectGarbage } from "./platform/collect-garbage.js";
import { dataKeyring } from "./platform/crypto/data-key.js";
import { reseal } from "./platform/crypto/reseal.js";
import { type RunningWorker, startWorker } from "./platform/jobs/worker.js";
import { createMailer } from "./platform/mail/mailer.js";
import { loadIndexes } from "./platform/search/search-index.js";
import { hearTenantChanges, keepTenantRowsWhileUnchanged } from "./platform/tenants/tenant-notices.js";
import { anyTenant } from "./platform/tenants/tenants.js";

const config = loadConfig();
const logger = pino({ level: config.LOG_LEVEL });
const { db, dialect, changeStamp } = openDatabase(config, (err) => logger.warn({ err }, "database connection dropped"));
let ready = false;

const applied = await migrateToLatest(db);
if (applied.length) logger.info({ applied }, "migrations applied");
// Imported only when asked for: the demo's data and pictures are no part of a production server's memory.
const demo = config.SEED_DEMO ? await (await import("../scripts/demo-data.js")).seedDemo(db, systemClock, dataKeyring(config)) : null;
// Text stored before its field was sealed is sealed now, once; `npm run reseal` also moves old keys' text to DATA_KEY.
const sealed = await reseal(db, dataKeyring(config), sealedFields(), { rotate: false });
if (Object.values(sealed).some(Boolean)) logger.info({ sealed }, "sealed special-category text stored before");
const hasTenant = demo !== null || (await anyTenant(db));
if (changeStamp) keepTenantRowsWhileUnchanged(db, changeStamp);
const notices = config.DATABASE_URL
  ? hearTenantChanges(db, config.DATABASE_URL, (err) =>
      logger.warn({ err }, "lost the database's notices of tenant changes; reading them each time until back"),
    )
  : null;

const mailer = createMailer(config);
const app = createApp({ config, db, clock: systemClock, mailer, logger, ready: () => ready });
const worker: RunningWorker | null = config.RUN_WORKERS
  ? startWorker({ db, clock: systemClock, logger, ...allJobs({ db, clock: systemClock, config, mailer }) })
  : null;

const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  // Ready once the search indexes are in memory: a load balancer sends no search to an instance still loading them.
  loadIndexes(db)
    .catch((err) => logger.error({ err }, "search indexes could not be loaded; they load on first use"))
    .finally(() => {
      // Loading left the snapshots' transferred bytes behind as garbage (tens of MB on PostgreSQL, where they come
      // as text): collected now, before the instance takes traffic, when `npm start` lets it (--expose-gc).
      collectGarbage();
      ready = !stopping;
    });
  const url = `http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${info.port}`;
  const lines = [
    "",
    `Sammen is running at ${url}  (database: ${dialect === "sqlite" ? config.SQLITE_FILE : "PostgreSQL"})`,
    mailer.transport ? "Mail goes out through SMTP." : `No SMTP server is set: e-mails appear in the dev mailbox at ${url}/dev/mailbox`,
  ];
  if (!hasTenant)
    lines.push("", 'No tenant yet. Create the first one and its administrator: npm run first-admin -- --host <host> --name "<name>" --email <e-mail>');
  if (demo) {
    lines.push("", `Demo sign-ins (password for all: ${demo.password}):`);
    for (const p of demo.people) lines.push(`  ${p.role.padEnd(22)} ${p.email}`);
  }
  console.log(`${lines.join("\n")}\n`);
});

let stopping = false;
/**
 * SIGTERM: /readyz turns 503 at once while the server keeps answering for SHUTDOWN_DRAIN_SECONDS (connections
 * already queued would otherwise be reset), then it stops accepting, finishes what it received and exits.
 * SIGINT (Ctrl-C at a terminal) skips the wait.
 */
async function shutdown(signal: "SIGTERM" | "SIGINT") {
  if (stopping) return;
  stopping = true;
  ready = false;
  logger.info({ signal }, "shutting down: finishing requests in flight");
  if (signal === "SIGTERM") await new Promise((resolve) => setTimeout(resolve, config.SHUTDOWN_DRAIN_SECONDS * 1000));
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  if ("closeIdleConnections" in server) server.closeIdleConnections();
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  await worker?.stop();
  await notices?.close();
  await db.destroy();
  logger.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
