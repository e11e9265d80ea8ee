import { associationRole, hasRole, type Rule } from "../../platform/auth/policy.js";

/** Staff run the centre's and the municipality's events, and help with any association's. */
export const canRunCentreEvents: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "tenant_admin");

/**
 * An event's organisers: its association's admins for an association's event; staff for any. They edit it,
 * see who registered (with the answers), register people by hand and take attendance.
 */
export const canManageEvent: Rule<{ tenantId: string; associationId: string | null }> = (actor, e) =>
  hasRole(actor, "staff", "tenant_admin") || (e.associationId !== null && associationRole(actor, e.associationId) === "admin");

/** Staff approve an association's event before it is public, as they do its offers. */
export const canModerateEvents: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "tenant_admin");

/** Organisers may place someone beyond the capacity; it is logged. */
export const canOverbook: Rule<{ tenantId: string; associationId: string | null }> = (actor, e) => canManageEvent(actor, e);

/** Who may open the organisers' pages: staff, and an admin of some association (for its own events). */
export const canOrganiseEvents: Rule<{ tenantId: string }> = (actor) =>
  hasRole(actor, "staff", "tenant_admin") || [...actor.memberships.values()].includes("admin");
