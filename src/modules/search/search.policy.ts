import { hasRole, type Rule } from "../../platform/auth/policy.js";

/** Searching is open to anyone; keeping a search to be told of new results takes an account, any account. */
export const canSaveSearches: Rule<{ tenantId: string }> = () => true;

/** The words that mean the same in a search are the tenant administrator's to keep. */
export const canEditSynonyms: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "tenant_admin");
