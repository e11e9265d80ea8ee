import { can, isPerson } from "../../../platform/auth/policy.js";
import { notFound } from "../../../platform/http/errors.js";
import type { ServiceContext } from "../../../platform/service-context.js";
import { namesForMember } from "../../associations/index.js";
import { objective } from "../allocation/allocate.js";
import { exactAllocation } from "../allocation/exact.js";
import { allocationInstance, currentPlacements } from "../allocation/instance.js";
import type { PremiseTree } from "../premise-tree.js";
import { canSeeRounds } from "../premises.policy.js";
import { hoursOf } from "../premises.repository.js";
import { premiseTree } from "../premises.service.js";
import { type ApplicationLine, everyoneAnswered, type NamedApplication, type Round, type RoundView } from "../rounds.model.js";
import { canApplyFor, canRunRounds } from "../rounds.policy.js";
import * as repo from "../rounds.repository.js";
import { requireRound } from "./find-round.js";

/** Past this many applications the exact optimum takes too long to be worth showing. */
const EXACT_LIMIT = 300;

/** The rounds, newest season first, and whether this person may open one. */
export async function roundsPage(ctx: ServiceContext) {
  return { rounds: await repo.listRounds(ctx.db, ctx.tenant.id), mayCreate: can(ctx.actor, canRunRounds, { tenantId: ctx.tenant.id }) };
}

/** A round as each sees it: those who run it every application, an association's admins their own. */
export async function roundPage(ctx: ServiceContext, id: string): Promise<RoundView> {
  const round = await requireRound(ctx, id);
  const tenant = { tenantId: ctx.tenant.id };
  if (!can(ctx.actor, canSeeRounds, tenant)) throw notFound();
  const actor = ctx.actor;
  const runs = can(actor, canRunRounds, tenant);
  const mine = isPerson(actor) ? [...actor.memberships.keys()].filter((associationId) => can(actor, canApplyFor, { ...tenant, associationId })) : [];
  const applications = await repo.applicationsOf(ctx.db, ctx.tenant.id, id, runs ? null : mine);
  const tree = await premiseTree(ctx);
  const nameOf = (premiseId: string) => tree.byId.get(premiseId)?.name ?? "";
  const associations = isPerson(actor)
    ? (await namesForMember(ctx.db, ctx.tenant.id, actor.userId)).filter((a) => can(actor, canApplyFor, { ...tenant, associationId: a.id }))
    : [];
  return {
    round,
    applications: applications.map(
      (a): ApplicationLine => ({
        ...a,
        firstPremiseName: nameOf(a.first.premiseId),
        placedPremiseName: a.placed ? nameOf(a.placed.premiseId) : "",
        mayAnswer:
          !runs &&
          round.status === "published" &&
          Boolean(a.bookingId) &&
          !a.response &&
          can(actor, canApplyFor, { ...tenant, associationId: a.associationId }),
      }),
    ),
    rooms: tree.all.filter((p) => p.bookable).map((p) => ({ id: p.id, name: p.name })),
    associations,
    answered: everyoneAnswered(round, applications),
    quality: runs && round.status === "allocating" ? await quality(ctx, round, tree, applications) : null,
    may: {
      propose: runs && round.status !== "published",
      publish: runs && round.status === "allocating",
      adjust: runs && round.status === "allocating",
      apply: !runs && round.status === "open" && associations.length > 0,
    },
  };
}

/** How good the current proposal is against the exact optimum, where the round is small enough to solve. */
async function quality(ctx: ServiceContext, round: Round, tree: PremiseTree, applications: NamedApplication[]) {
  if (applications.length === 0 || applications.length > EXACT_LIMIT) return null;
  const hours = await hoursOf(
    ctx.db,
    ctx.tenant.id,
    tree.all.map((p) => p.id),
  );
  const { rooms, wishes } = allocationInstance({ seasonFrom: round.seasonFrom, tree, hours, applications, order: ctx.tenant.allocationOrder });
  const best = await exactAllocation(rooms, wishes, 10);
  return best.value > 0 ? { ratio: objective(wishes, currentPlacements(applications)) / best.value, optimal: best.optimal } : null;
}
