import { denmark } from "./countries/dk.js";
import { netherlands } from "./countries/nl.js";
import { norway } from "./countries/no.js";
import { COUNTRY_CODES, type CountryCode, type CountryProfile } from "./countries/profile.js";

export { type AllocationOrder, COUNTRY_CODES, type CountryCode, type CountryProfile } from "./countries/profile.js";

const PROFILES: Record<CountryCode, CountryProfile> = { DK: denmark, NO: norway, NL: netherlands };

export function isCountry(code: unknown): code is CountryCode {
  return typeof code === "string" && (COUNTRY_CODES as readonly string[]).includes(code);
}

/** Everything that differs by country: formats, registers, names, defaults. */
export function countryProfile(code: CountryCode): CountryProfile {
  return PROFILES[code];
}

/** The code the postcode register keys this postcode by in the country, or null when it is not one of the country's. */
export function postcodeKey(country: CountryCode, input: string): string | null {
  return countryProfile(country).postcode.exec(input.trim().toUpperCase().replace(/\s+/g, ""))?.[1] ?? null;
}
