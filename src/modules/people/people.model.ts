import type { StaffRole } from "../../platform/auth/policy.js";

/** A person with an account in the tenant, as staff see them: who they are and the staff roles they hold. */
export interface PersonRecord {
  id: string;
  name: string;
  email: string;
  emailVerifiedAt: string | null;
  createdAt: string;
  roles: StaffRole[];
}

export type Invitation =
  | { email: string; kind: "role"; role: StaffRole }
  | { email: string; kind: "association"; role: "member" | "admin"; associationId: string };
