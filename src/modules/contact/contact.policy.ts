import { hasRole, type Rule } from "../../platform/auth/policy.js";
import type { EnquiryAccess } from "./contact.model.js";

type Tenanted = { tenantId: string };

/** The tenant's administrator keeps the topics, who answers them, and the deadlines. */
export const canManageContact: Rule<Tenanted> = (actor) => hasRole(actor, "tenant_admin");

/** Staff, caseworkers and the administrator have an inbox of enquiries (each sees only theirs, see below). */
export const canUseInbox: Rule<Tenanted> = (actor) => hasRole(actor, "staff", "caseworker", "tenant_admin");

/**
 * An enquiry: the administrator sees all; the topic's staff person sees those of her topic; a topic
 * answered from a unit's shared inbox is open to the tenant's staff and caseworkers (whoever reads the
 * inbox signs in with their own account). Everyone else is told it does not exist.
 */
export const canHandleEnquiry: Rule<EnquiryAccess> = (actor, e) =>
  hasRole(actor, "tenant_admin") || (hasRole(actor, "staff", "caseworker") && (e.responsibleUserId === null || e.responsibleUserId === actor.userId));
