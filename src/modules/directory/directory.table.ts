import type { Generated } from "kysely";

export interface OffersTable {
  id: string;
  tenant_id: string;
  association_id: string;
  kind: "activity" | "help";
  title: string;
  description: string;
  /** JSON: the title and description in other languages. */
  translations: Generated<string>;
  category_id: string | null;
  /** Comma-separated target group codes. */
  target_groups: string;
  place_name: string | null;
  address: string | null;
  postcode: string | null;
  online: number;
  /** Comma-separated week slots ("tue-morning"); empty for one-offs and "when you like". */
  time_slots: string;
  /** When, in the association's words: "Hver tirsdag kl. 10-12", "Lørdag 14. juni". */
  time_text: string;
  /** Comma-separated: step_free, accessible_toilet, hearing_loop. */
  accessibility: string;
  languages: string;
  price: "free" | "cost";
  price_text: string | null;
  contact_email: string;
  contact_phone: string | null;
  link_url: string | null;
  status: "pending" | "published" | "rejected";
  review_note: string | null;
  created_at: string;
  updated_at: string;
  confirmed_at: string;
  stale_notified_at: string | null;
  hidden_at: string | null;
  /** A change to the approved offer that waits for staff, as JSON of its content (pre-moderation). */
  pending_change: Generated<string | null>;
  pending_since: Generated<string | null>;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    offers: OffersTable;
  }
}
