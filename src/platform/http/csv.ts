import { stringify } from "csv-stringify/sync";
import type { Context } from "hono";
import type { AppEnv } from "./env.js";

/**
 * A CSV download with a byte-order mark so spreadsheet programs read æøå right.
 * Cells that start like a formula are prefixed so opening the file runs nothing.
 */
export function csvResponse(c: Context<AppEnv>, filename: string, header: string[], rows: (string | number | null)[][]) {
  const safe = rows.map((r) => r.map((v) => (typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v)));
  const body = `\uFEFF${stringify([header, ...safe])}`;
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${filename}"`);
  c.header("Cache-Control", "no-store");
  return c.body(body);
}
