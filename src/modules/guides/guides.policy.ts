import { hasRole, type Rule } from "../../platform/auth/policy.js";

/**
 * Who does what with guides. The centre's staff, the municipality's caseworkers and the tenant's admin write
 * them, keep drafts and publish; everyone else (a citizen, a board, anyone not signed in) reads only what is published.
 */
export const canWriteGuides: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "caseworker", "tenant_admin");

/** Whose centre menu lists the guides to write: the centre's staff and the tenant's admin (a caseworker reaches them from the guides' page). */
export const canWriteGuidesForCentre: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "tenant_admin");
