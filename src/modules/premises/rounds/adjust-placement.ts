import { audit } from "../../../platform/audit/audit.js";
import { authorize } from "../../../platform/auth/policy.js";
import { conflict } from "../../../platform/http/errors.js";
import { requireFound } from "../../../platform/http/references.js";
import { inTransaction, type ServiceContext } from "../../../platform/service-context.js";
import { premiseTree } from "../premises.service.js";
import { minutesOf, type Slot } from "../rounds.model.js";
import { canRunRounds } from "../rounds.policy.js";
import * as repo from "../rounds.repository.js";
import { requireApplication, requireRound } from "./find-round.js";

/** Staff move a proposed slot, or take it away; two slots in one room (or in a part of it) never overlap. */
export async function adjustPlacement(ctx: ServiceContext, roundId: string, applicationId: string, change: Slot | null): Promise<void> {
  authorize(ctx.actor, canRunRounds, { tenantId: ctx.tenant.id });
  const application = await requireApplication(ctx, roundId, applicationId);
  const round = await requireRound(ctx, application.roundId);
  if (round.status !== "allocating") throw conflict("not_allocating", "round.notAllocating");
  if (change) {
    const tree = await premiseTree(ctx);
    requireFound(tree.byId, [{ id: change.premiseId, field: "premiseId" }]);
    const parts = new Set([...tree.withParts(change.premiseId), ...tree.lineage(change.premiseId).map((p) => p.id)]);
    const start = minutesOf(change.start);
    const others = await repo.placedOn(ctx.db, ctx.tenant.id, round.id, change.weekday, application.id);
    const clash = others.some(
      ({ placed, minutes }) =>
        placed && parts.has(placed.premiseId) && minutesOf(placed.start) < start + application.minutes && start < minutesOf(placed.start) + minutes,
    );
    if (clash) throw conflict("clash", "round.clash", { start: "round.clash" });
  }
  await inTransaction(ctx, async (tx) => {
    await repo.setPlacements(tx.db, tx.tenant.id, [{ id: application.id, placed: change && { ...change, choice: "manual" } }]);
    await audit(tx, "round.adjusted", { type: "allocation_application", id: application.id });
  });
}
