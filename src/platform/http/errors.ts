import type { Formats } from "../i18n/format.js";
import type { MessageKey, T } from "../i18n/i18n.js";

/** A field's message: a catalog key, with the values it names when it names any ("at most {max}"). */
export type FieldError = MessageKey | { key: MessageKey; values: Record<string, string | number> };
export type FieldErrors = Record<string, FieldError>;

/**
 * The message in words. With the reader's formats, the values that are calendar days ("2026-12-21")
 * or clock times ("08:00") read as the reader writes them; rules keep plain values, so tests and the
 * API see them as they are.
 */
export const fieldMessage = (t: T, error: FieldError, fmt?: Formats): string => {
  if (typeof error === "string") return t(error);
  if (!fmt) return t(error.key, error.values);
  const readable = (v: string | number) =>
    typeof v !== "string" ? v : /^\d{4}-\d{2}-\d{2}$/.test(v) ? fmt.date(v) : /^\d{2}:\d{2}$/.test(v) ? fmt.time(v) : v;
  return t(error.key, Object.fromEntries(Object.entries(error.values).map(([k, v]) => [k, readable(v)])));
};

/**
 * The closed set of codes a client may see in problem+json and that tests may assert. A new kind of
 * failure adds its code here, so two names for the same thing cannot drift apart.
 */
export type ErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unknown_reference"
  | "weak_password"
  | "invalid_link"
  | "unauthenticated"
  | "token_required"
  | "forbidden"
  | "csrf"
  | "insufficient_scope"
  | "consent_required"
  | "wrong_account"
  | "not_found"
  | "conflict"
  | "answered"
  | "clash"
  | "closed"
  | "last_admin"
  | "not_allocating"
  | "published"
  | "payload_too_large"
  | "unsupported_media_type"
  | "unknown_host"
  | "rate_limited"
  | "oidc_failed"
  | "oidc_no_email"
  | "oidc_not_configured"
  | "oidc_unavailable"
  | "server_error";

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 421 | 422 | 429 | 500 | 503;

/** Every error a person may see: a status, a stable code and a message from the catalogs. */
export class AppError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly fields: FieldErrors = {},
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, "not_found", "error.notFound.text");
export const forbidden = () => new AppError(403, "forbidden", "error.forbidden.text");
export const tooManyRequests = (key: MessageKey = "error.rateLimited", fields: FieldErrors = {}) => new AppError(429, "rate_limited", key, fields);
/** A one-time link that is unknown, used or out of date. */
export const invalidLink = () => new AppError(400, "invalid_link", "error.linkInvalid");
export const unauthenticated = () => new AppError(401, "unauthenticated", "error.signInRequired");
export const badRequest = () => new AppError(400, "bad_request", "error.badRequest");
export const tooLarge = (key: MessageKey = "error.tooLarge", fields: FieldErrors = {}) => new AppError(413, "payload_too_large", key, fields);
export const unsupportedType = (key: MessageKey = "error.unsupportedMediaType", fields: FieldErrors = {}) =>
  new AppError(415, "unsupported_media_type", key, fields);
/** The input broke a rule: 422 with the fields to mark (the form is shown again with what was typed). */
export const invalid = (fields: FieldErrors, key: MessageKey = "validation.invalid") => new AppError(422, "validation_failed", key, fields);
/** One field broke a rule; its message is also the error's. */
export const invalidField = (field: string, error: FieldError) =>
  new AppError(422, "validation_failed", typeof error === "string" ? error : error.key, { [field]: error });
/** The request clashes with the record's state (already answered, already published…). */
export const conflict = (
  code: Extract<ErrorCode, "conflict" | "answered" | "clash" | "closed" | "last_admin" | "not_allocating" | "published">,
  key: MessageKey,
  fields: FieldErrors = {},
) => new AppError(409, code, key, fields);

/**
 * For a form's handler: a failure that names fields comes back so the form can be shown again with
 * them and what was typed (at its own status); any other error is thrown on to the one handler.
 */
export function formFailure(error: unknown): AppError & { status: 409 | 413 | 415 | 422 | 429 } {
  if (error instanceof AppError && [409, 413, 415, 422, 429].includes(error.status) && Object.keys(error.fields).length > 0)
    return error as AppError & { status: 409 | 413 | 415 | 422 | 429 };
  throw error;
}
