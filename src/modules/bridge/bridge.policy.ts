import { associationRole, hasRole, type Rule } from "../../platform/auth/policy.js";

/**
 * Bridge-building is the most careful part of Sammen: a case is seen only by the bridge-builder who
 * holds it and those they share it with; an association sees only the referrals made to it, a companion
 * only their own person's first name, meeting time and place, and other staff see counts only.
 */

/** Bridge-builders are centre staff with the permission; they take the cases nobody holds yet. */
export const canWorkCases: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "bridge_builder");

/** A case: its bridge-builder, those it is shared with, and any bridge-builder while nobody holds it. */
export const canSeeCase: Rule<{ tenantId: string; builderId: string | null; sharedWith: readonly string[] }> = (actor, c) =>
  hasRole(actor, "bridge_builder") && (c.builderId === null || c.builderId === actor.userId || c.sharedWith.includes(actor.userId));

/** Referring someone else: municipal workers with the permission, caseworkers, centre staff and association admins. */
export const canReferOthers: Rule<{ tenantId: string }> = (actor) =>
  hasRole(actor, "referrer", "bridge_builder", "caseworker", "staff") || [...actor.memberships.values()].includes("admin");

/** Which source a referral made by this person is from: the municipality, an association or the centre. */
export const canReferForMunicipality: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "referrer", "caseworker");
export const canReferForAssociation: Rule<{ tenantId: string }> = (actor) => [...actor.memberships.values()].includes("admin");
export const canReferForCentre: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "bridge_builder", "staff");

/** The referrals made to an association: its admins. */
export const canAnswerReferral: Rule<{ tenantId: string; associationId: string }> = (actor, r) => associationRole(actor, r.associationId) === "admin";

/** The referrals page: an admin of some association. */
export const canSeeReferrals: Rule<{ tenantId: string }> = (actor) => [...actor.memberships.values()].includes("admin");

/** A companion sees the people they come along with, and nothing else of the case. */
export const canAccompany: Rule<{ tenantId: string; companionId: string | null }> = (actor, c) => c.companionId === actor.userId;

/** The pool of companions and who is matched with whom. */
export const canManageCompanions: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "bridge_builder");

/** Anonymous counts for the partnership: bridge-builders, centre staff and the municipality's administrator. */
export const canSeeBridgeFigures: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "bridge_builder", "staff", "tenant_admin");

/** The follow-up months, how long cases are kept and the welcome checklist. */
export const canTailorBridge: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "bridge_builder", "tenant_admin");
