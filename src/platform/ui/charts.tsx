import { usePage } from "./page-context.js";

/** One bar: a short tick under it ("nov."), the full name for the table and the summary ("november 2026"). */
export interface Bar {
  tick: string;
  name: string;
  value: number;
}

/**
 * Round tick values for an axis from 0 to at least `max`: steps of 1, 2, 2.5 or 5 times a power of
 * ten, about `count` of them. Whole numbers only when every value is whole.
 */
export function niceTicks(max: number, count = 4, whole = true): number[] {
  const top = max > 0 ? max : 1;
  const raw = top / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  let step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * magnitude;
  if (whole) step = Math.max(1, Math.ceil(step));
  const last = Math.ceil(top / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= last + step / 2; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

/**
 * Which tick labels show: every one when there is room, every n-th when the bars are many. A label
 * takes about 8 px a character at 13 px, plus a gap; `width` is the least room the plot has.
 */
const showEvery = (bars: Bar[], width: number) => {
  const longest = Math.max(1, ...bars.map((b) => b.tick.length));
  return Math.max(1, Math.ceil((bars.length * (longest * 8 + 10)) / width));
};

const HEIGHT = 220;
const TOP = 12;
const AXIS = 28;
/** Up to this many bars the table stands beside the chart; a longer one is folded under it. */
const BESIDE = 14;

/**
 * A column chart drawn on the server as SVG: a value axis with round, labelled ticks and grid lines,
 * a category axis with a label under the bars, a title and a text summary. The SVG stretches to the
 * width of the page but its text does not scale, so labels stay 13 px on a phone; the table of the
 * same figures stands beside it, folded under it when it is long (or, with `table={false}`, the page's
 * own table right under it holds them).
 */
export function BarChart(props: {
  id: string;
  title: string;
  /** What the bars count ("Applicants"), over the value axis and as the table's heading. */
  valueLabel: string;
  /** What each bar is ("Month"), under the category axis and as the table's first heading. */
  categoryLabel: string;
  bars: Bar[];
  /** The top of the value axis at least (100 for percentages). */
  max?: number;
  /** How a value reads; plain numbers in the reader's format when left out. */
  format?: (value: number) => string;
  /** Add the sum of the bars to the summary (counts, not shares). */
  total?: boolean;
  table?: boolean;
}) {
  const { t, fmt } = usePage();
  const format = props.format ?? ((v: number) => fmt.number(v, 1));
  const values = props.bars.map((b) => b.value);
  const whole = values.every((v) => Number.isInteger(v)) && (props.max === undefined || Number.isInteger(props.max));
  const ticks = niceTicks(Math.max(0, props.max ?? 0, ...values), 4, whole);
  const top = ticks[ticks.length - 1] ?? 1;
  const plot = HEIGHT - TOP - AXIS;
  const y = (v: number) => TOP + plot - (v / top) * plot;
  const n = Math.max(1, props.bars.length);
  const slot = 100 / n;
  const narrowEvery = showEvery(props.bars, 280);
  const wideEvery = showEvery(props.bars, 620);
  const titleId = `${props.id}-title`;
  const summaryId = `${props.id}-summary`;
  const table = (
    <table class="ds-table chart-table" data-border>
      <caption>{t("chart.tableOf", { title: props.title })}</caption>
      <thead>
        <tr>
          <th scope="col">{props.categoryLabel}</th>
          <th scope="col" class="number">
            {props.valueLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.bars.map((b) => (
          <tr>
            <th scope="row">{b.name}</th>
            <td class="number">{format(b.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <figure class="chart" id={props.id}>
      <figcaption>
        <span class="chart-title" id={titleId}>
          {props.title}
        </span>
        <span class="chart-summary" id={summaryId}>
          {chartSummary(props.bars, format, props.total ?? false, t)}
        </span>
      </figcaption>
      <div class={props.table !== false && props.bars.length <= BESIDE ? "chart-body chart-with-table" : "chart-body"}>
        <div class="chart-frame">
          <p class="chart-axis-title" aria-hidden="true">
            {props.valueLabel}
          </p>
          <svg class="chart-plot" role="img" aria-labelledby={titleId} aria-describedby={summaryId} width="100%" height={HEIGHT}>
            <title>{props.title}</title>
            <g class="chart-grid">
              {ticks.map((v) => (
                <g>
                  <line x1="0" x2="100%" y1={y(v)} y2={y(v)} class={v === 0 ? "chart-baseline" : undefined} />
                  <text x="-8" y={y(v)} dy="0.35em" text-anchor="end" class="chart-tick">
                    {format(v)}
                  </text>
                </g>
              ))}
            </g>
            {props.bars.map((b, i) => {
              const h = (Math.max(0, b.value) / top) * plot;
              return (
                <g>
                  <rect x={`${(i + 0.15) * slot}%`} y={y(0) - h} width={`${slot * 0.7}%`} height={h} class="bar">
                    <title>{`${b.name}: ${format(b.value)}`}</title>
                  </rect>
                  <text
                    x={`${(i + 0.5) * slot}%`}
                    y={HEIGHT - 8}
                    text-anchor="middle"
                    class="chart-tick"
                    data-narrow={i % narrowEvery === 0 ? undefined : "hide"}
                    data-wide={i % wideEvery === 0 ? undefined : "hide"}
                  >
                    {b.tick}
                  </text>
                </g>
              );
            })}
          </svg>
          <p class="chart-axis-title chart-axis-x" aria-hidden="true">
            {props.categoryLabel}
          </p>
        </div>
        {props.table !== false && props.bars.length <= BESIDE && table}
      </div>
      {props.table !== false && props.bars.length > BESIDE && (
        <details class="ds-details chart-details">
          <summary>{t("chart.showTable")}</summary>
          <div>{table}</div>
        </details>
      )}
    </figure>
  );
}

/** "Highest: November 2026 (14). Lowest: May 2026 (0). 96 in all." — what a glance at the chart tells. */
export function chartSummary(bars: Bar[], format: (v: number) => string, total: boolean, t: ReturnType<typeof usePage>["t"]): string {
  if (bars.length === 0 || bars.every((b) => b.value === 0)) return t("chart.empty");
  let high = bars[0] as Bar;
  let low = bars[0] as Bar;
  for (const b of bars) {
    if (b.value > high.value) high = b;
    if (b.value < low.value) low = b;
  }
  const parts = [t("chart.highest", { name: high.name, value: format(high.value) }), t("chart.lowest", { name: low.name, value: format(low.value) })];
  if (total) parts.push(t("chart.total", { value: format(bars.reduce((sum, b) => sum + b.value, 0)) }));
  return parts.join(" ");
}
