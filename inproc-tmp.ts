import { pino } from "pino";
import { createApp } from "./src/app.js";
import { loadConfig } from "./src/config.js";
import { openDatabase } from "./src/db/database.js";
import { systemClock } from "./src/platform/clock.js";
import { createMailer } from "./src/platform/mail/mailer.js";
import { loadIndexes } from "./src/platform/search/search-index.js";
Object.assign(process.env, { SQLITE_FILE: "/tmp/prof/q.sqlite", NODE_ENV: "production", LOG_LEVEL: "silent", SECRET: "bench-secret-bench-secret-bench-secret", DATA_KEY: "YmVuY2gtZGF0YS1rZXktYmVuY2gtZGF0YS1rZXktMDA=" });
const config = loadConfig();
const { db } = openDatabase(config);
await loadIndexes(db);
const app = createApp({ config, db, clock: systemClock, mailer: createMailer(config), logger: pino({ level: "silent" }) });
for (const path of (process.argv[2] ?? "/readyz,/healthz,/theme.css,/").split(",")) {
  const go = async () => { const r = await app.request(`http://localhost:3902${path}`); await r.text(); };
  for (let i = 0; i < 300; i++) await go();
  const t = performance.now(); const N = 3000;
  for (let i = 0; i < N; i++) await go();
  console.log(path, ((performance.now() - t) / N * 1000).toFixed(0), "µs/request");
}
process.exit(0);
