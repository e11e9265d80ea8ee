import type { Generated } from "kysely";

export interface MailOutboxTable {
  id: string;
  tenant_id: string;
  to_address: string;
  subject: string;
  html: string;
  text: string;
  status: "pending" | "sent" | "failed" | "kept";
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** JSON list of { filename, contentType, content }, or null. */
  attachments: Generated<string | null>;
}
