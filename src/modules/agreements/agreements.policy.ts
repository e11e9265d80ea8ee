import { associationRole, hasRole, type Rule } from "../../platform/auth/policy.js";

/**
 * Who does what with cooperation agreements. The municipality's caseworkers (and the tenant's
 * administrator) record, change, renew and end them; the board (admins) of an association that is a
 * party sees the whole agreement, its notes and documents included, but changes nothing. Everyone
 * else sees only the public register.
 */

/** Recording and keeping agreements: caseworkers and the tenant's administrator. */
export const canManageAgreements: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "caseworker", "tenant_admin");

/** One agreement in full: those who keep agreements, and the board of a party. */
export const canSeeAgreement: Rule<{ tenantId: string; associationIds: readonly string[] }> = (actor, a) =>
  canManageAgreements(actor, a) || a.associationIds.some((id) => associationRole(actor, id) === "admin");

/** "Our agreements": the board of some association. */
export const canSeeOwnAgreements: Rule<{ tenantId: string }> = (actor) => [...actor.memberships.values()].includes("admin");
