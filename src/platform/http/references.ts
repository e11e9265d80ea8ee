import { AppError, type FieldErrors, notFound } from "./errors.js";

/** An id a request names: in its path (or the query string that stands for a path), or in a field of its form or body. */
export interface Named {
  id: string;
  field?: string;
}

/**
 * Fails the request unless every record it names was found in its tenant (by one lookup for all of
 * them): a 404 for an id in the path, a 422 on the field for an id in a form or body.
 */
export function requireFound(found: { has(id: string): boolean }, named: readonly Named[]): void {
  const fields: FieldErrors = {};
  for (const n of named) {
    if (found.has(n.id)) continue;
    if (!n.field) throw notFound();
    fields[n.field] = "validation.unknown";
  }
  if (Object.keys(fields).length > 0) throw new AppError(422, "unknown_reference", "validation.unknown", fields);
}
