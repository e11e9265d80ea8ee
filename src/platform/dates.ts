import { Temporal } from "temporal-polyfill";
import { z } from "zod";

/**
 * The years a date typed into Sammen may fall in. Anything outside is a slip of the keyboard or a probe,
 * and the bound keeps every loop over days short (the day after 9999-12-31 has five digits and sorts first).
 */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;
const SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** The one date parser: "YYYY-MM-DD" of a day that exists, or null ("2026-02-30" does not). */
export function parseDate(text: string | null | undefined): string | null {
  if (!text || !SHAPE.test(text)) return null;
  try {
    const date = Temporal.PlainDate.from(text, { overflow: "reject" });
    return date.year >= FIRST_YEAR && date.year <= LAST_YEAR ? date.toString() : null;
  } catch {
    return null;
  }
}

/** A required date field. */
export const dateField = () =>
  z
    .string()
    .trim()
    .refine((v) => parseDate(v) !== null, "validation.date");

/** A date field that may be left empty, kept as "" then. */
export const dateOrEmptyField = () =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || parseDate(v) !== null, "validation.date");

/** A date field that may be left empty: null then. */
export const optionalDateField = () => dateOrEmptyField().transform((v) => v || null);
