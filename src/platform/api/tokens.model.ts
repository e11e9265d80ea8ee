/** An API token as its tenant's admins see it; its secret is shown once, at creation, and never stored. */
export interface ApiToken {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
