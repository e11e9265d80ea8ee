import type { Generated } from "kysely";

export interface OpportunitiesTable {
  id: string;
  tenant_id: string;
  association_id: string;
  category_id: string | null;
  title: string;
  tasks: string;
  benefits: string;
  commitment: "one_off" | "weekly" | "flexible";
  hours_per_week: number | null;
  one_off_date: string | null;
  place: string | null;
  postcode: string | null;
  remote: number;
  start_date: string | null;
  needs_certificate: number;
  min_age: number | null;
  /** Comma-separated language codes the volunteer may speak. */
  languages: string;
  /** Comma-separated codes of whom the job suits. */
  suits: string;
  contact_name: string;
  contact_email: string;
  expires_on: string;
  status: "draft" | "pending" | "published" | "rejected";
  review_note: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  /** Comma-separated week slots ("mon-morning"); empty when the volunteer chooses the time. */
  time_slots: Generated<string>;
  setting: Generated<"any" | "one_to_one" | "group">;
  step_free: Generated<number>;
  renewal_reminded_at: Generated<string | null>;
}

export interface ApplicationsTable {
  id: string;
  tenant_id: string;
  opportunity_id: string;
  user_id: string | null;
  name: string;
  email: string;
  phone: string | null;
  /** Sealed (platform/crypto). */
  message: string;
  status: "unconfirmed" | "new" | "contacted" | "meeting" | "started" | "not_now";
  created_at: string;
  confirmed_at: string | null;
  first_answer_at: string | null;
  updated_at: string;
  nudged_at: Generated<string | null>;
  escalated_at: Generated<string | null>;
}

export interface ApplicationMessagesTable {
  id: string;
  tenant_id: string;
  application_id: string;
  sender: "association" | "applicant";
  author_id: string | null;
  /** Sealed (platform/crypto). */
  body: string;
  created_at: string;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    opportunities: OpportunitiesTable;
    applications: ApplicationsTable;
    application_messages: ApplicationMessagesTable;
  }
}
