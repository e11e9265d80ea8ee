import type { MessageKey } from "../i18n/i18n.js";

export type FieldErrors = Record<string, MessageKey>;

/** Every error a person may see: a status, a stable code and a message from the catalogs. */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 421 | 422 | 429 | 500 | 503,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly fields: FieldErrors = {},
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, "not_found", "error.notFound.text");
export const forbidden = () => new AppError(403, "forbidden", "error.forbidden.text");
export const tooManyRequests = () => new AppError(429, "rate_limited", "error.rateLimited");
export const unauthenticated = () => new AppError(401, "unauthenticated", "error.signInRequired");
