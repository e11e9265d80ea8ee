import type { Generated } from "kysely";

export interface MailOutboxTable {
  id: string;
  tenant_id: string;
  to_address: string;
  subject: string;
  html: string;
  text: string;
  /** sending: a worker has claimed it and handed it to SMTP (since claimed_at). */
  status: "pending" | "sending" | "sent" | "failed" | "kept";
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  claimed_at: Generated<string | null>;
  /** JSON list of { filename, contentType, content }, or null. */
  attachments: Generated<string | null>;
  /** JSON object of extra headers (a newsletter's List-Unsubscribe), or null. */
  headers: Generated<string | null>;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    mail_outbox: MailOutboxTable;
  }
}
