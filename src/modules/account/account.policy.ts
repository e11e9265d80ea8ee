import type { Rule } from "../../platform/auth/policy.js";

/** An account is its owner's alone: nobody else, staff included, reads or changes it here. */
export const canManageAccount: Rule<{ tenantId: string; userId: string }> = (actor, account) => actor.userId === account.userId;
