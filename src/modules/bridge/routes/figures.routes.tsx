import type { Context } from "hono";
import { Hono } from "hono";
import { csvResponse } from "../../../platform/http/csv.js";
import type { AppEnv } from "../../../platform/http/env.js";
import { AppError } from "../../../platform/http/errors.js";
import { render } from "../../../platform/http/render.js";
import { serviceContext } from "../../../platform/service-context.js";
import { localToday } from "../../../platform/time/recurrence.js";
import { type BridgeFigures, type Cell, figuresOfYear, mayFigure } from "../figures.js";
import { figuresYearInput } from "../figures.schema.js";
import { FiguresPage, figureLabels } from "../views/figures-views.js";

/** This year in the tenant's zone. */
const thisYear = (c: Context<AppEnv>) => Number(localToday(c.get("deps").clock.now(), c.get("tenant").timeZone).slice(0, 4));

/**
 * The year asked for, or this year. Only for those who may see the figures (anyone else gets the
 * 404 first); a year that is not four digits in range is a clear 400, never a 500.
 */
function askedYear(c: Context<AppEnv>): number {
  mayFigure(serviceContext(c));
  const asked = c.req.query("year");
  if (asked === undefined || asked === "") return thisYear(c);
  const parsed = figuresYearInput.safeParse({ year: asked });
  if (!parsed.success) throw new AppError(400, "bad_request", "bridge.figures.badYear");
  return parsed.data.year;
}

/** Every figure as rows of table, group, measure and value; hidden counts stay hidden. */
function figureRows(f: BridgeFigures) {
  const rows: { table: string; group: string; measure: string; value: Cell | number }[] = [];
  for (const l of f.bySource.lines) rows.push({ table: "referrals", group: l.key, measure: "count", value: l.cells[0] ?? { shown: false } });
  if (f.bySource.total) rows.push({ table: "referrals", group: "total", measure: "count", value: f.bySource.total[0] ?? { shown: false } });
  for (const m of f.meetings) {
    rows.push({ table: "first_meeting_days", group: m.key, measure: "count", value: m.count });
    for (const which of ["q1", "median", "q3"] as const)
      rows.push({ table: "first_meeting_days", group: m.key, measure: which, value: m.days ? m.days[which] : { shown: false } });
  }
  for (const l of f.stillTakingPart.lines)
    f.stillTakingPart.columns.forEach((column, i) => {
      rows.push({ table: "still_taking_part", group: l.key, measure: column, value: l.cells[i] ?? { shown: false } });
    });
  for (const l of f.byCommunity.lines) rows.push({ table: "community_type", group: l.key, measure: "people", value: l.cells[0] ?? { shown: false } });
  rows.push({ table: "need", group: "counted", measure: "people", value: f.needsCounted });
  for (const l of f.byNeed.lines) rows.push({ table: "need", group: l.key, measure: "people", value: l.cells[0] ?? { shown: false } });
  return rows;
}

const cellValue = (v: Cell | number, hidden: string) => (typeof v === "number" ? v : v.shown ? v.value : hidden);

/** The partnership's anonymous figures: a page, its tables as CSV, and the yearly export for the national coordinator. */
export const figuresRoutes = new Hono<AppEnv>()
  .get("/figures", async (c) => {
    const year = askedYear(c);
    const { categories, ...figures } = await figuresOfYear(serviceContext(c), year);
    const now = thisYear(c);
    const years = [...new Set([now, ...Array.from({ length: 10 }, (_, i) => now - i), year])].sort((a, b) => b - a);
    return render(c, `${c.get("t")("bridge.figures.title")} ${year}`, <FiguresPage figures={figures} categories={categories} years={years} />);
  })
  .get("/figures.csv", async (c) => {
    const year = askedYear(c);
    const { categories, ...figures } = await figuresOfYear(serviceContext(c), year);
    const t = c.get("t");
    const names = figureLabels(t, categories);
    const tables: Record<string, { title: string; group: (key: string) => string }> = {
      referrals: { title: t("bridge.figures.bySource"), group: (k) => (k === "total" ? t("bridge.figures.total") : names.source(k)) },
      first_meeting_days: { title: t("bridge.figures.meetings"), group: names.source },
      still_taking_part: { title: t("bridge.figures.stillTakingPart"), group: names.months },
      community_type: { title: t("bridge.figures.byCommunity"), group: names.community },
      need: { title: t("bridge.figures.byNeed"), group: (k) => (k === "counted" ? t("bridge.figures.needsCounted") : names.need(k)) },
    };
    const measure = (m: string) =>
      ({
        count: t("bridge.figures.people"),
        people: t("bridge.figures.people"),
        q1: t("bridge.figures.q1"),
        median: t("bridge.figures.median"),
        q3: t("bridge.figures.q3"),
      })[m] ?? names.outcome(m);
    return csvResponse(
      c,
      `bridge-figures-${year}.csv`,
      [t("bridge.figures.year"), t("bridge.figures.csv.table"), t("bridge.figures.csv.group"), t("bridge.figures.csv.measure"), t("bridge.figures.csv.value")],
      figureRows(figures).map((r) => [
        year,
        tables[r.table]?.title ?? r.table,
        tables[r.table]?.group(r.group) ?? r.group,
        r.table === "referrals" ? t("bridge.figures.referrals") : measure(r.measure),
        cellValue(r.value, t("bridge.figures.fewerThan5")),
      ]),
    );
  })
  .get("/figures/export", async (c) => {
    const year = askedYear(c);
    const { categories: _, ...figures } = await figuresOfYear(serviceContext(c), year);
    const tenant = c.get("tenant").name;
    return csvResponse(
      c,
      `bridge-building-${c.get("tenant").slug}-${year}.csv`,
      ["tenant", "year", "figure", "group", "measure", "value"],
      figureRows(figures).map((r) => [tenant, year, r.table, r.group, r.measure, cellValue(r.value, "<5")]),
    );
  });
