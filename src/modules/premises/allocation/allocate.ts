/**
 * Seasonal allocation: associations apply for weekly slots with a first and a second choice and the
 * windows they could also live with. The allocator follows the tenant's priority order, gives rooms
 * suited to people with disabilities to that use first, and within one priority shares what is left
 * round by round, the association with the smallest share of its requested hours going first.
 */

/** 1 children and young people, 2 adult education, 3 other adult activities (the Danish default). */
export type Priority = 1 | 2 | 3;

export interface AllocRoom {
  id: string;
  /** Suited to people with disabilities: that use gets it first. */
  suited: boolean;
  /** Opening minutes by ISO weekday (1 = Monday): [opens, closes]. */
  open: Partial<Record<number, [number, number]>>;
}

export interface Wish {
  roomId: string;
  weekday: number;
  start: number;
}

export interface AllocApplication {
  id: string;
  associationId: string;
  priority: Priority;
  disabilityUse: boolean;
  minutes: number;
  first: Wish;
  second: Wish | null;
  windows: { roomIds: string[]; weekday: number; from: number; to: number }[];
}

export type Choice = "first" | "second" | "window";
export interface Candidate extends Wish {
  end: number;
  choice: Choice;
}
export interface Placement extends Candidate {
  applicationId: string;
}

export const CHOICE_FACTOR: Record<Choice, number> = { first: 1, second: 0.9, window: 0.75 };
export const PRIORITY_WEIGHT: Record<Priority, number> = { 1: 4, 2: 2, 3: 1 };
const STEP = 15;
const WINDOW_CANDIDATES = 24;

/** Every place an application could go: its choices, then starts every half hour in its windows. */
export function candidates(app: AllocApplication, rooms: Map<string, AllocRoom>): Candidate[] {
  const fits = (roomId: string, weekday: number, start: number) => {
    const hours = rooms.get(roomId)?.open[weekday];
    return hours !== undefined && start >= hours[0] && start + app.minutes <= hours[1];
  };
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const push = (w: Wish, choice: Choice) => {
    const key = `${w.roomId}|${w.weekday}|${w.start}`;
    if (seen.has(key) || !fits(w.roomId, w.weekday, w.start)) return;
    seen.add(key);
    out.push({ ...w, end: w.start + app.minutes, choice });
  };
  push(app.first, "first");
  if (app.second) push(app.second, "second");
  let windowCount = 0;
  for (const w of app.windows) {
    for (let start = w.from; start + app.minutes <= w.to && windowCount < WINDOW_CANDIDATES; start += 30) {
      for (const roomId of w.roomIds) {
        const before = out.length;
        push({ roomId, weekday: w.weekday, start }, "window");
        windowCount += out.length - before;
      }
    }
  }
  return out;
}

/** Who comes first for a place: disability use in a suited room, then the priority order. */
export const rankFor = (app: AllocApplication, room: AllocRoom | undefined) => (room?.suited && app.disabilityUse ? 0 : app.priority);

/** Taken quarter-hours per room and weekday. */
class Grid {
  private readonly taken = new Map<string, Uint8Array>();
  private cells(roomId: string, weekday: number) {
    const key = `${roomId}|${weekday}`;
    let cells = this.taken.get(key);
    if (!cells) {
      cells = new Uint8Array((24 * 60) / STEP);
      this.taken.set(key, cells);
    }
    return cells;
  }
  free(c: Candidate) {
    const cells = this.cells(c.roomId, c.weekday);
    for (let i = Math.floor(c.start / STEP); i < Math.ceil(c.end / STEP); i++) if (cells[i]) return false;
    return true;
  }
  take(c: Candidate) {
    this.cells(c.roomId, c.weekday).fill(1, Math.floor(c.start / STEP), Math.ceil(c.end / STEP));
  }
  release(c: Candidate) {
    this.cells(c.roomId, c.weekday).fill(0, Math.floor(c.start / STEP), Math.ceil(c.end / STEP));
  }
}

const overlaps = (a: Candidate, b: Candidate) => a.roomId === b.roomId && a.weekday === b.weekday && a.start < b.end && b.start < a.end;

