import { associationRole, hasRole, isPerson, type Rule } from "../../platform/auth/policy.js";
import { agreed, type MatchAccess } from "./experts.model.js";

/**
 * Who does what in the expert pool. Anyone signed in may offer their skills; an association's board (its admins)
 * asks for help for that association and sees only its own requests; the centre's staff see every request and
 * match experts to them. An expert sees only what was put to them. Contact details: staff, the expert, and the
 * board of a request the expert has accepted; nobody else, and the board not before.
 */
const staff = (actor: Parameters<Rule<{ tenantId: string }>>[0]) => hasRole(actor, "staff", "tenant_admin");
const isBoard = (actor: Parameters<Rule<{ tenantId: string }>>[0], associationId: string) => associationRole(actor, associationId) === "admin";
const isExpert = (actor: Parameters<Rule<MatchAccess>>[0], m: MatchAccess) => isPerson(actor) && actor.userId === m.expertUserId;

/** Signing up (and pausing or leaving) as an expert: any signed-in person of the tenant. */
export const canBeExpert: Rule<{ tenantId: string }> = () => true;

/** Asking for an expert for an association: its board. */
export const canAskFor: Rule<{ tenantId: string; associationId: string }> = (actor, a) => isBoard(actor, a.associationId);

/** The "ask for help" pages: the board of some association. */
export const canAskForSome: Rule<{ tenantId: string }> = (actor) => [...actor.memberships.values()].includes("admin");

/** Every request, the suggestions, proposing a match, and the hours in figures: the centre's staff. */
export const canMatchExperts: Rule<{ tenantId: string }> = (actor) => staff(actor);

/** A request: staff, and the board of the association that asked. */
export const canSeeRequest: Rule<{ tenantId: string; associationId: string }> = (actor, r) => staff(actor) || isBoard(actor, r.associationId);

/** A match: staff, the expert it was put to, and the asking board once the expert has accepted. */
export const canSeeMatch: Rule<MatchAccess> = (actor, m) => staff(actor) || isExpert(actor, m) || (agreed(m.status) && isBoard(actor, m.associationId));

/** The expert's telephone and e-mail: staff, the expert, and the asking board once the expert has accepted. */
export const canSeeExpertContact: Rule<MatchAccess> = (actor, m) => canSeeMatch(actor, m);

/** Accepting or declining: the expert it was put to, while it waits for an answer. */
export const canAnswerMatch: Rule<MatchAccess> = (actor, m) => isExpert(actor, m) && m.status === "proposed";

/** Logging hours: the expert and the board, while the match runs. */
export const canLogHours: Rule<MatchAccess> = (actor, m) => m.status === "accepted" && (isExpert(actor, m) || isBoard(actor, m.associationId));

/** Closing with a rating, or rating one closed by the other side: the expert and the board, once agreed. */
export const canRateMatch: Rule<MatchAccess> = (actor, m) => agreed(m.status) && (isExpert(actor, m) || isBoard(actor, m.associationId));
