import { parse } from "csv-parse/sync";
import type { Context } from "hono";
import type { AppEnv } from "./http/env.js";
import { type FieldError, invalidField, tooLarge, unsupportedType } from "./http/errors.js";
import { formBody } from "./http/forms.js";

export interface ImportProblem {
  line: number;
  field: string;
  message: FieldError;
}

/** What an import did, or with apply false would do; any problem means nothing was written. */
export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  problems: ImportProblem[];
  applied: boolean;
}

export interface CsvRow {
  /** The line in the file, as a spreadsheet shows it (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

/** The text of an uploaded CSV file, or of the same file carried along after a dry run. */
export async function csvFromForm(c: Context<AppEnv>, maxBytes: number): Promise<{ text: string; intent: string }> {
  const body = await formBody(c);
  const intent = typeof body.intent === "string" ? body.intent : "";
  if (typeof body.carried === "string" && body.carried) {
    if (Buffer.byteLength(body.carried) > maxBytes) throw tooLarge("csv.file.tooLarge", { file: "csv.file.tooLarge" });
    return { text: body.carried, intent };
  }
  const file = body.file;
  if (!(file instanceof File) || file.size === 0) throw invalidField("file", "csv.file.required");
  if (file.size > maxBytes) throw tooLarge("csv.file.tooLarge", { file: "csv.file.tooLarge" });
  // Browsers on Windows send CSV as application/vnd.ms-excel, so the name decides and the type only rules out the obvious.
  if (!/\.(csv|txt)$/i.test(file.name) || /^(image|video|audio)\/|^application\/(pdf|zip)/.test(file.type))
    throw unsupportedType("csv.file.type", { file: "csv.file.type" });
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()), intent };
  } catch {
    throw invalidField("file", "csv.file.encoding");
  }
}

/** Spreadsheets in Denmark, Norway and the Netherlands write semicolons, others commas; the header line tells which. */
function delimiterOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) && header.includes(";") ? ";" : ",";
}

/**
 * Reads CSV as spreadsheets write it (comma or semicolon, with or without a byte-order mark) into
 * rows keyed by our column names; each column may go by several names in the header.
 */
export function readCsv(text: string, columns: Record<string, string[]>, required: string[]): CsvRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: delimiterOf(text),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch {
    throw invalidField("file", "csv.unreadable");
  }
  const [header, ...rest] = records;
  if (!header) throw invalidField("file", "csv.empty");
  const normalise = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, "");
  const names = header.record.map(normalise);
  const position = Object.fromEntries(
    Object.entries(columns).map(([key, aliases]) => {
      const wanted = new Set([key, ...aliases].map(normalise));
      return [key, names.findIndex((n) => wanted.has(n))];
    }),
  );
  if (required.some((k) => (position[k] ?? -1) < 0)) throw invalidField("file", "csv.columns.missing");
  return rest.map(({ record, info }) => ({
    line: info.lines,
    values: Object.fromEntries(Object.keys(columns).map((k) => [k, record[position[k] ?? -1] ?? ""])),
  }));
}
