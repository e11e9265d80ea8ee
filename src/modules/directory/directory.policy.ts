import { associationRole, hasRole, type Rule } from "../../platform/auth/policy.js";

/** The association's admins describe its offers (and see them in any state); staff may help with any. */
export const canManageOffers: Rule<{ tenantId: string; associationId: string }> = (actor, r) =>
  associationRole(actor, r.associationId) === "admin" || hasRole(actor, "staff", "tenant_admin");
/** Staff approve or reject offers before they are public, and import offers from another system. */
export const canModerateOffers: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "tenant_admin");
