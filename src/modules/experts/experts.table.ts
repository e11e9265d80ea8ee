export interface ExpertProfilesTable {
  id: string;
  tenant_id: string;
  user_id: string;
  /** Skill codes, comma-separated (db/lists.ts). */
  skills: string;
  experience: string;
  hours_per_month: number;
  phone: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface ExpertRequestsTable {
  id: string;
  tenant_id: string;
  association_id: string;
  skill: string;
  description: string;
  needed_by: string | null;
  status: string;
  asked_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ExpertMatchesTable {
  id: string;
  tenant_id: string;
  request_id: string;
  expert_id: string;
  status: string;
  proposed_by: string | null;
  proposed_at: string;
  answered_at: string | null;
  closed_at: string | null;
  closed_by: string | null;
  expert_rating: number | null;
  expert_comment: string | null;
  board_rating: number | null;
  board_comment: string | null;
  board_rated_by: string | null;
}

export interface ExpertHoursTable {
  id: string;
  tenant_id: string;
  match_id: string;
  on_date: string;
  minutes: number;
  what: string;
  logged_by: string | null;
  created_at: string;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    expert_profiles: ExpertProfilesTable;
    expert_requests: ExpertRequestsTable;
    expert_matches: ExpertMatchesTable;
    expert_hours: ExpertHoursTable;
  }
}
