import { DAY_MS } from "../../platform/clock.js";

/** What the centre reports on: per month or per category, jobs, applicants, answers and starts. */
export interface FigureRow {
  key: string;
  jobs: number;
  applications: number;
  answered: number;
  /** Median days from application to the association's first answer, of those answered. */
  medianDaysToAnswer: number | null;
  starts: number;
}

export interface FigureInput {
  jobs: { publishedAt: string; category: string }[];
  applications: { confirmedAt: string; firstAnswerAt: string | null; status: string; category: string }[];
}

/** The middle value, to a tenth; null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(value * 10) / 10;
}

/** Groups by a key taken from each record (its month, or its category), in the order of keys given. */
export function figures(
  input: FigureInput,
  keys: string[],
  keyOf: { job: (j: FigureInput["jobs"][number]) => string; application: (a: FigureInput["applications"][number]) => string },
): FigureRow[] {
  const rows = new Map(keys.map((key) => [key, { key, jobs: 0, applications: 0, answered: 0, days: [] as number[], starts: 0 }]));
  for (const j of input.jobs) {
    const row = rows.get(keyOf.job(j));
    if (row) row.jobs++;
  }
  for (const a of input.applications) {
    const row = rows.get(keyOf.application(a));
    if (!row) continue;
    row.applications++;
    if (a.firstAnswerAt) {
      row.answered++;
      row.days.push((Date.parse(a.firstAnswerAt) - Date.parse(a.confirmedAt)) / DAY_MS);
    }
    if (a.status === "started") row.starts++;
  }
  return [...rows.values()].map(({ days, ...row }) => ({ ...row, medianDaysToAnswer: median(days) }));
}

/** The twelve months up to and including the given one, as "2026-11". */
export function lastTwelveMonths(today: string): string[] {
  const [year, month] = today.split("-").map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 12 + i, 1));
    return d.toISOString().slice(0, 7);
  });
}
