import { type Actor, associationRole, can, hasRole, isPerson, type Rule } from "../../platform/auth/policy.js";

/** An association's admins book for it; staff may book for anyone. */
export const canBookFor: Rule<{ tenantId: string; associationId: string }> = (actor, r) =>
  associationRole(actor, r.associationId) === "admin" || hasRole(actor, "caseworker", "staff", "tenant_admin");
/** Caseworkers decide requests and report on use; staff and the tenant's admin too. */
export const canDecideBookings: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "caseworker", "staff", "tenant_admin");
/** Staff and the tenant's admin describe the premises, their hours and closures. */
export const canManagePremises: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "caseworker", "tenant_admin");
/** A booking is seen and changed by who made it, the admins of the association it is for, and caseworkers. */
export const canManageBooking: Rule<{ tenantId: string; userId: string | null; associationId: string | null }> = (actor, b) =>
  b.userId === actor.userId ||
  (b.associationId !== null && canBookFor(actor, { tenantId: b.tenantId, associationId: b.associationId })) ||
  canDecideBookings(actor, b);
/** Who runs an association books for it and applies in seasonal rounds; the menu shows them their bookings. */
export const canBookForSomeAssociation: Rule<{ tenantId: string }> = (actor) => [...actor.memberships.values()].includes("admin");
/** Seasonal rounds are for the associations that apply and the caseworkers who allocate. */
export const canSeeRounds: Rule<{ tenantId: string }> = (actor, r) => canDecideBookings(actor, r) || canBookForSomeAssociation(actor, r);

/** A rule about the tenant itself, asked of whoever is signed in (for menus and pages without a record). */
export const mayInTenant = (actor: Actor, rule: Rule<{ tenantId: string }>) => isPerson(actor) && can(actor, rule, { tenantId: actor.tenantId });
