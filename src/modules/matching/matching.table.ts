import type { Generated } from "kysely";

export interface VolunteerProfilesTable {
  tenant_id: string;
  user_id: string;
  /** Comma-separated category codes. */
  interests: string;
  skills: string;
  /** Comma-separated week slots ("mon-morning"). */
  time_slots: string;
  postcode: string | null;
  max_km: number | null;
  languages: string;
  /** Comma-separated: step_free, companion, no_local_language; sealed (platform/crypto). */
  needs: string;
  setting: "any" | "one_to_one" | "group";
  rhythm: "any" | "regular" | "one_off";
  updated_at: string;
}

export interface MatchingConsentsTable {
  id: string;
  tenant_id: string;
  citizen_id: string;
  /** The staff member who recorded it; the citizen confirms it by a link mailed to them. */
  staff_id: string | null;
  /** Sealed (platform/crypto). */
  note: string;
  given_at: string;
  confirmed_at: string | null;
  withdrawn_at: string | null;
  /** Until the citizen confirms, a short while after it was recorded; then a year after confirming. Empty: over. */
  expires_at: Generated<string>;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    volunteer_profiles: VolunteerProfilesTable;
    matching_consents: MatchingConsentsTable;
  }
}
