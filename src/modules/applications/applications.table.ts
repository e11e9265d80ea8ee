import type { Generated } from "kysely";

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
    applications: ApplicationsTable;
    application_messages: ApplicationMessagesTable;
  }
}
