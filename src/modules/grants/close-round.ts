import { audit } from "../../platform/audit/audit.js";
import { can, isPerson } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, notFound, unauthenticated } from "../../platform/http/errors.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { applicationsOfRound } from "./applications.repository.js";
import { closingAt, openRound } from "./grants.js";
import type { Round, Scheme } from "./grants.model.js";
import { canHandleGrants } from "./grants.policy.js";
import { updateRound } from "./schemes.repository.js";

/** A deadline is the minute it names: applications sent in 23:59 are in time, so the round closes from 00:00. */
const DEADLINE_GRACE_MS = 60_000;

/** The round, for a caseworker; anyone else gets the same 404 (or is asked to sign in). */
export async function roundForCaseworker(ctx: ServiceContext, roundId: string): Promise<{ round: Round; scheme: Scheme }> {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const found = await openRound(ctx, roundId);
  if (!can(ctx.actor, canHandleGrants, { tenantId: found.round.tenantId })) throw notFound();
  return found;
}

/** Whether the round may be closed for decision now: it is open and its (last) deadline has passed, or it has none. */
export function mayClose(round: Round, now: Date): boolean {
  if (round.status !== "open") return false;
  const closing = closingAt(round);
  return closing === null || now.getTime() >= new Date(closing).getTime() + DEADLINE_GRACE_MS;
}

/** What closing leaves behind: sent applications not yet assessed, and drafts that can no longer be sent. */
export async function closeSummary(ctx: ServiceContext, round: Round): Promise<{ sent: number; notAssessed: number; drafts: number }> {
  const all = await applicationsOfRound(ctx.db, ctx.tenant.id, round.id, true);
  const sent = all.filter((a) => a.status !== "draft" && a.status !== "withdrawn");
  return {
    sent: sent.length,
    notAssessed: sent.filter((a) => a.status === "submitted" || a.status === "questioned").length,
    drafts: all.filter((a) => a.status === "draft").length,
  };
}

/** Closes the round for decision: it takes no more applications, and the deciding body may see its list. */
export async function closeRound(ctx: ServiceContext, roundId: string): Promise<Round> {
  const { round } = await roundForCaseworker(ctx, roundId);
  if (round.status !== "open") throw conflict("closed", "grants.close.notOpen");
  if (!mayClose(round, ctx.clock.now())) throw conflict("closed", "grants.close.beforeDeadline", { round: "grants.close.beforeDeadline" });
  return inTransaction(ctx, async (tx) => {
    const closed: Round = { ...round, status: "deciding", updatedAt: isoNow(tx.clock) };
    await updateRound(tx.db, tx.tenant.id, closed);
    await audit(tx, "grants.round_closed", { type: "grant_round", id: round.id });
    return closed;
  });
}
