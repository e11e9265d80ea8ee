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
  /**
   * What a booking of the room holds (default: the room alone). A hall holds itself and its parts, a
   * half holds itself: so a booking of a half blocks the whole hall and a booking of the whole blocks every half.
   */
  holds?: string[];
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

/** What a booking of the room holds: the room itself and, for a hall, every part inside it. */
export const holdsOf = (room: AllocRoom | undefined, roomId: string): string[] => room?.holds ?? [roomId];

/** Whether two places collide: the same weekday, overlapping times, and rooms that share a part (a hall and its half, or the same room). */
export function collides(rooms: Map<string, AllocRoom>, a: Wish & { end: number }, b: Wish & { end: number }) {
  if (a.weekday !== b.weekday || !(a.start < b.end && b.start < a.end)) return false;
  if (a.roomId === b.roomId) return true;
  const held = holdsOf(rooms.get(b.roomId), b.roomId);
  return holdsOf(rooms.get(a.roomId), a.roomId).some((u) => held.includes(u));
}

const CELLS = (24 * 60) / STEP;
/** Levels of the objective in the order the exact solver optimises them: disability use of suited rooms, then priority 1, 2, 3. */
const LEVELS = 4;

interface Option {
  candidate: Candidate;
  /** Indices of the units (rooms and their parts) a booking here holds. */
  units: number[];
  from: number;
  to: number;
  weekday: number;
  value: number;
  /** The application's rank in this room (0 for disability use in a suited room). */
  rank: number;
}

/**
 * The state of a proposal: who holds each quarter-hour of each unit, where each application is, and
 * the objective by level; every change is logged so a tried move can be taken back.
 */
class Proposal {
  readonly occupant: Int32Array;
  readonly at: Int32Array;
  readonly score = new Float64Array(LEVELS);
  /** Minutes granted so far per association (by index). */
  readonly granted: Float64Array;
  private readonly log: [number, number][] = [];
  constructor(
    units: number,
    private readonly options: Option[][],
    private readonly levels: (app: number, o: Option) => number[],
    private readonly association: Int32Array,
    private readonly minutes: Float64Array,
  ) {
    this.occupant = new Int32Array(units * 8 * CELLS).fill(-1);
    this.at = new Int32Array(options.length).fill(-1);
    this.granted = new Float64Array(association.length ? Math.max(...association) + 1 : 0);
  }
  private write(app: number, index: number, who: number) {
    const o = this.options[app]?.[index] as Option;
    for (const u of o.units) {
      const base = (u * 8 + o.weekday) * CELLS;
      for (let q = o.from; q < o.to; q++) this.occupant[base + q] = who;
    }
    const sign = who < 0 ? -1 : 1;
    const association = this.association[app] as number;
    this.granted[association] = (this.granted[association] as number) + sign * (this.minutes[app] as number);
    const l = this.levels(app, o);
    for (const level of l) this.score[level] = (this.score[level] ?? 0) + sign * o.value;
  }
  /** Moves an application to one of its options (-1: out of the proposal). */
  set(app: number, index: number) {
    const old = this.at[app] as number;
    if (old === index) return;
    this.log.push([app, old]);
    if (old >= 0) this.write(app, old, -1);
    if (index >= 0) this.write(app, index, app);
    this.at[app] = index;
  }
  /** Who holds some of what the option needs. */
  blockers(app: number, index: number): number[] {
    const o = this.options[app]?.[index] as Option;
    const out: number[] = [];
    for (const u of o.units) {
      const base = (u * 8 + o.weekday) * CELLS;
      for (let q = o.from; q < o.to; q++) {
        const who = this.occupant[base + q] as number;
        if (who >= 0 && who !== app && !out.includes(who)) out.push(who);
      }
    }
    return out;
  }
  free(app: number, index: number) {
    return this.blockers(app, index).length === 0;
  }
  /** The places given up since the mark: others may take them now. */
  leftSince(mark: { at: number }): Option[] {
    return this.log.slice(mark.at).flatMap(([app, old]) => (old >= 0 ? [this.options[app]?.[old] as Option] : []));
  }
  mark() {
    return { at: this.log.length, score: Array.from(this.score) };
  }
  /** Takes back every change since the mark. */
  undo(mark: { at: number }) {
    while (this.log.length > mark.at) {
      const [app, old] = this.log.pop() as [number, number];
      const now = this.at[app] as number;
      if (now >= 0) this.write(app, now, -1);
      if (old >= 0) this.write(app, old, app);
      this.at[app] = old;
    }
  }
  /** How the objective changed since the mark, level by level as the exact solver ranks it: 1 rose, -1 fell, 0 the same. */
  change(mark: { score: number[] }) {
    for (let l = 0; l < LEVELS; l++) {
      const d = (this.score[l] as number) - (mark.score[l] as number);
      if (d > 1e-9) return 1;
      if (d < -1e-9) return -1;
    }
    return 0;
  }
}

