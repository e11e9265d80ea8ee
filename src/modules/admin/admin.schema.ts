import { z } from "zod";

const day = z
  .string()
  .trim()
  .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), "validation.date")
  .transform((v) => v || null);

export const auditQuery = z.object({
  action: z.string().trim().max(100).default(""),
  actor: z.string().trim().max(200).default(""),
  entity: z.string().trim().max(100).default(""),
  from: day.default(""),
  to: day.default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type AuditQuery = z.output<typeof auditQuery>;

export const API_SCOPES = ["associations:read", "associations:write"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const apiTokenInput = z.object({
  name: z.string().trim().min(2, "apiTokens.name.required").max(100, "validation.tooLong"),
  scopes: z.array(z.enum(API_SCOPES, "validation.invalid")).min(1, "apiTokens.scopes.required"),
});
