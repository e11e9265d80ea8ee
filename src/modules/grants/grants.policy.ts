import { associationRole, hasRole, type Rule } from "../../platform/auth/policy.js";
import type { RoundStatus } from "./grants.model.js";

/**
 * Who does what with grants. The tenant's administrator sets up schemes and rounds; an association's
 * board (its admins) applies and reports; caseworkers assess, pay out and approve reports; the
 * deciding body's members see a round's list only once it is closed for decision. An applicant never
 * sees scores, notes or conflict declarations.
 */

/** Schemes, their forms, rounds, letter templates and the open-data identifiers. */
export const canManageSchemes: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "tenant_admin");

/** Applying for, and reporting on, an association's grants: its board (the association's admins). */
export const canApplyFor: Rule<{ tenantId: string; associationId: string }> = (actor, a) => associationRole(actor, a.associationId) === "admin";

/** The association's applications and the schemes it may apply for: the board of some association. */
export const canApplyForSome: Rule<{ tenantId: string }> = (actor) => [...actor.memberships.values()].includes("admin");

/** Assessing applications: eligibility, scores, recommendation, questions, payouts and reports. */
export const canHandleGrants: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "caseworker");

/** The committee's list of a round: caseworkers at any time; the deciding body's members once the round is closed for decision. */
export const canSeeCommitteeList: Rule<{ tenantId: string; status: RoundStatus }> = (actor, r) =>
  hasRole(actor, "caseworker") || (hasRole(actor, "committee") && r.status !== "open");

/** Recording the decisions: in the sitting, by the deciding body's members or the caseworker who keeps the minutes. */
export const canDecide: Rule<{ tenantId: string; status: RoundStatus }> = (actor, r) => r.status === "deciding" && hasRole(actor, "committee", "caseworker");

/**
 * An application: its association's board, caseworkers, and the deciding body once its round is closed
 * for decision (a draft is the board's alone).
 */
export const canSeeApplication: Rule<{ tenantId: string; associationId: string; status: string; roundStatus: RoundStatus }> = (actor, a) =>
  associationRole(actor, a.associationId) === "admin" ||
  (a.status !== "draft" && (hasRole(actor, "caseworker") || (hasRole(actor, "committee") && a.roundStatus !== "open")));

/** Scores, notes and conflict declarations: caseworkers, and the deciding body once the round is theirs. Never the applicant. */
export const canSeeAssessment: Rule<{ tenantId: string; roundStatus: RoundStatus }> = (actor, a) =>
  hasRole(actor, "caseworker") || (hasRole(actor, "committee") && a.roundStatus !== "open");

/** The list of rounds to work on: caseworkers, and the deciding body's members (who then see only the rounds closed for decision). */
export const canSeeRounds: Rule<{ tenantId: string }> = (actor) => hasRole(actor, "caseworker", "committee");
