export interface CounsellingCasesTable {
  id: string;
  tenant_id: string;
  /** The association counselled, or null for a new initiative known by its contact person. */
  association_id: string | null;
  initiative_name: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  topic: string;
  /** What the case is about, for the centre's staff only. */
  about: string;
  /** "staff" when staff opened it, "start" when someone booked a conversation on the start-up page. */
  source: string;
  status: string;
  staff_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: string | null;
}

export interface CounsellingEntriesTable {
  id: string;
  tenant_id: string;
  case_id: string;
  held_on: string;
  minutes: number;
  /** Shared with the association's board. */
  agreed: string;
  /** Staff only: never shown to the board nor put in a mail. */
  internal_note: string;
  next_step: string | null;
  next_step_on: string | null;
  responsible_id: string | null;
  reminded_at: string | null;
  created_by: string | null;
  created_at: string;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    counselling_cases: CounsellingCasesTable;
    counselling_entries: CounsellingEntriesTable;
  }
}
