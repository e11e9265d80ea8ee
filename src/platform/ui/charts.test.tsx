import type { Child } from "hono/jsx";
import { describe, expect, it } from "vitest";
import { formats } from "../i18n/format.js";
import { type Lang, translator } from "../i18n/i18n.js";
import { BarChart, niceTicks } from "./charts.js";
import { type Column, DataTable } from "./components.js";
import { type PageContext, PageCtx } from "./page-context.js";

const render = async (lang: Lang, node: Child) => {
  const page = { t: translator(lang), lang, fmt: formats(lang, "Europe/Copenhagen") } as unknown as PageContext;
  return String(await (<PageCtx.Provider value={page}>{node}</PageCtx.Provider>));
};
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\s+/g, " ");

describe("round ticks for a value axis", () => {
  it("steps by 1, 2, 2.5 or 5 times a power of ten and reaches the top value", () => {
    expect(niceTicks(14)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(0.021, 4, false)).toEqual([0, 0.01, 0.02, 0.03]);
  });
  it("draws an empty chart from 0 to 1 rather than dividing by nothing", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe("a bar chart", () => {
  const bars = [
    { tick: "okt.", name: "oktober 2026", value: 1200 },
    { tick: "nov.", name: "november 2026", value: 3 },
  ];
  const chart = (table?: boolean) => <BarChart id="c" title="Ansøgere pr. måned" valueLabel="Ansøgere" categoryLabel="Måned" total table={table} bars={bars} />;

  it("has a title, both axes' names, ticks in the reader's format, and a summary the image points to", async () => {
    const html = await render("da", chart());
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-labelledby="c-title"');
    expect(html).toContain('aria-describedby="c-summary"');
    const words = text(html);
    expect(words).toContain("Ansøgere pr. måned");
    expect(words).toContain("Måned");
    // Ticks 0, 500 … 1.500 with Danish thousands.
    expect(words).toContain("1.500");
    expect(words).toContain("Højest: oktober 2026 (1.200). Lavest: november 2026 (3). I alt 1.203.");
    // Tick labels do not scale with the SVG: the plot has no viewBox and the bars are placed in percent.
    expect(html).not.toContain("viewBox");
    expect(html).toMatch(/<rect x="[\d.]+%"/);
  });

  it("puts the table of the same figures next to it", async () => {
    const html = await render("en", chart());
    expect(html).toContain("<caption>The figures behind: Ansøgere pr. måned</caption>");
    expect(text(html)).toContain("oktober 2026 1,200");
    expect(text(await render("en", chart(false)))).not.toContain("The figures behind");
  });

  it("says so when there is nothing to draw", async () => {
    const html = await render("nl", <BarChart id="e" title="T" valueLabel="V" categoryLabel="C" bars={[{ tick: "a", name: "A", value: 0 }]} />);
    expect(text(html)).toContain("Er zijn nog geen cijfers voor deze periode.");
  });
});

describe("a list staff act on", () => {
  it("names every cell with its column, so a phone can draw each row as a card", async () => {
    const columns: Column<{ name: string; at: string }>[] = [
      { key: "name", label: "auth.name", cell: (r) => r.name },
      { key: "at", label: "table.created", cell: (r) => r.at },
    ];
    const html = await render("da", <DataTable caption="Personer" columns={columns} rows={[{ name: "Karen", at: "1. december 2026" }]} />);
    expect(html).toContain('class="ds-table data-table"');
    expect(html).toContain('<td data-label="Navn">Karen</td>');
    expect(html).toContain('<td data-label="Oprettet">1. december 2026</td>');
    // Still one real table with its headers for screen readers.
    expect(html).toContain('<th scope="col">Navn</th>');
  });
});
