import type { ServiceContext } from "../../../platform/service-context.js";
import { minuteOf, type Occurrence } from "../../../platform/time/recurrence.js";
import { heldTimes } from "../bookings.repository.js";
import type { PremiseTree } from "../premise-tree.js";
import type { Premise } from "../premises.model.js";

/**
 * Which of many candidate times are free, from one read of the times held in their span: a page
 * that tries every room and the hours around costs one query, however many rooms and dates.
 */
export interface FreeTimes {
  /** Is the premise (one of those named, with everything it holds) free for all these times? */
  isFree(premise: Premise, dates: Occurrence[]): boolean;
}

export async function freeTimes(
  ctx: Pick<ServiceContext, "db" | "tenant">,
  tree: PremiseTree,
  premises: Premise[],
  candidates: Occurrence[],
): Promise<FreeTimes> {
  const starts = candidates.map((o) => minuteOf(o.startsAt));
  const ends = candidates.map((o) => minuteOf(o.endsAt));
  const longestBuffer = Math.max(0, ...premises.map((p) => p.bufferMinutes));
  const ids = [...new Set(premises.flatMap((p) => tree.withParts(p.id)))];
  const held = candidates.length ? await heldTimes(ctx.db, ctx.tenant.id, ids, Math.min(...starts), Math.max(...ends) + longestBuffer) : [];
  return {
    isFree(premise: Premise, dates: Occurrence[]) {
      const parts = new Set(tree.withParts(premise.id));
      return dates.every((o) => {
        const start = minuteOf(o.startsAt);
        const end = minuteOf(o.endsAt) + premise.bufferMinutes;
        return !held.some((h) => parts.has(h.premiseId) && h.start < end && h.end > start);
      });
    },
  };
}
