// Seasonal allocation of weekly slots: 2,000 applications over 150 rooms, with the time it takes,
// the share of requested hours granted, priority-order violations (must be 0) and how far apart the
// associations' shares lie; and on instances small enough for the exact solver, the allocator's
// objective as a share of the optimum (HiGHS).
import {
  type AllocApplication,
  type AllocRoom,
  allocate,
  fairness,
  objective,
  type Priority,
  priorityViolations,
} from "../src/modules/premises/allocation/allocate.js";
import { exactAllocation } from "../src/modules/premises/allocation/exact.js";
import { random } from "./synthetic.js";

const h = (hours: number) => hours * 60;

/** A municipality's season: rooms open weekday evenings and weekend days; applications from associations of every kind. */
export function instance(roomCount: number, applicationCount: number, seed = 7) {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
  const rooms: AllocRoom[] = Array.from({ length: roomCount }, (_, i) => ({
    id: `r${i}`,
    suited: rnd() < 0.2,
    open: { 1: [h(16), h(22)], 2: [h(16), h(22)], 3: [h(16), h(22)], 4: [h(16), h(22)], 5: [h(16), h(22)], 6: [h(9), h(18)], 7: [h(9), h(18)] },
  }));
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

export async function allocationBench(dialect: string) {
  // The allocator runs in memory; the database does not enter into it, so it runs once.
  if (dialect !== "sqlite") return;
  const { rooms, applications } = instance(150, 2000);
  const started = performance.now();
  const placements = allocate(rooms, applications);
  const seconds = (performance.now() - started) / 1000;
  const { share, spread } = fairness(applications, placements);
  const violations = priorityViolations(rooms, applications, placements);

  const exact: { rooms: number; applications: number; ratio: number; optimal: boolean; exact_s: number }[] = [];
  for (const [roomCount, count] of [
    [5, 60],
    [10, 150],
    [20, 300],
  ] as const) {
    const small = instance(roomCount, count, 11 + roomCount);
    const mine = objective(small.applications, allocate(small.rooms, small.applications));
    const t0 = performance.now();
    const best = await exactAllocation(small.rooms, small.applications, 30);
    exact.push({
      rooms: roomCount,
      applications: count,
      ratio: best.value ? Math.round((mine / best.value) * 1000) / 1000 : 0,
      optimal: best.optimal,
      exact_s: Math.round((performance.now() - t0) / 100) / 10,
    });
  }
  const solved = exact.filter((e) => e.optimal);
  console.log(
    `allocation: ${applications.length} applications over ${rooms.length} rooms in ${seconds.toFixed(2)} s; ${(share * 100).toFixed(1)} % of requested hours granted`,
  );
  console.log(`  priority-order violations ${violations}; spread of associations' shares ${spread.toFixed(2)}`);
  for (const e of exact)
    console.log(
      `  exact (HiGHS) on ${e.applications} applications / ${e.rooms} rooms: allocator at ${e.ratio} of the optimum${e.optimal ? "" : " (solver stopped at its time limit)"}, ${e.exact_s} s`,
    );
  console.log(
    JSON.stringify({
      name: "allocation",
      applications: applications.length,
      rooms: rooms.length,
      seconds: Math.round(seconds * 1000) / 1000,
      share_granted: Math.round(share * 1000) / 1000,
      priority_violations: violations,
      fairness_spread: Math.round(spread * 1000) / 1000,
      ratio_to_optimum: solved.length ? Math.min(...solved.map((e) => e.ratio)) : null,
      exact,
    }),
  );
}
