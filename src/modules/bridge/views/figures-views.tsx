import type { MessageKey, T } from "../../../platform/i18n/i18n.js";
import { BarChart } from "../../../platform/ui/charts.js";
import { Button, DataTable, Heading, Link, P, Select } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { BridgeFigures, Cell, FigureLine, MeetingLine } from "../figures.js";

const SOURCE_LABELS: Record<string, MessageKey> = {
  self: "bridge.figures.source.self",
  municipality: "bridge.figures.source.municipality",
  "municipality.jobcentre": "bridge.figures.source.municipality.jobcentre",
  "municipality.social_psychiatry": "bridge.figures.source.municipality.social_psychiatry",
  "municipality.health": "bridge.figures.source.municipality.health",
  "municipality.housing": "bridge.figures.source.municipality.housing",
  "municipality.other": "bridge.figures.source.municipality.other",
  association: "bridge.figures.source.association",
  centre: "bridge.figures.source.centre",
  all: "bridge.figures.all",
};
/** Short names under the chart's bars. */
const TICK_LABELS: Record<string, MessageKey> = {
  self: "bridge.figures.tick.self",
  "municipality.jobcentre": "bridge.figures.tick.jobcentre",
  "municipality.social_psychiatry": "bridge.figures.tick.social_psychiatry",
  "municipality.health": "bridge.figures.tick.health",
  "municipality.housing": "bridge.figures.tick.housing",
  "municipality.other": "bridge.figures.tick.other",
  association: "bridge.figures.tick.association",
  centre: "bridge.figures.tick.centre",
};
const OUTCOME_LABELS: Record<string, MessageKey> = {
  still_coming: "bridge.figures.outcome.still_coming",
  stopped: "bridge.figures.outcome.stopped",
  never_started: "bridge.figures.outcome.never_started",
  recorded: "bridge.figures.recorded",
};
const NEED_LABELS: Record<string, MessageKey> = {
  company_first_times: "bridge.figures.need.company_first_times",
  step_free: "bridge.figures.need.step_free",
  quiet_place: "bridge.figures.need.quiet_place",
  language: "bridge.figures.need.language",
  small_group: "bridge.figures.need.small_group",
  fixed_contact: "bridge.figures.need.fixed_contact",
};

/** The reader's names for the figures' codes; the page and its CSV use the same. */
export function figureLabels(t: T, categories: { code: string; label: string }[]) {
  const named = (labels: Record<string, MessageKey>) => (key: string) => {
    const label = labels[key];
    return label ? t(label) : key;
  };
  return {
    source: named(SOURCE_LABELS),
    tick: named(TICK_LABELS),
    outcome: named(OUTCOME_LABELS),
    need: named(NEED_LABELS),
    months: (key: string) => t("bridge.figures.months", { months: key }),
    community: (key: string) => categories.find((c) => c.code === key)?.label ?? t("bridge.figures.otherCategory"),
  };
}

/** A count as the reader sees it: the number, or "fewer than 5". */
function CountCell(props: { cell: Cell | undefined }) {
  const { t, fmt } = usePage();
  return props.cell?.shown ? <span>{fmt.number(props.cell.value)}</span> : <span class="figure-hidden">{t("bridge.figures.fewerThan5")}</span>;
}

/**
 * A table of counts: one column of names, one per count. With one count a row it stays a plain
 * two-column table, which fits a phone; with more, a DataTable, drawn as cards on a phone.
 */
function CountTable(props: {
  caption: string;
  first: MessageKey;
  columns: MessageKey[];
  lines: FigureLine[];
  total: Cell[] | null;
  name: (key: string) => string;
}) {
  const { t } = usePage();
  if (props.columns.length === 1)
    return (
      <table class="ds-table chart-table" data-border data-zebra>
        <caption class="ds-sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(props.first)}</th>
            <th scope="col" class="number">
              {t(props.columns[0] as MessageKey)}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.lines.map((l) => (
            <tr>
              <th scope="row">{props.name(l.key)}</th>
              <td class="number">
                <CountCell cell={l.cells[0]} />
              </td>
            </tr>
          ))}
          {props.total && (
            <tr>
              <th scope="row">
                <strong>{t("bridge.figures.total")}</strong>
              </th>
              <td class="number">
                <strong>
                  <CountCell cell={props.total[0]} />
                </strong>
              </td>
            </tr>
          )}
        </tbody>
      </table>
    );
  return (
    <DataTable
      caption={props.caption}
      rows={props.lines}
      columns={[
        { key: "name", label: props.first, cell: (l) => props.name(l.key) },
        ...props.columns.map((label, i) => ({ key: String(i), label, cell: (l: FigureLine) => <CountCell cell={l.cells[i]} /> })),
      ]}
    />
  );
}

