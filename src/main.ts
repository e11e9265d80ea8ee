import { serve } from "@hono/node-server";
import { pino } from "pino";
import { seedDemo } from "../scripts/demo-data.js";
import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { openDatabase } from "./db/database.js";
import { migrateToLatest } from "./db/migrate.js";
import { allJobs } from "./modules/index.js";
import { systemClock } from "./platform/clock.js";
import { type RunningWorker, startWorker } from "./platform/jobs/worker.js";
import { createMailer } from "./platform/mail/mailer.js";

const config = loadConfig();
const logger = pino({ level: config.LOG_LEVEL });
const { db, dialect } = openDatabase(config, (err) => logger.warn({ err }, "database connection dropped"));
let ready = false;

const applied = await migrateToLatest(db);
if (applied.length) logger.info({ applied }, "migrations applied");
const demo = config.SEED_DEMO ? await seedDemo(db, systemClock) : null;

const mailer = createMailer(config);
const app = createApp({ config, db, clock: systemClock, mailer, logger, ready: () => ready });
const worker: RunningWorker | null = config.RUN_WORKERS
  ? startWorker({ db, clock: systemClock, logger, ...allJobs({ db, clock: systemClock, config, mailer }) })
  : null;

const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  ready = true;
  const url = `http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${info.port}`;
  const lines = [
    "",
    `Sammen is running at ${url}  (database: ${dialect === "sqlite" ? config.SQLITE_FILE : "PostgreSQL"})`,
    mailer.transport ? "Mail goes out through SMTP." : `No SMTP server is set: e-mails appear in the dev mailbox at ${url}/dev/mailbox`,
  ];
  if (demo) {
    lines.push("", `Demo sign-ins (password for all: ${demo.password}):`);
    for (const p of demo.people) lines.push(`  ${p.role.padEnd(22)} ${p.email}`);
  }
  console.log(`${lines.join("\n")}\n`);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  ready = false;
  logger.info({ signal }, "shutting down: finishing requests in flight");
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await worker?.stop();
  await db.destroy();
  logger.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
