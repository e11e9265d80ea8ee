export interface AuditLogTable {
  id: string;
  tenant_id: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  ip: string | null;
  details: string | null;
  at: string;
}

/** One person's data shown to someone else: a row per person or application a page or export showed. */
export interface AccessLogTable {
  id: string;
  tenant_id: string;
  actor_id: string | null;
  action: string;
  subject_type: "user" | "application" | "event_registration" | "bridge_case";
  subject_id: string;
  ip: string | null;
  at: string;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    audit_log: AuditLogTable;
    access_log: AccessLogTable;
  }
}
