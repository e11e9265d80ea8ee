import type { Rule } from "../../platform/auth/policy.js";

/**
 * A person's data goes out, or is erased, only at that person's own asking: signed in as the account's
 * owner here (someone without an account asks through a link mailed to their address instead).
 */
export const canTakeOutData: Rule<{ tenantId: string; userId: string | null }> = (actor, subject) => subject.userId === actor.userId;
