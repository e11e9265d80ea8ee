import type { z } from "zod";
import { audit } from "../../../platform/audit/audit.js";
import { isoNow } from "../../../platform/clock.js";
import { conflict, invalidField } from "../../../platform/http/errors.js";
import { newId } from "../../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../../platform/service-context.js";
import { actFor } from "../../associations/index.js";
import type { wishInput } from "../premises.schema.js";
import { premiseTree } from "../premises.service.js";
import { canApplyFor } from "../rounds.policy.js";
import * as repo from "../rounds.repository.js";
import { requireRound } from "./find-round.js";

export type WishInput = z.infer<typeof wishInput>;

/**
 * The second choice, each part of it optional: what is left out is as in the first choice. None when nothing
 * of it is given, or when it comes to the first choice again.
 */
export function secondChoice(input: WishInput) {
  if (!input.secondPremiseId && !input.secondWeekday && !input.secondStart) return null;
  const second = {
    premiseId: input.secondPremiseId ?? input.firstPremiseId,
    weekday: input.secondWeekday ?? input.firstWeekday,
    start: input.secondStart ?? input.firstStart,
  };
  const same = second.premiseId === input.firstPremiseId && second.weekday === input.firstWeekday && second.start === input.firstStart;
  return same ? null : second;
}

/** An association applies for a weekly slot while the round is open; the rooms it names must be bookable. */
export async function applyForSlot(ctx: ServiceContext, roundId: string, input: WishInput): Promise<string> {
  const { actor } = await actFor(ctx, canApplyFor, input.associationId, "associationId");
  const round = await requireRound(ctx, roundId);
  if (round.status !== "open") throw conflict("closed", "round.closed");
  const tree = await premiseTree(ctx);
  for (const [field, premiseId] of [
    ["firstPremiseId", input.firstPremiseId],
    ["secondPremiseId", input.secondPremiseId],
  ] as const) {
    if (premiseId && !tree.byId.get(premiseId)?.bookable) throw invalidField(field, "validation.invalid");
  }
  const id = newId();
  await inTransaction(ctx, async (tx) => {
    await repo.insertApplication(tx.db, tx.tenant.id, {
      id,
      roundId,
      associationId: input.associationId,
      userId: actor.userId,
      purpose: input.purpose,
      participants: input.participants,
      priority: input.priority,
      disabilityUse: input.disabilityUse,
      minutes: input.minutes,
      first: { premiseId: input.firstPremiseId, weekday: input.firstWeekday, start: input.firstStart },
      second: secondChoice(input),
      window: input.windowFrom && input.windowTo ? { from: input.windowFrom, to: input.windowTo } : null,
      placed: null,
      bookingId: null,
      response: null,
      createdAt: isoNow(tx.clock),
    });
    await audit(tx, "round.applied", { type: "allocation_application", id }, { roundId, associationId: input.associationId });
  });
  return id;
}
