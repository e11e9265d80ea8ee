import { associationRole, hasRole, type Rule } from "../../platform/auth/policy.js";
import type { CaseAccess } from "./counselling.model.js";

/** The centre's staff (and the tenant's admin) keep the counselling log; nobody else sees it, a caseworker neither. */
export const canKeepCounselling: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "staff", "tenant_admin");

/** The board of the case's association sees what was agreed and the next steps; a plain member does not. */
export const canSeeAgreed: Rule<CaseAccess> = (actor, c) => c.associationId !== null && associationRole(actor, c.associationId) === "admin";

/** A person who sits on at least one board may look for their association's counselling. */
export const canSeeOwnCounselling: Rule<{ tenantId: string }> = (actor) => [...actor.memberships.values()].includes("admin");
