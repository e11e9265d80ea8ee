// How esbuild bundles the server (scripts/build.mjs), apart so that scripts/build.test.ts checks the same build.

// Native add-ons and packages that load files by path stay in node_modules. So does markdown-it: a
// character beyond Latin-1 in its code (a regular expression esbuild cannot escape) would make V8 hold
// the whole bundle's source in two bytes per character, about 6 MB more of idle memory.
export const external = ["better-sqlite3", "@node-rs/argon2", "sharp", "highs", "pg-native", "markdown-it"];

/** @param {string} root @param {string} outdir @returns {import("esbuild").BuildOptions} */
export const serverBuild = (root, outdir) => ({
  absWorkingDir: root,
  entryPoints: { main: "src/main.ts" },
  outdir,
  bundle: true,
  // What the server imports only when needed (the demo seed) goes into chunks of its own, read when first used.
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external,
  jsx: "automatic",
  jsxImportSource: "hono/jsx",
  sourcemap: true,
  legalComments: "none",
  // Without comments and indentation the source V8 keeps in memory is a third smaller; names stay readable.
  minifyWhitespace: true,
  charset: "ascii",
  logLevel: "warning",
  // Bundled CommonJS packages call require(); an ES module has none of its own.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
});
