import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type Metafile } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const { serverBuild } = (await import(join(root, "scripts/build-options.mjs"))) as {
  serverBuild: (root: string, outdir: string) => Parameters<typeof build>[0];
};

/** Every input and package the entry loads before its first line runs: its static imports, followed through the chunks. */
function loadedAtStart(metafile: Metafile, entry: string) {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const i of metafile.outputs[file]?.imports ?? []) {
      if (i.kind !== "import-statement") continue;
      if (i.external) packages.add(i.path);
      else visit(i.path);
    }
  };
  visit(entry);
  const inputs = [...files].flatMap((f) => Object.keys(metafile.outputs[f]?.inputs ?? {}));
  return { packages, inputs };
}

describe("the server's bundle (npm start)", () => {
  const out = mkdtempSync(join(tmpdir(), "sammen-build-"));
  let result: Awaited<ReturnType<typeof build>> & { metafile: Metafile };
  beforeAll(async () => {
    result = (await build({ ...serverBuild(root, out), write: false, metafile: true, sourcemap: false, logLevel: "silent" })) as typeof result;
  }, 60_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("holds no character beyond Latin-1, so V8 keeps its source at one byte per character", () => {
    expect(result.outputFiles?.length).toBeGreaterThan(1);
    const wide = (result.outputFiles ?? []).flatMap((f) => {
      const at = f.text.search(/[\u0100-\uffff]/);
      return at < 0 ? [] : [`${f.path}: …${f.text.slice(Math.max(0, at - 60), at + 10)}`];
    });
    expect(wide).toEqual([]);
  });

  it("loads neither the image library, the solver nor the demo seed when the server starts", () => {
    const entry = Object.keys(result.metafile.outputs).find((f) => f.endsWith("/main.js") || f === "main.js");
    expect(entry).toBeDefined();
    const { packages, inputs } = loadedAtStart(result.metafile, entry as string);
    expect(packages).toContain("better-sqlite3");
    for (const lazy of ["sharp", "highs"]) expect(packages).not.toContain(lazy);
    expect(inputs.some((i) => i.endsWith("src/app.ts"))).toBe(true);
    expect(inputs.filter((i) => i.startsWith("scripts/"))).toEqual([]);
  });
});
