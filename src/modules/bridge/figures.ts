import { Temporal } from "temporal-polyfill";
import { can } from "../../platform/auth/policy.js";
import { notFound } from "../../platform/http/errors.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { terms } from "../taxonomy/index.js";
import { NEEDS, type Need, OUTCOMES, type Outcome, SOURCE_UNITS, SOURCES, type Source, type SourceUnit } from "./bridge.model.js";
import { canSeeBridgeFigures } from "./bridge.policy.js";
import { bridgeRing } from "./cases.js";
import * as repo from "./figures.repository.js";

/**
 * The partnership's figures: anonymous counts of the people referred in one year (the tenant's own
 * calendar year), never a cell under five. See docs/privacy/bridge-building-figures.md.
 */

/** The smallest count shown; anything below is "fewer than 5". */
export const SMALLEST_SHOWN = 5;

/** A case as the figures see it: where it came from, when, and (with consent to figures) its needs. */
export interface FigureCase {
  id: string;
  source: Source;
  sourceUnit: SourceUnit | null;
  createdAt: string;
  /** Null when the person did not agree to be counted in figures: their needs are not read at all. */
  needs: Need[] | null;
}

export interface FigureMeeting {
  caseId: string;
  firstMeetingAt: string | null;
  metAt: string | null;
}

export interface FigurePick {
  caseId: string;
  category: string | null;
}

export interface FigureOutcome {
  caseId: string;
  months: number;
  outcome: Outcome;
}

export interface FigureInput {
  cases: FigureCase[];
  meetings: FigureMeeting[];
  picks: FigurePick[];
  outcomes: FigureOutcome[];
}

/** One number in a table: its value, and whether it is hidden. A hidden value never leaves the server. */
export type Cell = { shown: true; value: number } | { shown: false };

export interface FigureLine {
  /** A stable code: "self", "municipality.jobcentre", "3", "elderly", "step_free" … */
  key: string;
  cells: Cell[];
}

export interface FigureTable {
  /** Stable codes of the columns. */
  columns: string[];
  lines: FigureLine[];
  /** The sum of each column, when the lines add up to it. */
  total: Cell[] | null;
}

export interface MeetingLine {
  key: string;
  count: Cell;
  /** Days from the referral to the first meeting; null where the count is hidden. */
  days: { q1: number; median: number; q3: number } | null;
}

export interface BridgeFigures {
  year: number;
  bySource: FigureTable;
  meetings: MeetingLine[];
  stillTakingPart: FigureTable;
  byCommunity: FigureTable;
  byNeed: FigureTable;
  /** How many of the year's people agreed to their needs being counted. */
  needsCounted: Cell;
}

/**
 * Hides every count under five, and then, while a row or a column that adds up to a total has exactly
 * one hidden count, the smallest count still shown in it too, so that no hidden count can be found
 * from the total and the rest. `matrix[row][column]`; a row or column of totals is part of the matrix;
 * `sums` says which way the lines add up (a column of sources to its total, a row of outcomes to its).
 */
export function suppress(matrix: number[][], sums: { rows?: boolean; columns?: boolean } = { rows: true, columns: true }): Cell[][] {
  const hidden = matrix.map((row) => row.map((v) => v < SMALLEST_SHOWN));
  const width = Math.max(0, ...matrix.map((r) => r.length));
  const lines: [number, number][][] = [
    ...(sums.rows ? matrix.map((row, r) => row.map((_, c) => [r, c] as [number, number])) : []),
    ...Array.from({ length: sums.columns ? width : 0 }, (_, c) => matrix.flatMap((row, r) => (c < row.length ? [[r, c] as [number, number]] : []))),
  ];
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (line.filter(([r, c]) => hidden[r]?.[c]).length !== 1) continue;
      const next = line.filter(([r, c]) => !hidden[r]?.[c]).sort(([r1, c1], [r2, c2]) => (matrix[r1]?.[c1] ?? 0) - (matrix[r2]?.[c2] ?? 0))[0];
      if (!next) continue;
      (hidden[next[0]] as boolean[])[next[1]] = true;
      changed = true;
    }
  }
  return matrix.map((row, r) => row.map((value, c) => (hidden[r]?.[c] ? { shown: false } : { shown: true, value })));
}

/** A table of counts, suppressed as one matrix; lines that add up down the columns get a total row. */
function countTable(columns: string[], lines: { key: string; values: number[] }[], sums: { rows?: boolean; columns?: boolean }): FigureTable {
  const withTotal = sums.columns === true;
  const totals = columns.map((_, c) => lines.reduce((sum, l) => sum + (l.values[c] ?? 0), 0));
  const cells = suppress([...lines.map((l) => l.values), ...(withTotal ? [totals] : [])], sums);
  return {
    columns,
    lines: lines.map((l, i) => ({ key: l.key, cells: cells[i] ?? [] })),
    total: withTotal ? (cells[lines.length] ?? null) : null,
  };
}

/** The p-th quantile (0–1) by linear interpolation between the sorted values, to a tenth. */
export function quantile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  const value = (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (at - low);
  return Math.round(value * 10) / 10;
}

/** The local date of a stored time: an instant ("…Z", "+01:00") in the tenant's zone, a wall-clock time as written. */
export function localDateOf(value: string, zone: string): string {
  if (/(Z|[+-]\d\d:\d\d)$/i.test(value)) return Temporal.Instant.from(value).toZonedDateTimeISO(zone).toPlainDate().toString();
  return Temporal.PlainDate.from(value.slice(0, 10)).toString();
}

