import { z } from "zod";
import type { MessageKey } from "../i18n/i18n.js";

/** A form checkbox: present and ticked, or not. */
export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1");

/** A postcode as people write them: four digits (DK, NO), or four digits and two letters (NL). Empty is allowed. */
export const postcodeText = (message: MessageKey) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || /^\d{4}$|^\d{4}\s?[A-Za-z]{2}$/.test(v), message);

/** A web address to link to, or nothing; only http and https, so no script can hide in it. */
export const webAddress = (message: MessageKey) =>
  z
    .string()
    .trim()
    .max(500, "validation.tooLong")
    .refine((v) => v === "" || /^https?:\/\/[^\s"<>]+$/.test(v), message)
    .transform((v) => v || null);

/** A telephone number as people write it (digits, spaces, brackets, dashes, a leading +), or nothing: null then. */
export const phoneNumber = () =>
  z
    .string()
    .trim()
    .max(30, "validation.tooLong")
    .refine((v) => v === "" || /^\+?[\d\s()-]{6,}$/.test(v), "validation.phone")
    .transform((v) => v || null);

/**
 * A sum of money as people write it, in minor units (øre, cents): "25000", "25.000", "25 000", "25.000,50",
 * "150,50", "150.50", "kr. 1.200", "€ 80". A dot or space before exactly three digits groups thousands;
 * a comma or dot before one or two digits at the end starts the decimals.
 */
export function parseMoney(text: string): number | null {
  const bare = text
    .replace(/kr\.?|\u20ac|dkk|nok|eur/gi, "")
    .trim()
    .replace(/[\s\u00a0\u202f]+(?=\d)/g, ".");
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:[.,](\d{1,2}))?$/.exec(bare);
  if (!m) return null;
  const whole = Number((m[1] ?? "").replaceAll(".", ""));
  const cents = m[2] ? Number(m[2].padEnd(2, "0")) : 0;
  const minor = whole * 100 + cents;
  return Number.isSafeInteger(minor) ? minor : null;
}

/**
 * A sum as a form field shows it again, so that `parseMoney` reads it back the same: whole units
 * without grouping ("25000"), the decimals after the reader's own mark ("1250,50"; "1250.50" in English).
 */
export function moneyText(minor: number, lang: string): string {
  const whole = Math.trunc(minor / 100);
  const cents = minor % 100;
  return cents === 0 ? String(whole) : `${whole}${lang === "en" ? "." : ","}${String(cents).padStart(2, "0")}`;
}

/** A required sum of money (see `parseMoney`) from 0 up to `max` minor units. */
export const moneyField = (max = 1_000_000_000_00) =>
  z
    .string()
    .trim()
    .min(1, "validation.required")
    .transform((v, ctx) => {
      const minor = parseMoney(v);
      if (minor === null) ctx.addIssue({ code: "custom", message: "validation.money" });
      else if (minor > max) ctx.addIssue({ code: "custom", message: "validation.moneyTooHigh" });
      return minor ?? 0;
    });
