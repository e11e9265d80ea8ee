import { audit } from "../../../platform/audit/audit.js";
import { authorize } from "../../../platform/auth/policy.js";
import { isoNow } from "../../../platform/clock.js";
import { newId } from "../../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../../platform/service-context.js";
import { canRunRounds } from "../rounds.policy.js";
import * as repo from "../rounds.repository.js";

/** Opens a round for the season's applications. */
export async function createRound(ctx: ServiceContext, input: { name: string; from: string; to: string }): Promise<string> {
  authorize(ctx.actor, canRunRounds, { tenantId: ctx.tenant.id });
  const id = newId();
  await inTransaction(ctx, async (tx) => {
    await repo.insertRound(tx.db, tx.tenant.id, {
      id,
      name: input.name,
      seasonFrom: input.from,
      seasonTo: input.to,
      status: "open",
      createdAt: isoNow(tx.clock),
      publishedAt: null,
    });
    await audit(tx, "round.created", { type: "allocation_round", id });
  });
  return id;
}
