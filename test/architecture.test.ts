import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/** The house rules of docs/architecture.md that a reading of the source can check. */
const ROOT = join(import.meta.dirname, "..");
const files = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
const source = files("src")
  .filter((f) => !/\.test\.tsx?$/.test(f))
  .map((f) => ({ file: relative(ROOT, join(ROOT, f)), text: readFileSync(join(ROOT, f), "utf8") }));

const where = (test: (f: { file: string; text: string }) => boolean) => source.filter(test).map((f) => f.file);

describe("the house rules", () => {
  it("sends queries only from repositories, the database layer and the transaction helper", () => {
    const query = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\.transaction\(\)|\bsql`/;
    const allowed = (f: string) => f.endsWith(".repository.ts") || f.startsWith("src/db/") || f === "src/platform/service-context.ts";
    expect(where((f) => !allowed(f.file) && query.test(f.text))).toEqual([]);
  });

  it("keeps views to drawing: no service or repository, no role checks, no stored text to split", () => {
    const views = source.filter((f) => f.file.includes("/views/"));
    const offending = views.filter((f) => /from "[^"]*\.(service|repository)\.js"/.test(f.text) || /\bhasRole\(/.test(f.text) || /\.split\(/.test(f.text));
    expect(offending.map((f) => f.file)).toEqual([]);
  });

  it("states each module's rules in a policy with a test that walks every role", () => {
    const modules = readdirSync(join(ROOT, "src/modules"), { withFileTypes: true }).filter((e) => e.isDirectory());
    const untested = modules
      .filter((m) => readdirSync(join(ROOT, "src/modules", m.name)).some((f) => f.endsWith(".routes.tsx")))
      .filter((m) => !readdirSync(join(ROOT, "src/modules", m.name)).some((f) => f.endsWith(".policy.test.ts")))
      .map((m) => m.name);
    expect(untested).toEqual([]);
  });

  it("lets a module write only its own tables; others it changes through their services", () => {
    const owner = new Map<string, string>();
    for (const f of source.filter((f) => f.file.endsWith(".table.ts"))) {
      const declared = f.text.match(/interface DB \{([^}]*)\}/)?.[1] ?? "";
      for (const m of declared.matchAll(/^\s*(\w+):/gm)) owner.set(m[1] ?? "", dirname(f.file));
    }
    const foreign = source.flatMap((f) =>
      [...f.text.matchAll(/\.(?:insertInto|updateTable|deleteFrom)\("(\w+)"/g)]
        .filter((m) => f.file.startsWith("src/modules/") && !f.file.startsWith(`${owner.get(m[1] ?? "")}/`))
        .map((m) => `${f.file} writes ${m[1]}`),
    );
    expect(owner.size).toBeGreaterThan(30);
    expect(foreign).toEqual([]);
  });

  it("writes every audit row through the context", () => {
    const writesLog = /\.insertInto\("(audit_log|access_log)"\)/;
    expect(where((f) => writesLog.test(f.text))).toEqual(["src/platform/audit/audit.repository.ts"]);
  });

  it("keeps the platform and the schema free of modules", () => {
    expect(where((f) => (f.file.startsWith("src/platform/") || f.file.startsWith("src/db/")) && /from "[^"]*\/modules\//.test(f.text))).toEqual([]);
  });

  it("reaches another module only through its index", () => {
    const moduleOf = (path: string) => path.match(/^src\/modules\/([a-z-]+)\//)?.[1] ?? null;
    const deep = source.flatMap((f) =>
      [...f.text.matchAll(/from "(\.[^"]+)"/g)]
        .map((m) => relative(ROOT, resolve(ROOT, dirname(f.file), m[1] ?? "")))
        .filter((target) => {
          const other = moduleOf(`${target}/`);
          return other !== null && other !== moduleOf(f.file) && target !== `src/modules/${other}/index.js`;
        })
        .map((target) => `${f.file} → ${target}`),
    );
    expect(deep).toEqual([]);
  });
});
