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
