export type StandSize = "small" | "medium" | "large";
export type StandStatus = "applied" | "assigned" | "declined" | "withdrawn";

export interface FairStandsTable {
  id: string;
  tenant_id: string;
  event_id: string;
  association_id: string;
  category_id: string | null;
  size: StandSize;
  needs_power: number;
  needs_table: number;
  shows: string;
  status: StandStatus;
  stand_number: string | null;
  code: string;
  applied_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface FairLeadsTable {
  id: string;
  tenant_id: string;
  stand_id: string;
  association_id: string;
  email: string;
  name: string | null;
  /** JSON: `LeadInterests`. */
  interests: string;
  consent_version: string;
  consented_at: string;
  created_at: string;
}

export interface FairAgreementsTable {
  id: string;
  tenant_id: string;
  event_id: string;
  /** Comma-separated association ids. */
  association_ids: string;
  other_parties: string;
  agreed: string;
  follow_up_on: string;
  reminded_at: string | null;
  recorded_by: string | null;
  created_at: string;
  updated_at: string;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    fair_stands: FairStandsTable;
    fair_leads: FairLeadsTable;
    fair_agreements: FairAgreementsTable;
  }
}
