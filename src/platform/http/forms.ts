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

export async function readForm(c: Context<AppEnv>): Promise<Record<string, string>> {
  const type = c.req.header("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) {
    throw new AppError(415, "unsupported_media_type", "error.unsupportedMediaType");
  }
  const body = await c.req.parseBody();
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string" && k !== "_csrf") values[k] = v;
  return values;
}

export async function parseForm<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<FormResult<S>> {
  const values = await readForm(c);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  return { ok: false, errors: issuesToFieldErrors(parsed.error.issues), values };
}

/** Only local paths may be redirect targets. */
export function safeBack(value: string | undefined, fallback = "/"): string {
  return value?.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : fallback;
}
