import { associationRole, hasRole, type Rule } from "../../platform/auth/policy.js";

/**
 * Who keeps child-protection certificates: the association's board (its admins), for its own volunteers only.
 * Nobody else sees them, not the volunteer centre's staff: whether a volunteer may work with children is the
 * association's matter, and the list says who was asked.
 */
export const canKeepCertificates: Rule<{ tenantId: string; associationId: string }> = (actor, a) => associationRole(actor, a.associationId) === "admin";

/** The list at /certificates: the board of some association. */
export const canKeepSomeCertificates: Rule<{ tenantId: string }> = (actor) => [...actor.memberships.values()].includes("admin");

/** How often certificates are renewed in the tenant: its administrator. */
export const canSetCertificateRenewal: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "tenant_admin");
