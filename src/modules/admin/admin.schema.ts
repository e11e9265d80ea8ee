import { z } from "zod";
import { email } from "../../platform/auth/auth.schema.js";
import { optionalDateField } from "../../platform/dates.js";
import { LANGUAGES } from "../../platform/i18n/i18n.js";

const day = optionalDateField();

export const auditQuery = z.object({
  action: z.string().trim().max(100).default(""),
  actor: z.string().trim().max(200).default(""),
  entity: z.string().trim().max(100).default(""),
  from: day.default(""),
  to: day.default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type AuditQuery = z.output<typeof auditQuery>;

export const accessQuery = z.object({
  actor: z.string().trim().max(200).default(""),
  person: z.string().trim().max(200).default(""),
  from: day.default(""),
  to: day.default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type AccessQuery = z.output<typeof accessQuery>;

export const API_SCOPES = ["associations:read", "associations:write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const apiTokenInput = z.object({
  name: z.string().trim().min(2, "apiTokens.name.required").max(100, "validation.tooLong"),
  scopes: z.array(z.enum(API_SCOPES, "validation.invalid")).min(1, "apiTokens.scopes.required"),
});

const zoneIsKnown = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** Whole hours typed in a form, within the bounds; an empty field is an error, not zero. */
const hours = (min: number, max: number, message: "admin.events.offerHours.invalid" | "admin.events.immediateHours.invalid") =>
  z
    .string(message)
    .trim()
    .regex(/^\d{1,4}$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, message));

export function tenantSettingsInput() {
  return z
    .object({
      name: z.string().trim().min(2, "settings.name.required").max(120, "validation.tooLong"),
      logoUrl: z
        .string()
        .trim()
        .max(500, "validation.tooLong")
        .refine((v) => v === "" || /^https:\/\/[^\s"<>]+$/.test(v), "settings.logo.invalid")
        .transform((v) => v || null),
      colorPrimary: z
        .string()
        .trim()
        .regex(/^#[0-9a-fA-F]{6}$/, "settings.color.invalid"),
      languages: z.array(z.enum(LANGUAGES, "validation.invalid")).min(1, "settings.languages.required"),
      defaultLanguage: z.enum(LANGUAGES, "validation.invalid"),
      timeZone: z.string().trim().refine(zoneIsKnown, "settings.timeZone.invalid"),
      contactEmail: email,
      moderation: z.enum(["pre", "post"], "validation.invalid"),
      answerNudgeDays: z.coerce.number("validation.number").int("validation.number").min(1, "validation.number").max(60, "validation.number"),
      answerEscalateDays: z.coerce.number("validation.number").int("validation.number").min(2, "validation.number").max(90, "validation.number"),
      staleGraceDays: z.coerce.number("validation.number").int("validation.number").min(7, "validation.number").max(365, "validation.number"),
      eventOfferHours: hours(1, 336, "admin.events.offerHours.invalid"),
      eventImmediateHours: hours(0, 336, "admin.events.immediateHours.invalid"),
      mapTileUrl: z
        .string()
        .trim()
        .max(500, "validation.tooLong")
        .refine((v) => v === "" || (/^https:\/\/[^\s"<>]+$/.test(v) && ["{z}", "{x}", "{y}"].every((p) => v.includes(p))), "settings.mapTiles.invalid"),
      mapAttribution: z.string().trim().max(200, "validation.tooLong"),
      order1: z.coerce.number().pipe(z.union([z.literal(1), z.literal(2), z.literal(3)], "validation.invalid")),
      order2: z.coerce.number().pipe(z.union([z.literal(1), z.literal(2), z.literal(3)], "validation.invalid")),
      order3: z.coerce.number().pipe(z.union([z.literal(1), z.literal(2), z.literal(3)], "validation.invalid")),
    })
    .refine((s) => new Set([s.order1, s.order2, s.order3]).size === 3, { path: ["order1"], message: "settings.order.distinct" })
    .refine((s) => s.languages.includes(s.defaultLanguage), { path: ["defaultLanguage"], message: "settings.defaultLanguage.notEnabled" })
    .refine((s) => s.answerEscalateDays > s.answerNudgeDays, { path: ["answerEscalateDays"], message: "settings.escalate.afterNudge" })
    .refine((s) => !s.mapTileUrl || s.mapAttribution, { path: ["mapAttribution"], message: "settings.mapAttribution.required" })
    .transform(({ mapTileUrl, mapAttribution, order1, order2, order3, ...s }) => ({
      ...s,
      map: mapTileUrl ? { tileUrl: mapTileUrl, attribution: mapAttribution } : null,
      allocationOrder: [order1, order2, order3],
    }));
}
export type TenantSettingsInput = z.output<ReturnType<typeof tenantSettingsInput>>;
