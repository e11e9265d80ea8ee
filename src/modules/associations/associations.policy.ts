import { associationRole, hasRole, type Rule } from "../../platform/auth/policy.js";

type AssociationRecord = { tenantId: string; id: string };

/** Anyone signed in may register an association (and see the list of their own). */
export const canCreateAssociation: Rule<{ tenantId: string }> = () => true;
/** The municipality's people see, export and import every association. */
export const canListAllAssociations: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "caseworker", "tenant_admin");
export const canViewAssociation: Rule<AssociationRecord> = (actor, a) =>
  associationRole(actor, a.id) !== null || hasRole(actor, "staff", "caseworker", "tenant_admin");
/** Its details, its public profile and its members are kept by its admins, with staff to help. */
export const canEditAssociation: Rule<AssociationRecord> = (actor, a) => associationRole(actor, a.id) === "admin" || hasRole(actor, "staff", "tenant_admin");
export const canManageMembers = canEditAssociation;
/** Under pre-moderation staff approve changes to associations' public pages, or reject them with a note. */
export const canModerateProfiles: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "tenant_admin");
/** A person acts for one of their associations at a time, and only for one they belong to. */
export const canSwitchTo: Rule<{ tenantId: string; associationId: string }> = (actor, r) => associationRole(actor, r.associationId) !== null;
