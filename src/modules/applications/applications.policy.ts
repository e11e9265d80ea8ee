import type { Rule } from "../../platform/auth/policy.js";
import { canFollowUp, canManageOpportunities } from "../opportunities/index.js";

/** Who may manage a job sees its applicants, moves them along and writes to them. */
export const canHandleApplicants = canManageOpportunities;
/** The volunteer centre follows up on applicants nobody answered, and reports the figures; its menu entries sit with the job board's. */
export { canFollowUp };
/** Anyone signed in keeps a list of their own applications. */
export const canKeepApplications: Rule<{ tenantId: string }> = () => true;
