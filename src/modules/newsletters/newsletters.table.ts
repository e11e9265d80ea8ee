export interface NewslettersTable {
  id: string;
  tenant_id: string;
  subject: string;
  body: string;
  /**
   * "group" (a member group), "category" (associations with a current job or event in a category term),
   * "network" (a network's members), "subscribers" (citizens who confirmed their address).
   */
  segment_kind: string;
  segment_id: string | null;
  status: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export interface NewsletterRecipientsTable {
  id: string;
  tenant_id: string;
  newsletter_id: string;
  email: string;
  token_hash: string;
  outbox_id: string | null;
  created_at: string;
}

export interface NewsletterUnsubscribesTable {
  id: string;
  tenant_id: string;
  email: string;
  newsletter_id: string | null;
  created_at: string;
}

export interface NewsletterSubscribersTable {
  id: string;
  tenant_id: string;
  email: string;
  token_hash: string;
  confirmed_at: string | null;
  created_at: string;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    newsletters: NewslettersTable;
    newsletter_recipients: NewsletterRecipientsTable;
    newsletter_unsubscribes: NewsletterUnsubscribesTable;
    newsletter_subscribers: NewsletterSubscribersTable;
  }
}
