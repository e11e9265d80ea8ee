import { associationRole, hasRole, type Rule } from "../../platform/auth/policy.js";

type OfAssociation = { tenantId: string; associationId: string };

/** Association admins post and edit their own association's jobs and see who applied; staff may help with any. */
export const canManageOpportunities: Rule<OfAssociation> = (actor, r) =>
  associationRole(actor, r.associationId) === "admin" || hasRole(actor, "staff", "tenant_admin");
/** Staff approve postings or send them back. */
export const canModerate: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "tenant_admin");
/** The volunteer centre follows up on applicants nobody answered, and reports the board's figures. */
export const canFollowUp: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "tenant_admin");
