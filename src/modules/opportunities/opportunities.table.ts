import type { Generated } from "kysely";

export interface OpportunitiesTable {
  id: string;
  tenant_id: string;
  association_id: string;
  category_id: string | null;
  title: string;
  tasks: string;
  benefits: string;
  /** JSON: the title, tasks and benefits in other languages. */
  translations: Generated<string>;
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
  /** A change to the published job that waits for staff, as JSON of its posting (pre-moderation). */
  pending_change: Generated<string | null>;
  pending_since: Generated<string | null>;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    opportunities: OpportunitiesTable;
  }
}
