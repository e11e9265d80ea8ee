import { associationRole, hasRole, type Rule } from "../../platform/auth/policy.js";

type AssociationRecord = { tenantId: string; id: string };

export const canCreateAssociation: Rule<{ tenantId: string }> = () => true;
export const canListAllAssociations: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "caseworker", "tenant_admin");
export const canViewAssociation: Rule<AssociationRecord> = (actor, a) =>
  associationRole(actor, a.id) !== null || hasRole(actor, "staff", "caseworker", "tenant_admin");
export const canEditAssociation: Rule<AssociationRecord> = (actor, a) => associationRole(actor, a.id) === "admin" || hasRole(actor, "staff", "tenant_admin");
export const canManageMembers = canEditAssociation;
