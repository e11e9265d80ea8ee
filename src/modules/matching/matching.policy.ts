import { hasRole, type Rule } from "../../platform/auth/policy.js";

/** Centre staff run the matching for a citizen they counsel, once the citizen has agreed. */
export const canMatchForOthers: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "tenant_admin");
/** A signed-in person keeps a profile and sees what fits them. */
export const canBeMatched: Rule<{ tenantId: string }> = () => true;
/** A consent is the citizen's own: only they withdraw it (staff record, never take back, a citizen's word). */
export const canWithdrawConsent: Rule<{ tenantId: string; citizenId: string }> = (actor, c) => actor.userId === c.citizenId;
