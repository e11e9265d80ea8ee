import { BarChart } from "../../../platform/ui/charts.js";
import { DataTable, Heading, Link, P } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { FigureRow } from "../figures.js";

export function FiguresPage(props: { byMonth: FigureRow[]; byCategory: FigureRow[] }) {
  const { t, fmt } = usePage();
  const count = (n: number) => fmt.number(n);
  const columns = (first: "figures.month" | "opportunity.category", label: (r: FigureRow) => string) => [
    { key: "key", label: first, cell: label },
    { key: "jobs", label: "figures.jobs" as const, cell: (r: FigureRow) => count(r.jobs) },
    { key: "applications", label: "figures.applications" as const, cell: (r: FigureRow) => count(r.applications) },
    { key: "answered", label: "figures.answered" as const, cell: (r: FigureRow) => count(r.answered) },
    {
      key: "median",
      label: "figures.medianDays" as const,
      cell: (r: FigureRow) => (r.medianDaysToAnswer === null ? "–" : fmt.number(r.medianDaysToAnswer, 1)),
    },
    { key: "starts", label: "figures.starts" as const, cell: (r: FigureRow) => count(r.starts) },
  ];
  return (
    <div class="stack">
      <Heading>{t("figures.title")}</Heading>
      <P>
        {t("figures.intro")} <Link href="/opportunities/figures.csv">{t("table.exportCsv")}</Link>
      </P>
      <BarChart
        id="figures-chart"
        title={t("figures.chartTitle")}
        valueLabel={t("figures.applications")}
        categoryLabel={t("figures.month")}
        total
        table={false}
        bars={props.byMonth.map((r) => ({ tick: fmt.monthShort(r.key), name: fmt.month(r.key), value: r.applications }))}
      />
      <Heading level={2} size="md">
        {t("figures.byMonth")}
      </Heading>
      <DataTable caption={t("figures.byMonth")} rows={props.byMonth} columns={columns("figures.month", (r) => fmt.month(r.key))} />
      <Heading level={2} size="md">
        {t("figures.byCategory")}
      </Heading>
      <DataTable caption={t("figures.byCategory")} rows={props.byCategory} columns={columns("opportunity.category", (r) => r.key)} />
    </div>
  );
}
