// The road not taken (decision 0015): the words of 100,000 jobs in the database's own full-text index
// — SQLite FTS5 and a PostgreSQL GIN index over a tsvector — fed by the same analyser, each asked for
// the matches of the benchmark's words with the database's own ranking. This is only the text part;
// facets, distance and the page would come on top. Run on request: `npm run bench -- in-database`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import type { DialectName } from "../src/db/portable.js";
import { indexTerms, queryTerm } from "../src/platform/search/analyzer.js";
import type { SearchDocument } from "../src/platform/search/documents.js";
import { WORD_SPLIT } from "../src/platform/search/segment.js";
import { freshPostgres } from "./harness.js";
import { syntheticDatabase } from "./synthetic.js";

const WORDS = ["besøgsven", "frivillig", "lektiehjælper børn", "fodbold træner"];
const analysed = (text: string) =>
  text
    .split(WORD_SPLIT)
    .filter(Boolean)
    .flatMap((w) => indexTerms(w, "da"))
    .join(" ");

export async function inDatabaseBench(dialect: DialectName, serverUrl?: string) {
  const dir = mkdtempSync(join(tmpdir(), "sammen-fts-bench-"));
  const settings = { SQLITE_FILE: join(dir, "bench.sqlite"), ...(serverUrl ? { DATABASE_URL: await freshPostgres(serverUrl, "sammen_fts_bench") } : {}) };
  const { db, tenantId } = await syntheticDatabase(settings, { associations: 50_000, jobs: 100_000 });
  try {
    const rows = await db.selectFrom("search_documents").select(["ref_id", "body"]).where("tenant_id", "=", tenantId).where("visible", "=", 1).execute();
    const docs = rows.map((r, i) => {
      const d = JSON.parse(r.body) as SearchDocument;
      return { id: i + 1, title: analysed(d.title), body: analysed(`${d.subtitle} ${d.keywords} ${d.text}`) };
    });
    const indexing = performance.now();
    if (dialect === "sqlite") {
      await sql`create virtual table fts using fts5(title, body, tokenize = 'unicode61')`.execute(db);
      for (let i = 0; i < docs.length; i += 1000) {
        const values = docs.slice(i, i + 1000).map((d) => sql`(${d.id}, ${d.title}, ${d.body})`);
        await sql`insert into fts (rowid, title, body) values ${sql.join(values)}`.execute(db);
      }
    } else {
      await sql`create table fts (id integer primary key, doc tsvector not null)`.execute(db);
      for (let i = 0; i < docs.length; i += 1000) {
        const values = docs
          .slice(i, i + 1000)
          .map((d) => sql`(${d.id}, setweight(to_tsvector('simple', ${d.title}), 'A') || to_tsvector('simple', ${d.body}))`);
        await sql`insert into fts (id, doc) values ${sql.join(values)}`.execute(db);
      }
      await sql`create index fts_doc on fts using gin (doc)`.execute(db);
      await sql`analyze fts`.execute(db);
    }
    const indexMs = Math.round(performance.now() - indexing);
    const times: number[] = [];
    let matched = 0;
    for (let round = 0; round < 5; round++) {
      for (const words of WORDS) {
        const terms = words.split(" ").map((w) => queryTerm(w, "da"));
        const started = performance.now();
        const found =
          dialect === "sqlite"
            ? await sql`select rowid, bm25(fts, 3.0, 1.0) as score from fts where fts match ${terms.map((t) => `"${t}"*`).join(" AND ")} order by score`.execute(
                db,
              )
            : await sql`select id, ts_rank(doc, q) as score from fts, to_tsquery('simple', ${terms.map((t) => `${t}:*`).join(" & ")}) q where doc @@ q order by score desc`.execute(
                db,
              );
        times.push(performance.now() - started);
        if (round === 0) matched += found.rows.length;
      }
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => Math.round((times[Math.floor(q * (times.length - 1))] ?? 0) * 10) / 10;
    const figures = { name: "search_in_database", dialect, docs: docs.length, index_ms: indexMs, p50_ms: at(0.5), p99_ms: at(0.99), matched };
    console.log(
      `text in the database (${dialect}): ${docs.length} documents indexed in ${indexMs} ms; the words alone, ranked: p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms (${matched} matches for ${WORDS.length} queries), without typos, facets or the page`,
    );
    console.log(JSON.stringify(figures));
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
