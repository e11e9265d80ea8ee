import type { Lang } from "../i18n/i18n.js";
import type { Tenant } from "../tenants/tenants.js";

/**
 * The language a mail goes in, the same for every mail: the recipient's own setting, else the
 * language they used when they applied, registered or booked (or are using now, when they asked for
 * the mail themselves), else the tenant's default. Never the language of whoever caused the mail,
 * and only a language the tenant offers.
 */
export function recipientLanguage(input: {
  userLanguage?: string | null;
  usedLanguage?: Lang | null;
  tenant: Pick<Tenant, "languages" | "defaultLanguage">;
}): Lang {
  const offered = (lang: string | null | undefined): lang is Lang => input.tenant.languages.some((l) => l === lang);
  if (offered(input.userLanguage)) return input.userLanguage;
  if (offered(input.usedLanguage)) return input.usedLanguage;
  return input.tenant.defaultLanguage;
}
