import { hasRole, type Rule } from "../../platform/auth/policy.js";
import { canManageOpportunities } from "../opportunities/index.js";

/** Who may manage a job sees its applicants, moves them along and writes to them. */
export const canHandleApplicants = canManageOpportunities;
/** The volunteer centre follows up on applicants nobody answered, and reports the figures. */
export const canFollowUp: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "tenant_admin");
/** Anyone signed in keeps a list of their own applications. */
export const canKeepApplications: Rule<{ tenantId: string }> = () => true;