/** How deep a chain of moves the repair follows: A takes B's place, B takes C's, C moves to a free one. */
const CHAIN_DEPTH = 2;
const REPAIR_PASSES = 2;
/** How many times the search takes a few bookings out and puts them back another way (a fixed budget, so 2,000 × 150 stays under 5 s). */
const KICKS = 12000;
/** How far either side of a place a kick clears, in quarter-hours. */
const KICK_REACH = 8;

export function allocate(rooms: AllocRoom[], applications: AllocApplication[]): Placement[] {
  const byId = new Map(rooms.map((r) => [r.id, r]));
  const unitIndex = new Map<string, number>();
  const unitsOf = new Map<string, number[]>();
  for (const r of rooms) {
    unitsOf.set(
      r.id,
      holdsOf(r, r.id).map((u) => {
        if (!unitIndex.has(u)) unitIndex.set(u, unitIndex.size);
        return unitIndex.get(u) as number;
      }),
    );
  }
  const options: Option[][] = applications.map((a) =>
    candidates(a, byId).map((c) => ({
      candidate: c,
      units: unitsOf.get(c.roomId) ?? [],
      from: Math.floor(c.start / STEP),
      to: Math.ceil(c.end / STEP),
      weekday: c.weekday,
      value: (a.minutes / 60) * CHOICE_FACTOR[c.choice],
      rank: rankFor(a, byId.get(c.roomId)),
    })),
  );
  const levels = (app: number, o: Option) => {
    const a = applications[app] as AllocApplication;
    return o.rank === 0 ? [0, a.priority] : [a.priority];
  };
  const associations = new Map<string, number>();
  const associationOf = Int32Array.from(applications, (a) => {
    if (!associations.has(a.associationId)) associations.set(a.associationId, associations.size);
    return associations.get(a.associationId) as number;
  });
  const asked = new Float64Array(associations.size);
  for (const [i, a] of applications.entries()) asked[associationOf[i] as number] = (asked[associationOf[i] as number] as number) + a.minutes;
  const state = new Proposal(
    unitIndex.size,
    options,
    levels,
    associationOf,
    Float64Array.from(applications, (a) => a.minutes),
  );
  /** The share of its requested hours an application's association has in the proposal as it stands. */
  const shareOf = (app: number) => (state.granted[associationOf[app] as number] as number) / (asked[associationOf[app] as number] as number);
  const place = (app: number, allowed: (o: Option) => boolean) => {
    const found = (options[app] ?? []).findIndex((o, i) => allowed(o) && state.free(app, i));
    if (found < 0) return false;
    state.set(app, found);
    return true;
  };

  /** Per unit and weekday, the applications with a candidate there. */
  const touching: number[][] = Array.from({ length: unitIndex.size * 8 }, () => []);
  for (const [app, own] of options.entries()) {
    for (const o of own) {
      for (const u of o.units) {
        const list = touching[u * 8 + o.weekday] as number[];
        if (list.at(-1) !== app) list.push(app);
      }
    }
  }
  /**
   * Offers what a move gave up to those with a candidate there, the higher priority and then the smaller
   * share first: one left out takes it, one placed moves there if it is better (giving up its own place in turn).
   */
  const refill = (mark: { at: number }) => {
    const freed = state.leftSince(mark);
    for (let k = 0; k < freed.length; k++) {
      const o = freed[k] as Option;
      const near = new Set<number>();
      for (const u of o.units) for (const app of touching[u * 8 + o.weekday] ?? []) near.add(app);
      const queue = [...near].sort(
        (x, y) => (applications[x] as AllocApplication).priority - (applications[y] as AllocApplication).priority || shareOf(x) - shareOf(y) || x - y,
      );
      for (const app of queue) {
        const own = options[app] ?? [];
        const current = state.at[app] as number;
        const now = current >= 0 ? (own[current]?.value ?? 0) : -1;
        const better = own.findIndex(
          (x, i) =>
            x.value > now + 1e-9 && x.weekday === o.weekday && x.from < o.to && o.from < x.to && x.units.some((u) => o.units.includes(u)) && state.free(app, i),
        );
        if (better < 0) continue;
        if (current >= 0) freed.push(own[current] as Option);
        state.set(app, better);
      }
    }
  };

  const requested = new Map<string, number>();
  const granted = new Map<string, number>();
  for (const a of applications) requested.set(a.associationId, (requested.get(a.associationId) ?? 0) + a.minutes);
  const share = (association: string) => (granted.get(association) ?? 0) / (requested.get(association) ?? 1);

  /** Round by round within a group: the association with the smallest share so far places its next application. */
  const fairRounds = (group: number[], allowed: (o: Option) => boolean) => {
    const queues = new Map<string, number[]>();
    for (const i of group) {
      if ((state.at[i] as number) >= 0) continue;
      const association = (applications[i] as AllocApplication).associationId;
      const queue = queues.get(association);
      if (queue) queue.push(i);
      else queues.set(association, [i]);
    }
    while (queues.size > 0) {
      let association = "";
      let least = Number.POSITIVE_INFINITY;
      for (const x of queues.keys()) {
        const s = share(x);
        if (s < least || (s === least && x.localeCompare(association) < 0)) [association, least] = [x, s];
      }
      const queue = queues.get(association) ?? [];
      const app = queue.shift();
      if (app !== undefined && place(app, allowed)) granted.set(association, (granted.get(association) ?? 0) + (applications[app] as AllocApplication).minutes);
      if (queue.length === 0) queues.delete(association);
    }
  };

  const all = applications.map((_, i) => i);
  fairRounds(
    all.filter((i) => applications[i]?.disabilityUse),
    (o) => o.rank === 0,
  );
  for (const priority of [1, 2, 3] as const) {
    fairRounds(
      all.filter((i) => applications[i]?.priority === priority),
      // A suited room left free now is no longer held back for disability use.
      () => true,
    );
  }

  /**
   * Puts an application that was pushed out back in: at a free place if it has one, or else at a place
   * it takes from others who in turn find a place (a chain at most `depth` long). Those already moved
   * in this chain stay where they are.
   */
  const relocate = (app: number, depth: number, moved: Set<number>): boolean => {
    const own = options[app] ?? [];
    for (let i = 0; i < own.length; i++) {
      if (state.free(app, i)) {
        state.set(app, i);
        return true;
      }
    }
    if (depth === 0) return false;
    for (let i = 0; i < own.length; i++) {
      const blockers = state.blockers(app, i);
      if (blockers.some((b) => moved.has(b))) continue;
      const mark = state.mark();
      for (const b of blockers) {
        state.set(b, -1);
        moved.add(b);
      }
      state.set(app, i);
      if (blockers.every((b) => relocate(b, depth - 1, moved))) return true;
      state.undo(mark);
      for (const b of blockers) moved.delete(b);
    }
    return false;
  };

  /**
   * The repair: each application tries each place better than the one it has, taking it from whoever
   * holds it; they move on along a chain, or, where they rank lower, may be left out. What the move gave
   * up is offered to others before it is judged, so a booking of the whole hall can give way to two of its
   * halves at once (and one may move from the whole to a half at no loss to let another into the other half).
   * A move is kept only when the objective rises in the exact solver's order (disability use, then priority by priority).
   */
  const improve = (app: number) => {
    const own = options[app] ?? [];
    const current = state.at[app] as number;
    const now = current >= 0 ? (own[current]?.value ?? 0) : 0;
    for (let i = 0; i < own.length; i++) {
      const gain = (own[i]?.value ?? 0) - now;
      const narrower = current >= 0 && gain > -1e-9 && (own[i]?.units.length ?? 0) < (own[current]?.units.length ?? 0);
      if (i === current || (gain <= 1e-9 && !narrower)) continue;
      const blockers = state.blockers(app, i);
      const room = byId.get(own[i]?.candidate.roomId ?? "");
      const mine = own[i]?.rank ?? 3;
      // A lower rank may be left out; one of the same rank only for an association with a smaller share so far, as in the fair rounds.
      const yields = new Set(
        blockers.filter(
          (b) =>
            rankFor(applications[b] as AllocApplication, room) > mine ||
            (rankFor(applications[b] as AllocApplication, room) === mine && shareOf(app) < shareOf(b) - 1e-9),
        ),
      );
      const mark = state.mark();
      const moved = new Set<number>([app, ...blockers]);
      for (const b of blockers) state.set(b, -1);
      state.set(app, i);
      const kept = blockers.every((b) => relocate(b, CHAIN_DEPTH - 1, moved) || yields.has(b));
      if (kept) refill(mark);
      if (kept && state.change(mark) > 0) return true;
      state.undo(mark);
    }
    return false;
  };
  const order = [...all].sort((x, y) => {
    const a = applications[x] as AllocApplication;
    const b = applications[y] as AllocApplication;
    return a.priority - b.priority || b.minutes - a.minutes || x - y;
  });
  for (let pass = 0; pass < REPAIR_PASSES; pass++) {
    let changed = false;
    for (const app of order) if (improve(app)) changed = true;
    if (!changed) break;
  }

  // Kicks, to get out of where single moves are stuck: take out everyone around a place (every other
  // kick: whoever holds any of one application's places), put them and those left out nearby back in
  // priority order (a fixed pseudo-random order within one, so the proposal is the same on every run), and
  // keep the result unless the objective fell or one taken out stays out without one of a higher priority
  // coming in (a kick never leaves one out for another of the same priority).
  let seed = 12345;
  const random = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  for (let kick = 0; kick < KICKS && applications.length > 0; kick++) {
    const app = Math.floor(random() * applications.length);
    const own = options[app] ?? [];
    const o = own[Math.floor(random() * own.length)];
    if (!o) continue;
    const mark = state.mark();
    const out = new Set<number>();
    if (kick % 2 === 0) {
      for (let i = 0; i < own.length; i++) for (const b of state.blockers(app, i)) out.add(b);
      if ((state.at[app] as number) >= 0) out.add(app);
    } else {
      for (const u of o.units) {
        const base = (u * 8 + o.weekday) * CELLS;
        for (let q = Math.max(0, o.from - KICK_REACH); q < Math.min(CELLS, o.to + KICK_REACH); q++) {
          const who = state.occupant[base + q] as number;
          if (who >= 0) out.add(who);
        }
      }
    }
    for (const r of out) state.set(r, -1);
    const back = new Set<number>([app, ...out]);
    for (const u of o.units) for (const a of touching[u * 8 + o.weekday] ?? []) if ((state.at[a] as number) < 0) back.add(a);
    const lots = new Map([...back].map((a) => [a, random()]));
    const queue = [...back].sort(
      (x, y) =>
        (applications[x] as AllocApplication).priority - (applications[y] as AllocApplication).priority || (lots.get(x) as number) - (lots.get(y) as number),
    );
    for (const a of queue) if ((state.at[a] as number) < 0) place(a, () => true);
    refill(mark);
    const newcomers = [...back].filter((a) => !out.has(a) && (state.at[a] as number) >= 0);
    const fair = [...out].every(
      (r) =>
        (state.at[r] as number) >= 0 || newcomers.some((n) => (applications[n] as AllocApplication).priority < (applications[r] as AllocApplication).priority),
    );
    if (!fair || state.change(mark) < 0) state.undo(mark);
  }

  // Last, the priority order holds: an application left out takes any place held only by lower ranks there.
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const app of order) {
      if ((state.at[app] as number) >= 0) continue;
      const own = options[app] ?? [];
      for (let i = 0; i < own.length; i++) {
        const blockers = state.blockers(app, i);
        const mine = own[i]?.rank ?? 3;
        const room = byId.get(own[i]?.candidate.roomId ?? "");
        // Ranked in the place asked for, as priorityViolations counts it.
        const outranked = blockers.every((b) => rankFor(applications[b] as AllocApplication, room) > mine);
        if (blockers.length === 0 || !outranked) continue;
        const moved = new Set<number>([app, ...blockers]);
        for (const b of blockers) state.set(b, -1);
        state.set(app, i);
        for (const b of blockers) relocate(b, CHAIN_DEPTH - 1, moved);
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }

  return applications.flatMap((a, i) => {
    const at = state.at[i] as number;
    const o = options[i]?.[at];
    return o ? [{ ...o.candidate, applicationId: a.id }] : [];
  });
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
      const blockers = placements.filter((p) => collides(byId, c, p));
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
