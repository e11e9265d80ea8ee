import { expand, minuteOf, type Series } from "../../../platform/time/recurrence.js";
import type { PremiseTree } from "../premise-tree.js";
import { firstOn, type Held, minutesOf, type RoundApplication, type SeasonBooking, timeOf } from "../rounds.model.js";

/**
 * What publishing a round books: each placed application, in the order given, becomes a weekly
 * booking from `from` to the end of the season, its dates in a closure skipped. A slot that overlaps
 * a time already held (by others, or by an application before it) is refused.
 */
export function planSeasonBookings(input: {
  applications: RoundApplication[];
  tree: PremiseTree;
  from: string;
  until: string;
  zone: string;
  closures: { premiseId: string; from: string; to: string }[];
  held: Held[];
  newId: () => string;
}): { granted: SeasonBooking[]; refused: string[] } {
  const { tree } = input;
  const held = new Map<string, Held[]>();
  const hold = (h: Held) => {
    const list = held.get(h.premiseId);
    if (list) list.push(h);
    else held.set(h.premiseId, [h]);
  };
  input.held.forEach(hold);
  const granted: SeasonBooking[] = [];
  const refused: string[] = [];
  for (const a of input.applications) {
    const premise = a.placed ? tree.byId.get(a.placed.premiseId) : undefined;
    if (!a.placed || !premise) continue;
    const series: Series = {
      startDate: firstOn(input.from, a.placed.weekday),
      startTime: a.placed.start,
      endTime: timeOf(Math.min(24 * 60 - 1, minutesOf(a.placed.start) + a.minutes)),
      zone: input.zone,
      everyWeeks: 1,
      untilDate: input.until,
    };
    const lineage = new Set(tree.lineage(premise.id).map((p) => p.id));
    const dates = expand(series)
      .filter((o) => !input.closures.some((c) => lineage.has(c.premiseId) && c.from <= o.localDate && o.localDate <= c.to))
      .map((o) => ({ ...o, id: input.newId() }));
    // A booking holds its premise and every part of it, its buffer included.
    const parts = tree.withParts(premise.id);
    const holds = dates.flatMap((o) =>
      parts.map((premiseId) => ({ occurrenceId: o.id, premiseId, start: minuteOf(o.startsAt), end: minuteOf(o.endsAt) + premise.bufferMinutes })),
    );
    if (holds.some((h) => held.get(h.premiseId)?.some((x) => x.start < h.end && h.start < x.end))) {
      refused.push(a.id);
      continue;
    }
    holds.forEach(hold);
    granted.push({
      applicationId: a.id,
      id: input.newId(),
      premiseId: premise.id,
      associationId: a.associationId,
      userId: a.userId,
      purpose: a.purpose,
      participants: a.participants,
      series,
      dates,
      holds,
    });
  }
  return { granted, refused };
}
