import { z } from "zod";
import { email } from "../../platform/auth/auth.schema.js";
import { phoneNumber, webAddress } from "../../platform/http/fields.js";
import { countryProfile } from "../../platform/tenants/countries.js";
import type { Tenant } from "../../platform/tenants/tenants.js";

/** The national register number: CVR (DK), organisasjonsnummer (NO) or KvK-nummer (NL). */
export function registrationNumber(country: Tenant["country"]) {
  const { register } = countryProfile(country);
  return z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s.-]/g, ""))
    .refine((v) => v === "" || register.isValid(v), register.invalid)
    .transform((v) => v || null);
}

export function associationInput(country: Tenant["country"]) {
  return z.object({
    name: z.string().trim().min(2, "association.name.required").max(150, "validation.tooLong"),
    registrationNumber: registrationNumber(country),
    email,
    phone: phoneNumber(),
  });
}
export type AssociationInput = z.output<ReturnType<typeof associationInput>>;

export const memberRole = z.enum(["member", "admin"], "validation.invalid");

export const inviteMemberInput = z.object({ email, role: memberRole });

export const listQuery = z.object({
  q: z.string().trim().max(100).catch(""),
  sort: z.enum(["name", "created_at"]).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type ListQuery = z.output<typeof listQuery>;

/** What an association tells the public about itself; its logo comes as a file beside it. */
export const profileInput = z.object({
  description: z.string().trim().max(4000, "validation.tooLong"),
  website: webAddress("offer.link.invalid"),
});
