// `npm run build` (also run by `npm install` and, when the sources are newer, by `npm start`):
// bundles the server into dist/ with esbuild, so production starts plain JavaScript — one file to
// read and compile instead of several hundred modules through a TypeScript loader.
// `node scripts/build.mjs --if-stale` builds only when dist/ is missing or older than a source.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { serverBuild } from "./build-options.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist");
// Files the server reads beside its code at run time (see src/platform/ui/assets.ts).
const assets = ["src/platform/ui/app.css", "src/platform/ui/app.js", "src/platform/ui/map.js"];

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function stale() {
  const built = join(out, "main.js");
  if (!existsSync(built)) return true;
  const sources = Math.max(newest(join(root, "src")), newest(join(root, "scripts")), statSync(join(root, "package-lock.json")).mtimeMs);
  return statSync(built).mtimeMs < sources;
}

if (process.argv.includes("--if-stale") && !stale()) process.exit(0);

const { build } = await import("esbuild");
const started = Date.now();
// Chunk names carry a hash of their content, and a running server imports some of them only when first needed.
// So a build keeps the previous build's files (listed in dist/build.json), in case a server started from them
// still runs, and removes those of the builds before it.
const manifest = join(out, "build.json");
const previous = existsSync(manifest) ? JSON.parse(readFileSync(manifest, "utf8")) : [];
const result = await build({ ...serverBuild(root, out), metafile: true });
const current = Object.keys(result.metafile.outputs).map((f) => relative(out, join(root, f)));
mkdirSync(out, { recursive: true });
for (const a of assets) cpSync(join(root, a), join(out, basename(a)));
const keep = new Set([...current, ...previous, ...assets.map((a) => basename(a)), "build.json"]);
for (const f of readdirSync(out)) if (!keep.has(f)) rmSync(join(out, f), { recursive: true, force: true });
writeFileSync(manifest, JSON.stringify(current));
console.log(`built dist/ in ${Date.now() - started} ms`);
