import type { ServiceContext } from "../../../platform/service-context.js";
import { expand, type Series } from "../../../platform/time/recurrence.js";
import { hoursOn, type PremiseTree } from "../premise-tree.js";
import type { Alternative, OpeningHours, Premise } from "../premises.model.js";
import * as premisesRepo from "../premises.repository.js";
import { nearbyTimes } from "./booking-rules.js";
import { type FreeTimes, freeTimes } from "./free-times.js";

const opensAt = (tree: PremiseTree, hours: OpeningHours[], p: Premise, date: string, start: string, end: string) => {
  const open = hoursOn(tree, hours, p.id, date);
  return open !== null && open.opens <= start && end <= open.closes;
};

/** The rooms like this one (same kind, big enough, same building first) that one could try instead. */
export const roomsLike = (tree: PremiseTree, premise: Premise, participants: number) => {
  const building = tree.building(premise.id)?.id;
  return tree.all
    .filter((p) => p.id !== premise.id && p.bookable && (p.capacity ?? Number.POSITIVE_INFINITY) >= participants && p.kind === premise.kind)
    .sort((a, b) => Number(tree.building(b.id)?.id === building) - Number(tree.building(a.id)?.id === building));
};

/** Up to three nearby times in this room that are open, in the future and free. */
export function nearbyFree(tree: PremiseTree, hours: OpeningHours[], free: FreeTimes, premise: Premise, series: Series, now: Date): Alternative[] {
  return nearbyTimes(series)
    .filter(
      (c) =>
        c.dates[0] !== undefined &&
        c.dates[0].startsAt.getTime() > now.getTime() &&
        opensAt(tree, hours, premise, c.date, c.start, c.end) &&
        free.isFree(premise, c.dates),
    )
    .slice(0, 3)
    .map((c) => ({ premiseId: premise.id, premiseName: premise.name, date: c.date, start: c.start, end: c.end }));
}

/** Up to three other rooms open and free at the time asked for. */
function otherRoomsFree(tree: PremiseTree, hours: OpeningHours[], free: FreeTimes, others: Premise[], series: Series): Alternative[] {
  const asked = expand(series);
  return others
    .filter((p) => opensAt(tree, hours, p, series.startDate, series.startTime, series.endTime) && free.isFree(p, asked))
    .slice(0, 3)
    .map((p) => ({ premiseId: p.id, premiseName: p.name, date: series.startDate, start: series.startTime, end: series.endTime }));
}

/** Every date a search for alternatives may try: the series asked for and each nearby time's series. */
export const candidateDates = (series: Series) => [...expand(series), ...nearbyTimes(series).flatMap((c) => c.dates)];

/**
 * What would work instead: the same time in another room of the same size or bigger (same building
 * first), and the nearest free times in this room on the same day and the weeks after. Two queries
 * (hours, held times), whatever the number of rooms.
 */
export async function alternatives(
  ctx: Pick<ServiceContext, "db" | "tenant" | "clock">,
  tree: PremiseTree,
  premise: Premise,
  series: Series,
  participants: number,
): Promise<Alternative[]> {
  const others = roomsLike(tree, premise, participants);
  const [hours, free] = await Promise.all([
    premisesRepo.hoursOf(
      ctx.db,
      ctx.tenant.id,
      tree.all.map((p) => p.id),
    ),
    freeTimes(ctx, tree, [premise, ...others], candidateDates(series)),
  ]);
  return [...otherRoomsFree(tree, hours, free, others, series), ...nearbyFree(tree, hours, free, premise, series, ctx.clock.now())];
}
