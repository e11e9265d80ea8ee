import { hasRole, type Rule, type StaffRole } from "../../platform/auth/policy.js";

export const canManagePeople: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "tenant_admin");

/** Only a tenant admin makes another tenant admin. */
export const canGrantRole: Rule<{ tenantId: string; role: StaffRole }> = (actor, r) =>
  r.role === "tenant_admin" ? hasRole(actor, "tenant_admin") : hasRole(actor, "staff", "tenant_admin");
