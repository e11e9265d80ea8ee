import type { Generated } from "kysely";

export interface AssociationsTable {
  id: string;
  tenant_id: string;
  name: string;
  registration_number: string | null;
  email: string;
  phone: string | null;
  description: Generated<string>;
  /** JSON: the description in other languages. */
  translations: Generated<string>;
  website: Generated<string | null>;
  logo_file_id: Generated<string | null>;
  stale_notified_at: Generated<string | null>;
  hidden_at: Generated<string | null>;
  /** A change to the public page that waits for staff, as JSON of its content (pre-moderation). */
  pending_change: Generated<string | null>;
  pending_since: Generated<string | null>;
  created_at: string;
  updated_at: string;
}
export interface AssociationMembersTable {
  tenant_id: string;
  association_id: string;
  user_id: string;
  role: "member" | "admin";
  created_at: string;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    associations: AssociationsTable;
    association_members: AssociationMembersTable;
  }
}
