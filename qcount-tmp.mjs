import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const Database = require("better-sqlite3");
const stats = new Map();
const origPrepare = Database.prototype.prepare;
Database.prototype.prepare = function (sql) {
  const st = origPrepare.call(this, sql);
  for (const m of ["all", "get", "run"]) {
    const f = st[m].bind(st);
    st[m] = (...a) => { const t = process.hrtime.bigint(); try { return f(...a); } finally { const e = stats.get(sql) ?? { n: 0, ns: 0n }; e.n++; e.ns += process.hrtime.bigint() - t; stats.set(sql, e); } };
  }
  return st;
};
process.on("SIGINT", () => { for (const [s, e] of [...stats].sort((a, b) => Number(b[1].ns - a[1].ns)).slice(0, 8)) console.log(e.n, (Number(e.ns) / e.n / 1000).toFixed(1) + "µs", s.slice(0, 150)); process.exit(0); });
