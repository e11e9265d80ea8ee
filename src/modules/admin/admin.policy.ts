import { hasRole, type Rule } from "../../platform/auth/policy.js";

export const canReadAudit: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "caseworker", "tenant_admin");
export const canManageApiTokens: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "tenant_admin");
export const canEditTenantSettings: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "tenant_admin");
/** Who read whose data is itself personal: the tenant's administrator answers for it. */
export const canReadAccessLog: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "tenant_admin");
