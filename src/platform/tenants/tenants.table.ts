import type { Generated } from "kysely";

export interface TenantsTable {
  id: string;
  slug: string;
  name: string;
  logo_url: string | null;
  color_primary: string;
  languages: string;
  default_language: string;
  time_zone: string;
  country: string;
  contact_email: string;
  moderation: "pre" | "post";
  /** Days an application may wait for a first answer before the association is reminded, and before staff are told. */
  answer_nudge_days: Generated<number>;
  answer_escalate_days: Generated<number>;
  stale_grace_days: Generated<number>;
  map_tile_url: Generated<string | null>;
  map_attribution: Generated<string | null>;
  allocation_order: Generated<string>;
  /** Hours a person offered a freed place on an event has to accept it; within `event_immediate_hours` of the start the place is given at once. */
  event_offer_hours: Generated<number>;
  event_immediate_hours: Generated<number>;
  /** The host name links in e-mails and feeds use; null until set, then the tenant's first host name. */
  canonical_host: Generated<string | null>;
  created_at: string;
  /** Raised by the database whenever the tenant's settings change (this row, its hosts, terms, synonyms). */
  settings_version: Generated<number>;
}
export interface TenantHostsTable {
  host: string;
  tenant_id: string;
  is_default: number;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    tenants: TenantsTable;
    tenant_hosts: TenantHostsTable;
  }
}
