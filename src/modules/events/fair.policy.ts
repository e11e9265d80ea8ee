import { associationRole, hasRole, type Rule } from "../../platform/auth/policy.js";

/** An association's admins apply for a stand at a fair, change or withdraw the application. */
export const canApplyForStand: Rule<{ tenantId: string; associationId: string }> = (actor, s) => associationRole(actor, s.associationId) === "admin";

/** Staff run the fair: they place the stands, decline, export the exhibitors and record the agreements made. */
export const canRunFair: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "tenant_admin");

/** A stand's sign is printed by the association's admins and by staff. */
export const canPrintStandSign: Rule<{ tenantId: string; associationId: string }> = (actor, s) =>
  hasRole(actor, "staff", "tenant_admin") || associationRole(actor, s.associationId) === "admin";

/** The visitors who left their interest at a stand are the association's alone (the consent says so): its admins see them. */
export const canSeeLeads: Rule<{ tenantId: string; associationId: string }> = (actor, s) => associationRole(actor, s.associationId) === "admin";
