import { hoursOn, type PremiseTree } from "../premise-tree.js";
import type { OpeningHours } from "../premises.model.js";
import { firstOn, minutesOf, type Priority, type RoundApplication } from "../rounds.model.js";
import type { AllocApplication, AllocRoom, Placement } from "./allocate.js";

/**
 * A round in the allocator's terms: the bookable rooms with their weekly hours in the first week of
 * the season, and each application's wishes in minutes, ranked by the tenant's own priority order.
 */
export function allocationInstance(input: {
  seasonFrom: string;
  tree: PremiseTree;
  hours: OpeningHours[];
  applications: RoundApplication[];
  /** The kinds of activity in the order they get premises (the tenant's setting). */
  order: Priority[];
}): { rooms: AllocRoom[]; wishes: AllocApplication[] } {
  const { tree } = input;
  const bookable = tree.all.filter((p) => p.bookable);
  const rooms: AllocRoom[] = bookable.map((p) => ({
    id: p.id,
    suited: p.accessibility.includes("step_free"),
    // A booking of a hall holds its parts too: the allocator keeps the whole and its halves apart.
    holds: tree.withParts(p.id),
    open: Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => {
        const open = hoursOn(tree, input.hours, p.id, firstOn(input.seasonFrom, weekday));
        return open ? [[weekday, [minutesOf(open.opens), minutesOf(open.closes)] as [number, number]]] : [];
      }),
    ),
  }));
  // A window also takes the rooms like the first choice: the same kind in the same building or hall.
  const likeIt = (premiseId: string) => {
    const p = tree.byId.get(premiseId);
    return bookable.filter((x) => x.id === premiseId || (x.parentId === p?.parentId && x.kind === p?.kind)).map((x) => x.id);
  };
  const wishes: AllocApplication[] = input.applications.map((a) => ({
    id: a.id,
    associationId: a.associationId,
    // The allocator ranks 1, 2, 3; the tenant decides which kind of activity has which rank.
    priority: (input.order.indexOf(a.priority) + 1) as Priority,
    disabilityUse: a.disabilityUse,
    minutes: a.minutes,
    first: { roomId: a.first.premiseId, weekday: a.first.weekday, start: minutesOf(a.first.start) },
    second: a.second && { roomId: a.second.premiseId, weekday: a.second.weekday, start: minutesOf(a.second.start) },
    windows: a.window ? [{ roomIds: likeIt(a.first.premiseId), weekday: a.first.weekday, from: minutesOf(a.window.from), to: minutesOf(a.window.to) }] : [],
  }));
  return { rooms, wishes };
}

/** The proposal as it stands (after staff's adjustments), in the allocator's terms; a slot moved by hand counts as a window. */
export function currentPlacements(applications: RoundApplication[]): Placement[] {
  return applications.flatMap((a) =>
    a.placed
      ? [
          {
            applicationId: a.id,
            roomId: a.placed.premiseId,
            weekday: a.placed.weekday,
            start: minutesOf(a.placed.start),
            end: minutesOf(a.placed.start) + a.minutes,
            choice: a.placed.choice === "first" || a.placed.choice === "second" ? a.placed.choice : "window",
          },
        ]
      : [],
  );
}
