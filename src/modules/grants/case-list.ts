import { authorize, can } from "../../platform/auth/policy.js";
import type { WaitingItem } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { countryProfile } from "../../platform/tenants/countries.js";
import { associationNames } from "../associations/index.js";
import { applicationsOfRound } from "./applications.repository.js";
import { countWaitingForAssessment, statusCounts } from "./assess.repository.js";
import { closingAt, openRound } from "./grants.js";
import type { Application, Round, Scheme } from "./grants.model.js";
import { canHandleGrants, canSeeCommitteeList, canSeeRounds } from "./grants.policy.js";
import { listRounds, listSchemes } from "./schemes.repository.js";
import { scoresOf } from "./scores.repository.js";
import { weightedScore } from "./scoring.js";

export interface RoundTally {
  round: Round;
  scheme: Scheme | undefined;
  deadline: string | null;
  submitted: number;
  assessed: number;
  questioned: number;
}

/**
 * The rounds to work on, grouped: open, for decision, decided. Caseworkers see them all; the deciding
 * body's members only the rounds closed for decision or decided.
 */
export async function roundsToWork(ctx: ServiceContext) {
  authorize(ctx.actor, canSeeRounds, { tenantId: ctx.tenant.id });
  const caseworker = can(ctx.actor, canHandleGrants, { tenantId: ctx.tenant.id });
  const [rounds, schemes, counts] = await Promise.all([
    listRounds(ctx.db, ctx.tenant.id),
    listSchemes(ctx.db, ctx.tenant.id),
    statusCounts(ctx.db, ctx.tenant.id),
  ]);
  const count = (roundId: string, statuses: string[]) =>
    counts.filter((c) => c.roundId === roundId && statuses.includes(c.status)).reduce((s, c) => s + c.n, 0);
  const tallies: RoundTally[] = rounds
    .filter((r) => can(ctx.actor, canSeeCommitteeList, r))
    .map((round) => ({
      round,
      scheme: schemes.find((s) => s.id === round.schemeId),
      deadline: closingAt(round),
      submitted: count(round.id, ["submitted", "questioned", "assessed", "decided"]),
      assessed: count(round.id, ["assessed", "decided"]),
      questioned: count(round.id, ["questioned"]),
    }));
  return {
    caseworker,
    currency: countryProfile(ctx.tenant.country).currency,
    open: tallies.filter((t) => t.round.status === "open"),
    deciding: tallies.filter((t) => t.round.status === "deciding"),
    decided: tallies.filter((t) => t.round.status === "decided"),
  };
}

export interface CaseRow {
  application: Application;
  associationName: string;
  /** The automatic checks all passed. */
  checksOk: boolean | null;
  weighted: number | null;
  reviewers: number;
}

/** A round's applications as the caseworker works through them, with the sums against the round's budget. */
export async function caseList(ctx: ServiceContext, roundId: string) {
  authorize(ctx.actor, canHandleGrants, { tenantId: ctx.tenant.id });
  const { round, scheme } = await openRound(ctx, roundId);
  const list = await applicationsOfRound(ctx.db, ctx.tenant.id, round.id);
  const [names, scores] = await Promise.all([
    associationNames(
      ctx,
      list.map((a) => a.associationId),
    ),
    scoresOf(
      ctx.db,
      ctx.tenant.id,
      list.map((a) => a.id),
    ),
  ]);
  const rows: CaseRow[] = list.map((application) => {
    const own = scores.filter((s) => s.applicationId === application.id);
    return {
      application,
      associationName: names.get(application.associationId) ?? "",
      checksOk: application.eligibility ? application.eligibility.checks.every((c) => c.ok) : null,
      weighted: weightedScore(scheme.criteria, own),
      reviewers: new Set(own.map((s) => s.reviewerId)).size,
    };
  });
  return {
    round,
    scheme,
    rows,
    currency: countryProfile(ctx.tenant.country).currency,
    requested: list.reduce((s, a) => s + a.amountRequested, 0),
    recommended: list.reduce((s, a) => s + (a.recommendedAmount ?? 0), 0),
  };
}

/** For a caseworker's start page: the applications sent in and waiting for assessment. */
export async function waitingToAssess(ctx: ServiceContext): Promise<WaitingItem[]> {
  if (!can(ctx.actor, canHandleGrants, { tenantId: ctx.tenant.id })) return [];
  const count = await countWaitingForAssessment(ctx.db, ctx.tenant.id);
  return [{ group: "centre", label: "start.grantsToAssess", count, href: "/grants/rounds", toDo: true }];
}
