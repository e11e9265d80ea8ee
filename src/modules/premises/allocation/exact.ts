import { type AllocApplication, type AllocRoom, type Candidate, CHOICE_FACTOR, candidates, holdsOf, objective, type Placement } from "./allocate.js";

/** An LP-format sum, broken over lines the format can read. */
const sum = (terms: string[]) => terms.map((t, i) => (i > 0 && i % 8 === 0 ? `\n ${t}` : ` ${t}`)).join("");

/**
 * The exact best allocation of the same instance under the same priority order, solved with the
 * HiGHS integer programming solver: first the most disability use of suited rooms, then the most
 * weighted hours for each priority in turn without giving up any of the earlier ones.
 */
export async function exactAllocation(rooms: AllocRoom[], applications: AllocApplication[], secondsPerStage = 20) {
  // Loaded on first use: the solver is only for the exact comparison, and an idle server need not hold it.
  const { default: loadHighs } = await import("highs");
  const highs = await loadHighs();
  const byId = new Map(rooms.map((r) => [r.id, r]));
  const columns: { name: string; app: AllocApplication; c: Candidate; value: number }[] = [];
  for (const app of applications) {
    for (const c of candidates(app, byId)) columns.push({ name: `x${columns.length}`, app, c, value: (app.minutes / 60) * CHOICE_FACTOR[c.choice] });
  }
  const rows: string[] = [];
  const perApp = new Map<string, string[]>();
  const perCell = new Map<string, string[]>();
  for (const col of columns) {
    const mine = perApp.get(col.app.id);
    if (mine) mine.push(col.name);
    else perApp.set(col.app.id, [col.name]);
    // A booking holds every part of its room: a hall and its halves share cells, so they exclude each other.
    for (const unit of holdsOf(byId.get(col.c.roomId), col.c.roomId)) {
      for (let q = Math.floor(col.c.start / 15); q < Math.ceil(col.c.end / 15); q++) {
        const key = `${unit}|${col.c.weekday}|${q}`;
        const cell = perCell.get(key);
        if (cell) cell.push(col.name);
        else perCell.set(key, [col.name]);
      }
    }
  }
  for (const names of perApp.values()) if (names.length > 1) rows.push(`${sum(names.map((n) => `+ ${n}`))} <= 1`);
  for (const names of perCell.values()) if (names.length > 1) rows.push(`${sum(names.map((n) => `+ ${n}`))} <= 1`);

  const stages: ((col: (typeof columns)[number]) => boolean)[] = [
    (col) => col.app.disabilityUse && byId.get(col.c.roomId)?.suited === true,
    (col) => col.app.priority === 1,
    (col) => col.app.priority === 2,
    (col) => col.app.priority === 3,
  ];
  const floors: string[] = [];
  let solution: Record<string, { Primal: number }> = {};
  let optimal = true;
  for (const [i, inStage] of stages.entries()) {
    const terms = columns.filter(inStage).map((col) => `+ ${col.value.toFixed(4)} ${col.name}`);
    if (terms.length === 0) continue;
    const lp = [
      "Maximize",
      ` stage:${sum(terms)}`,
      "Subject To",
      ...rows.map((r, n) => ` r${n}:${r}`),
      ...floors,
      "Binary",
      sum(columns.map((c) => c.name)),
      "End",
    ].join("\n");
    const result = highs.solve(lp, { output_flag: false, time_limit: secondsPerStage, mip_rel_gap: 0 });
    if (result.Status !== "Optimal") optimal = false;
    if (result.Status !== "Optimal" && result.Status !== "Time limit reached") return { optimal: false, placements: [], value: 0 };
    solution = result.Columns as Record<string, { Primal: number }>;
    floors.push(` floor${i}:${sum(terms)} >= ${(result.ObjectiveValue - 1e-6).toFixed(6)}`);
  }
  const placements: Placement[] = columns.filter((col) => (solution[col.name]?.Primal ?? 0) > 0.5).map((col) => ({ ...col.c, applicationId: col.app.id }));
  return { optimal, placements, value: objective(applications, placements) };
}
