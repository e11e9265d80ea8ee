export interface UsersTable {
  id: string;
  tenant_id: string;
  email: string;
  name: string;
  password_hash: string | null;
  email_verified_at: string | null;
  language: string | null;
  created_at: string;
  updated_at: string;
}
export interface UserRolesTable {
  tenant_id: string;
  user_id: string;
  role: string;
  granted_by: string | null;
  created_at: string;
}
export interface SessionsTable {
  id_hash: string;
  tenant_id: string;
  user_id: string;
  active_association_id: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}
export interface EmailTokensTable {
  token_hash: string;
  tenant_id: string;
  user_id: string | null;
  email: string;
  purpose: string;
  data: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}
export interface RateLimitsTable {
  key: string;
  window_start: string;
  hits: number;
}
export interface OidcProvidersTable {
  id: string;
  tenant_id: string;
  slug: string;
  label: string;
  issuer: string;
  client_id: string;
  secret_name: string;
  grants_role: string | null;
}
export interface UserIdentitiesTable {
  tenant_id: string;
  provider_id: string;
  subject: string;
  user_id: string;
  created_at: string;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    users: UsersTable;
    user_roles: UserRolesTable;
    sessions: SessionsTable;
    email_tokens: EmailTokensTable;
    rate_limits: RateLimitsTable;
    oidc_providers: OidcProvidersTable;
    user_identities: UserIdentitiesTable;
  }
}
