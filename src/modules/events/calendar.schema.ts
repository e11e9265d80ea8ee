import { z } from "zod";
import { EVENT_KINDS, type EventKind } from "./events.model.js";

export const CALENDAR_VIEWS = ["list", "month"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** What the public calendar was asked for; a value it cannot read falls back to the default and is named in `ignored`. */
export interface CalendarInput {
  view: CalendarView;
  /** "2026-12"; null for the current month. */
  month: string | null;
  kind: EventKind | null;
  /** A category's code. */
  category: string | null;
  /** The page of the list, from 1. */
  page: number;
  ignored: ("view" | "month" | "kind" | "category")[];
}

const view = z.enum(CALENDAR_VIEWS);
const month = z
  .string()
  .regex(MONTH)
  .refine((m) => Number(m.slice(0, 4)) >= 2000 && Number(m.slice(0, 4)) <= 2100);
const kind = z.enum(EVENT_KINDS as [EventKind, ...EventKind[]]);
const category = z.string().trim().min(1).max(80);

/**
 * Reads the calendar's query string. A link from an old page or a typed address (`month=2026-13`,
 * `kind=nonsense`) shows the calendar with that choice dropped, and says so, rather than failing.
 */
export function calendarInput(query: Record<string, string | undefined>): CalendarInput {
  const ignored: CalendarInput["ignored"] = [];
  const read = <T>(key: CalendarInput["ignored"][number], schema: z.ZodType<T>): T | null => {
    const raw = query[key];
    if (raw === undefined || raw === "") return null;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    ignored.push(key);
    return null;
  };
  // A page number out of range is not worth a notice: the first page is shown.
  const page = /^\d{1,4}$/.test(query.page ?? "") ? Math.max(1, Number(query.page)) : 1;
  return { view: read("view", view) ?? "list", month: read("month", month), kind: read("kind", kind), category: read("category", category), page, ignored };
}

/** The calendar's address for a choice, keeping the other choices. */
export function calendarHref(input: Pick<CalendarInput, "view" | "month" | "kind" | "category">, change: Partial<CalendarInput> = {}): string {
  // Another view, month or filter starts again from the first page.
  const next = { page: 1, ...input, ...change, ...(change.page ? {} : { page: 1 }) };
  const params = new URLSearchParams();
  if (next.view === "month") params.set("view", "month");
  if (next.view === "month" && next.month) params.set("month", next.month);
  if (next.kind) params.set("kind", next.kind);
  if (next.category) params.set("category", next.category);
  if (next.view !== "month" && next.page > 1) params.set("page", String(next.page));
  const qs = params.toString();
  return qs ? `/events?${qs}` : "/events";
}
