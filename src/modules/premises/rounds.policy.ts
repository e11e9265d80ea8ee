import type { Rule } from "../../platform/auth/policy.js";
import { canBookFor, canDecideBookings } from "./premises.policy.js";

// Who sees the rounds at all is `canSeeRounds` in the premises policy (it also decides the menu).

/** Those who decide bookings run the rounds: open one, propose, adjust and publish, and see every application. */
export const canRunRounds: Rule<{ tenantId: string }> = canDecideBookings;
/** Those who may book for an association apply for it in a round, and answer what it was given. */
export const canApplyFor: Rule<{ tenantId: string; associationId: string }> = canBookFor;
