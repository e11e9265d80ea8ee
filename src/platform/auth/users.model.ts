/** A person's account in one tenant. */
export interface User {
  id: string;
  tenantId: string;
  email: string;
  name: string;
  passwordHash: string | null;
  emailVerifiedAt: string | null;
  language: string | null;
  createdAt: string;
  updatedAt: string;
}
