import { associationRole, hasRole, type Rule } from "../../platform/auth/policy.js";

/** The association's admins describe its offers; staff may help with any. */
export const canManageOffers: Rule<{ tenantId: string; associationId: string }> = (actor, r) =>
  associationRole(actor, r.associationId) === "admin" || hasRole(actor, "staff", "tenant_admin");
export const canModerateOffers: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "tenant_admin");