export function FiguresPage(props: { figures: BridgeFigures; categories: { code: string; label: string }[]; years: number[] }) {
  const { t, fmt } = usePage();
  const f = props.figures;
  const names = figureLabels(t, props.categories);
  const days = (m: MeetingLine, which: "q1" | "median" | "q3") => (m.days ? fmt.number(m.days[which], 1) : <CountCell cell={m.count} />);
  const shownSources = f.bySource.lines.flatMap((l) => {
    const cell = l.cells[0];
    return cell?.shown ? [{ tick: names.tick(l.key), name: names.source(l.key), value: cell.value }] : [];
  });
  return (
    <div class="stack">
      <Heading>{`${t("bridge.figures.title")} ${f.year}`}</Heading>
      <P>{t("bridge.figures.intro")}</P>
      <form method="get" action="/bridge/figures" class="filters" aria-label={t("bridge.figures.year")}>
        <Select name="year" label="bridge.figures.year" value={String(f.year)} options={props.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <Button variant="secondary">{t("bridge.figures.show")}</Button>
      </form>
      <ul class="figure-downloads">
        <li>
          <Link href={`/bridge/figures.csv?year=${f.year}`}>{t("bridge.figures.csv")}</Link>
        </li>
        <li>
          <Link href={`/bridge/figures/export?year=${f.year}`}>{t("bridge.figures.export")}</Link>
        </li>
      </ul>

      <Heading level={2} size="md">
        {t("bridge.figures.bySource")}
      </Heading>
      <BarChart
        id="bridge-sources"
        title={t("bridge.figures.chartTitle", { year: f.year })}
        valueLabel={t("bridge.figures.referrals")}
        categoryLabel={t("bridge.figures.source")}
        table={false}
        bars={shownSources}
      />
      <P>{t("bridge.figures.chartNote")}</P>
      <CountTable
        caption={t("bridge.figures.bySource")}
        first="bridge.figures.source"
        columns={["bridge.figures.referrals"]}
        lines={f.bySource.lines}
        total={f.bySource.total}
        name={names.source}
      />

      <Heading level={2} size="md">
        {t("bridge.figures.meetings")}
      </Heading>
      <P>{t("bridge.figures.meetingsIntro")}</P>
      <DataTable
        caption={t("bridge.figures.meetings")}
        rows={f.meetings}
        columns={[
          { key: "group", label: "bridge.figures.source", cell: (m) => names.source(m.key) },
          { key: "count", label: "bridge.figures.people", cell: (m) => <CountCell cell={m.count} /> },
          { key: "q1", label: "bridge.figures.q1", cell: (m) => days(m, "q1") },
          { key: "median", label: "bridge.figures.median", cell: (m) => days(m, "median") },
          { key: "q3", label: "bridge.figures.q3", cell: (m) => days(m, "q3") },
        ]}
      />

      <Heading level={2} size="md">
        {t("bridge.figures.stillTakingPart")}
      </Heading>
      <P>{t("bridge.figures.stillIntro")}</P>
      <CountTable
        caption={t("bridge.figures.stillTakingPart")}
        first="bridge.figures.after"
        columns={["bridge.figures.outcome.still_coming", "bridge.figures.outcome.stopped", "bridge.figures.outcome.never_started", "bridge.figures.recorded"]}
        lines={f.stillTakingPart.lines}
        total={null}
        name={names.months}
      />

      <Heading level={2} size="md">
        {t("bridge.figures.byCommunity")}
      </Heading>
      <P>{t("bridge.figures.communityIntro")}</P>
      <CountTable
        caption={t("bridge.figures.byCommunity")}
        first="bridge.figures.community"
        columns={["bridge.figures.people"]}
        lines={f.byCommunity.lines}
        total={null}
        name={names.community}
      />

      <Heading level={2} size="md">
        {t("bridge.figures.byNeed")}
      </Heading>
      <P>{t("bridge.figures.needIntro", { count: f.needsCounted.shown ? fmt.number(f.needsCounted.value) : t("bridge.figures.fewerThan5") })}</P>
      <CountTable
        caption={t("bridge.figures.byNeed")}
        first="bridge.figures.need"
        columns={["bridge.figures.people"]}
        lines={f.byNeed.lines}
        total={null}
        name={names.need}
      />
    </div>
  );
}
