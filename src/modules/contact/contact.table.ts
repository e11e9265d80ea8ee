export interface ContactSettingsTable {
  tenant_id: string;
  answer_days: number;
  /** 1: the deadline counts Monday to Friday only. */
  working_days: number;
  escalate_days: number;
  keep_months: number;
  updated_at: string;
}

export interface ContactTopicsTable {
  id: string;
  tenant_id: string;
  /** JSON: the topic's name by language, {"da": "Lokaler", "en": "Premises"}. */
  name: string;
  unit_name: string;
  staff_user_id: string | null;
  inbox_email: string | null;
  position: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface ContactEnquiriesTable {
  id: string;
  tenant_id: string;
  topic_id: string;
  sender_name: string;
  sender_email: string;
  sender_phone: string | null;
  language: string;
  message: string;
  status: string;
  follow_hash: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  internal_note: string;
  due_at: string;
  reminded_at: string | null;
  escalated_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    contact_settings: ContactSettingsTable;
    contact_topics: ContactTopicsTable;
    contact_enquiries: ContactEnquiriesTable;
  }
}
