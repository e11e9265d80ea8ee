import type { Rule } from "../../platform/auth/policy.js";
import { canBookFor, canDecideBookings } from "./premises.policy.js";

/** Those who decide bookings run the rounds: open one, propose, adjust and publish, and see every application. */
export const canRunRounds: Rule<{ tenantId: string }> = canDecideBookings;
/** Those who may book for an association apply for it in a round, and answer what it was given. */
export const canApplyFor: Rule<{ tenantId: string; associationId: string }> = canBookFor;
/** A round is shown to those who run it and to those who may apply for at least one of their associations. */
export const canSeeRound: Rule<{ tenantId: string }> = (actor, r) =>
  canRunRounds(actor, r) || [...actor.memberships.keys()].some((associationId) => canApplyFor(actor, { ...r, associationId }));
