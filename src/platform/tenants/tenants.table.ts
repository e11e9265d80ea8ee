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
  created_at: string;
}
export interface TenantHostsTable {
  host: string;
  tenant_id: string;
  is_default: number;
}