/** The first instant of the year in the zone, and of the next, as stored times are written. */
export function yearSpan(year: number, zone: string): { from: string; to: string } {
  const start = (y: number) =>
    new Date(Temporal.PlainDate.from({ year: y, month: 1, day: 1 }).toZonedDateTime({ timeZone: zone }).epochMilliseconds).toISOString();
  return { from: start(year), to: start(year + 1) };
}

const sourceKey = (c: FigureCase) => (c.source === "municipality" ? `municipality.${c.sourceUnit ?? "other"}` : c.source);
export const SOURCE_LINES = ["self", ...SOURCE_UNITS.map((u) => `municipality.${u}`), "association", "centre"] as const;
export const FOLLOW_UP_MONTHS = [3, 6] as const;

/** Every figure of the year from the year's cases, counted here and never in SQL (needs are sealed). */
export function bridgeFigures(year: number, zone: string, input: FigureInput, categories: string[]): BridgeFigures {
  const cases = new Map(input.cases.map((c) => [c.id, c]));

  const bySource = countTable(
    ["referrals"],
    SOURCE_LINES.map((key) => ({ key, values: [input.cases.filter((c) => sourceKey(c) === key).length] })),
    { columns: true },
  );

  // The first meeting of each case: the earliest of its accepted referrals, held or planned.
  const firstMeeting = new Map<string, string>();
  for (const m of input.meetings) {
    const at = m.metAt ?? m.firstMeetingAt;
    const c = cases.get(m.caseId);
    if (!at || !c) continue;
    const date = localDateOf(at, zone);
    const known = firstMeeting.get(c.id);
    if (!known || date < known) firstMeeting.set(c.id, date);
  }
  const daysOf = (c: FigureCase) => {
    const date = firstMeeting.get(c.id);
    if (!date) return null;
    return Temporal.PlainDate.from(localDateOf(c.createdAt, zone)).until(Temporal.PlainDate.from(date)).days;
  };
  const meetingGroups = [{ key: "all", of: () => true }, ...SOURCES.map((s) => ({ key: s, of: (c: FigureCase) => c.source === s }))].map((g) => {
    const days = input.cases
      .filter(g.of)
      .map(daysOf)
      .filter((d): d is number => d !== null && d >= 0)
      .sort((a, b) => a - b);
    return { key: g.key, days };
  });
  // The "all" line is the total of the four sources: one matrix, so a hidden source count cannot be found from it.
  const counts = suppress(
    meetingGroups.map((g) => [g.days.length]),
    { columns: true },
  );
  const meetings = meetingGroups.map((g, i): MeetingLine => {
    const count = counts[i]?.[0] ?? { shown: false };
    return {
      key: g.key,
      count,
      days: count.shown ? { q1: quantile(g.days, 0.25), median: quantile(g.days, 0.5), q3: quantile(g.days, 0.75) } : null,
    };
  });

  const stillTakingPart = countTable(
    [...OUTCOMES, "recorded"],
    FOLLOW_UP_MONTHS.map((months) => {
      const recorded = input.outcomes.filter((o) => o.months === months && cases.has(o.caseId));
      return { key: String(months), values: [...OUTCOMES.map((outcome) => recorded.filter((o) => o.outcome === outcome).length), recorded.length] };
    }),
    // Each row adds up to its last column; 3 and 6 months are not parts of one whole.
    { rows: true },
  );

  const chosen = new Map<string, Set<string>>();
  for (const p of input.picks) {
    if (!cases.has(p.caseId)) continue;
    const key = p.category && categories.includes(p.category) ? p.category : "other";
    chosen.set(key, (chosen.get(key) ?? new Set()).add(p.caseId));
  }
  const byCommunity = countTable(
    ["people"],
    [...categories, "other"].map((key) => ({ key, values: [chosen.get(key)?.size ?? 0] })),
    // A person may have chosen more than one community, and have more than one need: no totals to work back from.
    {},
  );

  const counted = input.cases.filter((c) => c.needs !== null);
  const byNeed = countTable(
    ["people"],
    NEEDS.map((need) => ({ key: need, values: [counted.filter((c) => c.needs?.includes(need)).length] })),
    {},
  );
  const needsCounted = suppress([[counted.length]])[0]?.[0] ?? { shown: false };

  return { year, bySource, meetings, stillTakingPart, byCommunity, byNeed, needsCounted };
}

/** The figures of a year for those who may see them; anyone else gets the same 404 as for a page that is not there. */
export function mayFigure(ctx: ServiceContext): void {
  if (!can(ctx.actor, canSeeBridgeFigures, { tenantId: ctx.tenant.id })) throw notFound();
}

/** The year's figures, with the tenant's categories named in the reader's language. */
export async function figuresOfYear(ctx: ServiceContext, year: number): Promise<BridgeFigures & { categories: { code: string; label: string }[] }> {
  mayFigure(ctx);
  const zone = ctx.tenant.timeZone;
  const { from, to } = yearSpan(year, zone);
  const [cases, meetings, picks, outcomes, categories] = await Promise.all([
    repo.figureCases(ctx.db, bridgeRing(ctx), ctx.tenant.id, from, to),
    repo.figureMeetings(ctx.db, ctx.tenant.id, from, to),
    repo.figurePicks(ctx.db, ctx.tenant.id, from, to),
    repo.figureOutcomes(ctx.db, ctx.tenant.id, from, to, [...FOLLOW_UP_MONTHS]),
    terms(ctx.db, ctx.tenant, "category", ctx.lang),
  ]);
  const figures = bridgeFigures(
    year,
    zone,
    { cases, meetings, picks, outcomes },
    categories.map((c) => c.code),
  );
  return { ...figures, categories: categories.map((c) => ({ code: c.code, label: c.label })) };
}
