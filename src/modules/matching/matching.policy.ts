import { hasRole, type Rule } from "../../platform/auth/policy.js";

/** Centre staff run the matching for a citizen they counsel, once the citizen has agreed. */
export const canMatchForOthers: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "tenant_admin");
