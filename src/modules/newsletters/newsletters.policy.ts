import { hasRole, type Rule } from "../../platform/auth/policy.js";

/**
 * Newsletters are the centre's: its staff (and the tenant's admin) write, send and follow them,
 * and see drafts and counts. Everyone else sees only the public archive and their own unsubscribe page.
 */
export const canSendNewsletters: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "tenant_admin");
