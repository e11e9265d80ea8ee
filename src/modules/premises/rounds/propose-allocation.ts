import { audit } from "../../../platform/audit/audit.js";
import { authorize } from "../../../platform/auth/policy.js";
import { conflict } from "../../../platform/http/errors.js";
import { inTransaction, type ServiceContext } from "../../../platform/service-context.js";
import { allocate } from "../allocation/allocate.js";
import { allocationInstance } from "../allocation/instance.js";
import { hoursOf } from "../premises.repository.js";
import { premiseTree } from "../premises.service.js";
import { timeOf } from "../rounds.model.js";
import { canRunRounds } from "../rounds.policy.js";
import * as repo from "../rounds.repository.js";
import { requireRound } from "./find-round.js";

/** Runs the allocator over the round's applications; staff then adjust the proposal by hand. */
export async function proposeAllocation(ctx: ServiceContext, roundId: string): Promise<void> {
  authorize(ctx.actor, canRunRounds, { tenantId: ctx.tenant.id });
  const round = await requireRound(ctx, roundId);
  if (round.status === "published") throw conflict("published", "round.published");
  const applications = await repo.applicationsOf(ctx.db, ctx.tenant.id, roundId, null);
  const tree = await premiseTree(ctx);
  const hours = await hoursOf(
    ctx.db,
    ctx.tenant.id,
    tree.all.map((p) => p.id),
  );
  const { rooms, wishes } = allocationInstance({ seasonFrom: round.seasonFrom, tree, hours, applications, order: ctx.tenant.allocationOrder });
  const placements = new Map(allocate(rooms, wishes).map((p) => [p.applicationId, p]));
  await inTransaction(ctx, async (tx) => {
    await repo.setPlacements(
      tx.db,
      tx.tenant.id,
      applications.map((a) => {
        const p = placements.get(a.id);
        return { id: a.id, placed: p ? { premiseId: p.roomId, weekday: p.weekday, start: timeOf(p.start), choice: p.choice } : null };
      }),
    );
    await repo.setRoundStatus(tx.db, tx.tenant.id, roundId, "allocating");
    await audit(tx, "round.proposed", { type: "allocation_round", id: roundId });
  });
}
