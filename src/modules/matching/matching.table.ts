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
  /** Comma-separated: step_free, companion, no_local_language. */
  needs: string;
  setting: "any" | "one_to_one" | "group";
  rhythm: "any" | "regular" | "one_off";
  updated_at: string;
}

export interface MatchingConsentsTable {
  id: string;
  tenant_id: string;
  citizen_id: string;
  staff_id: string | null;
  note: string;
  given_at: string;
}
