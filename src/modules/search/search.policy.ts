import type { Rule } from "../../platform/auth/policy.js";

/** Searching is open to anyone; keeping a search to be told of new results takes an account, any account. */
export const canSaveSearches: Rule<{ tenantId: string }> = () => true;
