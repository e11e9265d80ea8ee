import { associationRole, hasRole, type Rule } from "../../platform/auth/policy.js";

/** An association's admins book for it; staff may book for anyone. */
export const canBookFor: Rule<{ tenantId: string; associationId: string }> = (actor, r) =>
  associationRole(actor, r.associationId) === "admin" || hasRole(actor, "caseworker", "staff", "tenant_admin");
/** Caseworkers decide requests and report on use; staff and the tenant's admin too. */
export const canDecideBookings: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "caseworker", "staff", "tenant_admin");
/** Staff and the tenant's admin describe the premises, their hours and closures. */
export const canManagePremises: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "caseworker", "tenant_admin");
