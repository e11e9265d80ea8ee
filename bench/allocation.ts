// Seasonal allocation of weekly slots: 2,000 applications over 150 rooms, with the time it takes,
// the share of requested hours granted, priority-order violations (must be 0) and how far apart the
// associations' shares lie; and on instances small enough for the exact solver, the allocator's
// objective as a share of the optimum (HiGHS). Half of the instances have halls divided in two:
// a booking of the whole hall and one of a half may not overlap, in the allocator as in the solver.
import {
  type AllocApplication,
  type AllocRoom,
  allocate,
  collides,
  fairness,
  objective,
  type Placement,
  type Priority,
  priorityViolations,
} from "../src/modules/premises/allocation/allocate.js";
import { exactAllocation } from "../src/modules/premises/allocation/exact.js";
import { medianOf, REPETITIONS } from "./harness.js";
import { random } from "./synthetic.js";

const h = (hours: number) => hours * 60;

/**
 * A municipality's season: rooms open weekday evenings and weekend days; applications from associations of every kind.
 * With `halls`, every fifth room is a hall whose two halves are the next two rooms: booking the whole holds both halves.
 */
export function instance(roomCount: number, applicationCount: number, seed = 7, halls = false) {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
  const rooms: AllocRoom[] = Array.from({ length: roomCount }, (_, i) => ({
    id: `r${i}`,
    suited: rnd() < 0.2,
    open: { 1: [h(16), h(22)], 2: [h(16), h(22)], 3: [h(16), h(22)], 4: [h(16), h(22)], 5: [h(16), h(22)], 6: [h(9), h(18)], 7: [h(9), h(18)] },
  }));
  if (halls)
    for (let i = 0; i + 2 < roomCount; i += 5) {
      const whole = rooms[i] as AllocRoom;
      whole.holds = [whole.id, `r${i + 1}`, `r${i + 2}`];
    }
  const associations = Math.max(2, Math.round(applicationCount / 5));
  const neighbours = (room: string) => {
    const i = Number(room.slice(1));
    return [0, 1, 2, 3].map((k) => `r${(i + k) % roomCount}`);
  };
  const applications: AllocApplication[] = Array.from({ length: applicationCount }, (_, i) => {
    const weekday = 1 + Math.floor(rnd() * 7);
    const minutes = pick([60, 90, 120, 120, 180]);
    const [opens, closes] = weekday >= 6 ? [h(9), h(18)] : [h(16), h(22)];
    const start = opens + 30 * Math.floor(rnd() * ((closes - opens - minutes) / 30 + 1));
    const room = `r${Math.floor(rnd() * roomCount)}`;
    const other = 1 + ((weekday + Math.floor(rnd() * 5)) % 7);
    return {
      id: `a${i}`,
      associationId: `org${Math.floor(rnd() * associations)}`,
      priority: pick<Priority>([1, 1, 2, 3, 3]),
      disabilityUse: rnd() < 0.08,
      minutes,
      first: { roomId: room, weekday, start },
      second: { roomId: pick(neighbours(room)), weekday: other, start: other >= 6 ? h(10) : h(17) },
      windows: [{ roomIds: neighbours(room), weekday, from: opens, to: closes }],
    };
  });
  return { rooms, applications };
}

/** Pairs of placements that hold the same room (or a hall and its half) at the same time: must be 0. */
export function collisions(rooms: AllocRoom[], placements: Placement[]) {
  const byId = new Map(rooms.map((r) => [r.id, r]));
  let n = 0;
  for (let i = 0; i < placements.length; i++)
    for (let j = i + 1; j < placements.length; j++) if (collides(byId, placements[i] as Placement, placements[j] as Placement)) n++;
  return n;
}

const EXACT_CASES = [
  [5, 60, false],
  [10, 150, false],
  [20, 300, false],
  [5, 60, true],
  [10, 150, true],
  [20, 300, true],
] as const;

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? (sorted[Math.floor(sorted.length / 2)] as number) : null;
};

export async function allocationBench(dialect: string) {
  // The allocator runs in memory; the database does not enter into it, so it runs once.
  if (dialect !== "sqlite") return;
  // The exact optimum does not change from one repetition to the next (it is the same instance); solve it once.
  const exact: {
    roomCount: number;
    count: number;
    halls: boolean;
    small: ReturnType<typeof instance>;
    best: Awaited<ReturnType<typeof exactAllocation>>;
    exact_s: number;
  }[] = [];
  for (const [roomCount, count, halls] of EXACT_CASES) {
    const small = instance(roomCount, count, 11 + roomCount, halls);
    const t0 = performance.now();
    const best = await exactAllocation(small.rooms, small.applications, 30);
    exact.push({ roomCount, count, halls, small, best, exact_s: Math.round((performance.now() - t0) / 100) / 10 });
  }
  for (const halls of [false, true]) {
    const result = await medianOf(async () => {
      const { rooms, applications } = instance(150, 2000, 7, halls);
      const started = performance.now();
      const placements = allocate(rooms, applications);
      const seconds = (performance.now() - started) / 1000;
      const { share, spread } = fairness(applications, placements);
      const cases = exact
        .filter((e) => e.halls === halls)
        .map((e) => {
          const mine = allocate(e.small.rooms, e.small.applications);
          return {
            rooms: e.roomCount,
            applications: e.count,
            ratio: e.best.value ? round3(objective(e.small.applications, mine) / e.best.value) : 0,
            optimal: e.best.optimal,
            priority_violations: priorityViolations(e.small.rooms, e.small.applications, mine),
            collisions: collisions(e.small.rooms, mine),
            exact_s: e.exact_s,
          };
        });
      const solved = cases.filter((e) => e.optimal).map((e) => e.ratio);
      return {
        name: halls ? "allocation_halls" : "allocation",
        applications: applications.length,
        rooms: rooms.length,
        halls: halls ? rooms.filter((r) => r.holds).length : 0,
        seconds: round3(seconds),
        share_granted: round3(share),
        priority_violations: priorityViolations(rooms, applications, placements) + cases.reduce((n, e) => n + e.priority_violations, 0),
        collisions: collisions(rooms, placements) + cases.reduce((n, e) => n + e.collisions, 0),
        fairness_spread: round3(spread),
        ratio_to_optimum: median(solved),
        ratio_to_optimum_min: solved.length ? Math.min(...solved) : null,
        exact: cases,
      };
    });
    console.log(
      `${result.name}: ${result.applications} applications over ${result.rooms} rooms (${result.halls} halls in halves) in ${result.seconds.toFixed(2)} s (median of ${REPETITIONS}); ${(result.share_granted * 100).toFixed(1)} % of requested hours granted`,
    );
    console.log(
      `  priority-order violations ${result.priority_violations}; collisions ${result.collisions}; spread of associations' shares ${result.fairness_spread.toFixed(2)}`,
    );
    for (const e of result.exact)
      console.log(
        `  exact (HiGHS) on ${e.applications} applications / ${e.rooms} rooms: allocator at ${e.ratio} of the optimum${e.optimal ? "" : " (solver stopped at its time limit)"}, ${e.exact_s} s`,
      );
    console.log(JSON.stringify({ ...result, exact_runs: 1 }));
  }
}
