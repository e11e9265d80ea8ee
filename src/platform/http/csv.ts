import { stringify } from "csv-stringify/sync";
import type { Context } from "hono";
import type { AppEnv } from "./env.js";

/**
 * A CSV download with a byte-order mark so spreadsheet programs read æøå right, written the way the reader's
 * spreadsheet expects it: in Danish, Norwegian and Dutch the decimal mark is a comma, so cells are parted by
 * semicolons. Cells that start like a formula are prefixed so opening the file runs nothing.
 */
export function csvResponse(c: Context<AppEnv>, filename: string, header: string[], rows: (string | number | null)[][]) {
  const decimalComma = c.get("lang") !== "en";
  const cell = (v: string | number | null) =>
    typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : typeof v === "number" && decimalComma ? String(v).replace(".", ",") : v;
  const body = `\uFEFF${stringify([header, ...rows.map((r) => r.map(cell))], { delimiter: decimalComma ? ";" : "," })}`;
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${filename}"`);
  c.header("Cache-Control", "no-store");
  return c.body(body);
}