export function allocate(rooms: AllocRoom[], applications: AllocApplication[]): Placement[] {
  const byId = new Map(rooms.map((r) => [r.id, r]));
  const apps = new Map(applications.map((a) => [a.id, a]));
  const grid = new Grid();
  const placed = new Map<string, Placement>();
  const options = new Map(applications.map((a) => [a.id, candidates(a, byId)]));
  const place = (app: AllocApplication, allowed: (c: Candidate) => boolean) => {
    const found = options.get(app.id)?.find((c) => allowed(c) && grid.free(c));
    if (!found) return false;
    grid.take(found);
    placed.set(app.id, { ...found, applicationId: app.id });
    return true;
  };

  const requested = new Map<string, number>();
  const granted = new Map<string, number>();
  for (const a of applications) requested.set(a.associationId, (requested.get(a.associationId) ?? 0) + a.minutes);
  const share = (association: string) => (granted.get(association) ?? 0) / (requested.get(association) ?? 1);

  /** Round by round within a group: the association with the smallest share so far places its next application. */
  const fairRounds = (group: AllocApplication[], allowed: (c: Candidate) => boolean) => {
    const queues = new Map<string, AllocApplication[]>();
    for (const a of group) if (!placed.has(a.id)) queues.set(a.associationId, [...(queues.get(a.associationId) ?? []), a]);
    while (queues.size > 0) {
      const association = [...queues.keys()].sort((x, y) => share(x) - share(y) || x.localeCompare(y))[0] as string;
      const queue = queues.get(association) ?? [];
      const app = queue.shift();
      if (app && place(app, allowed)) granted.set(association, (granted.get(association) ?? 0) + app.minutes);
      if (queue.length === 0) queues.delete(association);
    }
  };

  fairRounds(
    applications.filter((a) => a.disabilityUse),
    (c) => byId.get(c.roomId)?.suited === true,
  );
  for (const priority of [1, 2, 3] as const) {
    fairRounds(
      applications.filter((a) => a.priority === priority),
      // A suited room left free now is no longer held back for disability use.
      () => true,
    );
  }

  // Then make room where one move does it: an application left out takes a place held by a single
  // other of the same or lower rank there, which moves to another of its places that is free.
  for (const app of applications) {
    if (placed.has(app.id)) continue;
    for (const c of options.get(app.id) ?? []) {
      const blockers = [...placed.values()].filter((p) => overlaps(p, c));
      const blocker = blockers.length === 1 ? blockers[0] : undefined;
      const other = blocker && apps.get(blocker.applicationId);
      if (!blocker || !other || rankFor(other, byId.get(c.roomId)) < rankFor(app, byId.get(c.roomId))) continue;
      grid.release(blocker);
      grid.take(c);
      const elsewhere = options.get(other.id)?.find((o) => !overlaps(o, c) && grid.free(o));
      if (elsewhere) {
        grid.take(elsewhere);
        placed.set(other.id, { ...elsewhere, applicationId: other.id });
        placed.set(app.id, { ...c, applicationId: app.id });
        break;
      }
      grid.release(c);
      grid.take(blocker);
    }
  }
  return [...placed.values()];
}

/** How good an allocation is: hours granted, weighted by priority and by how well the wish was met. */
export function objective(applications: AllocApplication[], placements: Placement[]) {
  const apps = new Map(applications.map((a) => [a.id, a]));
  return placements.reduce((sum, p) => {
    const a = apps.get(p.applicationId);
    return a ? sum + (a.minutes / 60) * PRIORITY_WEIGHT[a.priority] * CHOICE_FACTOR[p.choice] : sum;
  }, 0);
}

/**
 * Places where the priority order was broken: an application left without a slot although one of
 * its candidates is held only by applications that rank below it there.
 */
export function priorityViolations(rooms: AllocRoom[], applications: AllocApplication[], placements: Placement[]) {
  const byId = new Map(rooms.map((r) => [r.id, r]));
  const apps = new Map(applications.map((a) => [a.id, a]));
  const placedIds = new Set(placements.map((p) => p.applicationId));
  let violations = 0;
  for (const a of applications) {
    if (placedIds.has(a.id)) continue;
    const broken = candidates(a, byId).some((c) => {
      const blockers = placements.filter((p) => p.roomId === c.roomId && p.weekday === c.weekday && p.start < c.end && c.start < p.end);
      const mine = rankFor(a, byId.get(c.roomId));
      return blockers.length > 0 && blockers.every((p) => rankFor(apps.get(p.applicationId) as AllocApplication, byId.get(c.roomId)) > mine);
    });
    if (broken) violations++;
  }
  return violations;
}

/** The share of requested hours each association got, and how far apart the shares lie. */
export function fairness(applications: AllocApplication[], placements: Placement[]) {
  const placedIds = new Set(placements.map((p) => p.applicationId));
  const requested = new Map<string, number>();
  const granted = new Map<string, number>();
  for (const a of applications) {
    requested.set(a.associationId, (requested.get(a.associationId) ?? 0) + a.minutes);
    if (placedIds.has(a.id)) granted.set(a.associationId, (granted.get(a.associationId) ?? 0) + a.minutes);
  }
  const shares = [...requested].map(([id, minutes]) => (granted.get(id) ?? 0) / minutes);
  const total = [...requested.values()].reduce((s, m) => s + m, 0);
  const got = [...granted.values()].reduce((s, m) => s + m, 0);
  return { share: total ? got / total : 0, spread: shares.length ? Math.max(...shares) - Math.min(...shares) : 0 };
}
