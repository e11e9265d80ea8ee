import type { Context } from "hono";
import type { z } from "zod";
import type { MessageKey } from "../i18n/i18n.js";
import { catalogs } from "../i18n/i18n.js";
import type { AppEnv } from "./env.js";
import { AppError, type FieldErrors } from "./errors.js";

export type FormResult<S extends z.ZodType> =
  | { ok: true; data: z.output<S>; values: Record<string, string> }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Zod issues carry catalog keys as their messages; anything else becomes a generic message. */
export function issuesToFieldErrors(issues: z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "_form");
    if (errors[field]) continue;
    errors[field] = issue.message in catalogs.da ? (issue.message as MessageKey) : "validation.invalid";
  }
  return errors;
}

/** The request's form body. One that cannot be read (multipart without a boundary, say) is the sender's mistake. */
export async function formBody(c: Context<AppEnv>, options: { all?: boolean } = {}) {
  try {
    return await c.req.parseBody(options);
  } catch {
    throw new AppError(400, "bad_request", "error.badRequest");
  }
}

export async function readForm(c: Context<AppEnv>): Promise<Record<string, string>> {
  const { values } = await readFormWithLists(c, []);
  return values;
}

/** The form's text fields, and the named fields that may repeat (checkboxes) as lists. */
async function readFormWithLists(c: Context<AppEnv>, lists: string[]) {
  const type = c.req.header("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) {
    throw new AppError(415, "unsupported_media_type", "error.unsupportedMediaType");
  }
  const body = await formBody(c, { all: true });
  const values: Record<string, string> = {};
  const all: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === "_csrf") continue;
    const texts = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
    if (lists.includes(k)) {
      all[k] = texts;
      values[k] = texts.join(",");
    } else if (texts[0] !== undefined) values[k] = all[k] = texts[0];
  }
  for (const k of lists) {
    all[k] ??= [];
    values[k] ??= "";
  }
  return { values, all };
}

export async function parseForm<S extends z.ZodType>(c: Context<AppEnv>, schema: S, lists: string[] = []): Promise<FormResult<S>> {
  const { values, all } = await readFormWithLists(c, lists);
  const parsed = schema.safeParse(all);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, errors: issuesToFieldErrors(parsed.error.issues), values };
}

const HERE = "http://sammen.invalid";

/**
 * Only paths on this site may be redirect targets. Browsers drop tabs and line breaks from addresses and
 * read "\\" as "/", so "/\t/evil.example" means "//evil.example": judge the address as a browser resolves it.
 */
export function safeBack(value: string | undefined, fallback = "/"): string {
  if (!value?.startsWith("/")) return fallback;
  try {
    const url = new URL(value, HERE);
    return url.origin === HERE ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
