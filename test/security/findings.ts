import { mkdirSync, writeFileSync } from "node:fs";
import type { Snapshot } from "./server.js";
import type { Outcome, Target } from "./target.js";

/** One thing the probe found wrong with one request. */
export interface Finding {
  /** What went wrong, the same for every request it happens to: the report groups by it. */
  cause: string;
  /** Which request: route, role, tenant direction, status. */
  where: string;
  /** The first lines of the error, or what was seen. */
  detail: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** The first lines of an error, enough to find it in the code. */
export function firstLines(text: string, lines = 4): string {
  return text
    .split("\n")
    .filter((l) => !l.includes("node_modules") && !l.includes("node:internal"))
    .slice(0, lines)
    .join("\n");
}

/** A 5xx, a hang or a dead process; null when the outcome is none of those. */
export async function serverFault(target: Target, outcome: Outcome): Promise<{ cause: string; detail: string } | null> {
  if (outcome.kind !== "response")
    return { cause: outcome.kind === "hang" ? "hang (no answer in time)" : "connection lost or process died", detail: firstLines(outcome.error) };
  if (outcome.status < 500) return null;
  const error = (await target.errorFor(outcome.requestId)) ?? outcome.body.slice(0, 300);
  const head = error.split("\n")[0]?.replace(UUID, "<id>").slice(0, 160) ?? "";
  return { cause: `${outcome.status}: ${head}`, detail: firstLines(error) };
}

/** The other tenant's names that a body shows and the request did not itself send. */
export function leakedNames(body: string, names: string[], sent: string): string[] {
  // iCalendar folds long lines; unfold so a name split over two lines is still found.
  const text = body.replace(/\r?\n[ \t]/g, "");
  return names.filter((n) => text.includes(n) && !sent.includes(n));
}

/** Tables whose rows differ, with a sample of what came and went. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const table of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = new Set(before[table] ?? []);
    const is = new Set(after[table] ?? []);
    const added = [...is].filter((r) => !was.has(r));
    const removed = [...was].filter((r) => !is.has(r));
    if (added.length || removed.length) out.push(`${table}: +${added.length} -${removed.length} ${(added[0] ?? removed[0] ?? "").slice(0, 200)}`);
  }
  return out;
}

/** Rows that are new or changed in `after` and name one of the ids. */
export function rowsNaming(before: Snapshot, after: Snapshot, ids: string[]): string[] {
  const out: string[] = [];
  for (const [table, rows] of Object.entries(after)) {
    const was = new Set(before[table] ?? []);
    for (const row of rows) if (!was.has(row) && ids.some((id) => row.includes(id))) out.push(`${table}: ${row.slice(0, 240)}`);
  }
  return out;
}

/** The findings grouped by cause, each with the requests it happened to: the report a fixer reads. */
export function report(title: string, findings: Finding[], perGroup = 12): string {
  if (findings.length === 0) return `${title}: nothing found`;
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.cause, [...(groups.get(f.cause) ?? []), f]);
  const lines = [`${title}: ${findings.length} findings in ${groups.size} groups`];
  for (const [cause, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    lines.push("", `■ ${cause}  (${list.length}×)`);
    const detail = list[0]?.detail;
    if (detail) lines.push(...detail.split("\n").map((l) => `    ${l}`));
    for (const f of list.slice(0, perGroup)) lines.push(`  - ${f.where}`);
    if (list.length > perGroup) lines.push(`  … and ${list.length - perGroup} more`);
  }
  return lines.join("\n");
}

/** Prints the report, and keeps it whole in .tmp/ for whoever fixes what it lists. */
export function publish(file: string, title: string, findings: Finding[]) {
  console.log(report(title, findings));
  mkdirSync(".tmp", { recursive: true });
  writeFileSync(`.tmp/${file}`, `${report(title, findings, Number.POSITIVE_INFINITY)}\n`);
}
