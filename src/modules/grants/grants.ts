import { can, isPerson, type Rule } from "../../platform/auth/policy.js";
import { notFound, unauthenticated } from "../../platform/http/errors.js";
import type { ServiceContext } from "../../platform/service-context.js";
import * as applications from "./applications.repository.js";
import type { Application, Round, Scheme } from "./grants.model.js";
import { canSeeApplication } from "./grants.policy.js";
import * as schemes from "./schemes.repository.js";

/** Today in the tenant's zone, `YYYY-MM-DD`. */

/** A deadline is the minute it names: 23:59 is in time until 00:00. */
const DEADLINE_GRACE_MS = 60_000;

/** The last moment a round takes applications: its second deadline when it has one; null when open all year. */
export const closingAt = (round: Pick<Round, "deadlineAt" | "secondDeadlineAt">) => round.secondDeadlineAt ?? round.deadlineAt;

/** Whether the round takes applications at this instant: open, begun, and not past its (last) deadline. */
export function takesApplications(round: Round, now: Date): boolean {
  if (round.status !== "open" || now < new Date(round.opensAt)) return false;
  const closing = closingAt(round);
  return closing === null || now.getTime() < new Date(closing).getTime() + DEADLINE_GRACE_MS;
}

/** A scheme of the tenant; another tenant's id and an unknown one are the same 404. */
export async function openScheme(ctx: Pick<ServiceContext, "db" | "tenant">, id: string): Promise<Scheme> {
  const found = await schemes.findScheme(ctx.db, ctx.tenant.id, id);
  if (!found) throw notFound();
  return found;
}

export async function openRound(ctx: Pick<ServiceContext, "db" | "tenant">, id: string): Promise<{ round: Round; scheme: Scheme }> {
  const round = await schemes.findRound(ctx.db, ctx.tenant.id, id);
  if (!round) throw notFound();
  return { round, scheme: await openScheme(ctx, round.schemeId) };
}

/**
 * The one way into an application: found inside the tenant and shown only to those the policy lets
 * see it (and, when given, allowed by a further rule). Everyone else gets the same 404, so an
 * application's existence never leaks; someone not signed in is asked to sign in first.
 */
export async function openApplication(
  ctx: ServiceContext,
  id: string,
  rule?: Rule<{ tenantId: string; associationId: string; status: string; roundStatus: Round["status"] }>,
): Promise<{ application: Application; round: Round; scheme: Scheme }> {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const application = await applications.findApplication(ctx.db, ctx.tenant.id, id);
  if (!application) throw notFound();
  const { round, scheme } = await openRound(ctx, application.roundId);
  const record = { tenantId: application.tenantId, associationId: application.associationId, status: application.status, roundStatus: round.status };
  if (!can(ctx.actor, canSeeApplication, record) || (rule && !can(ctx.actor, rule, record))) throw notFound();
  return { application, round, scheme };
}
