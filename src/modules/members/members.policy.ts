import { hasRole, type Rule } from "../../platform/auth/policy.js";

/**
 * The centre's members are the centre's own records: its staff (and the tenant's admin) keep the
 * groups, the members, their dates and fee status. Boards and citizens see none of it.
 */
export const canManageMembers: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "tenant_admin");
