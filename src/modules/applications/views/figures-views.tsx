import { BarChart, DataTable, Heading, Link, P } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { type FigureRow, monthName, monthOnly } from "../figures.js";

export function FiguresPage(props: { byMonth: FigureRow[]; byCategory: FigureRow[] }) {
  const { t, lang } = usePage();
  const columns = (first: "figures.month" | "opportunity.category", label: (r: FigureRow) => string) => [
    { key: "key", label: first, cell: label },
    { key: "jobs", label: "figures.jobs" as const, cell: (r: FigureRow) => String(r.jobs) },
    { key: "applications", label: "figures.applications" as const, cell: (r: FigureRow) => String(r.applications) },
    { key: "answered", label: "figures.answered" as const, cell: (r: FigureRow) => String(r.answered) },
    {
      key: "median",
      label: "figures.medianDays" as const,
      cell: (r: FigureRow) => (r.medianDaysToAnswer === null ? "–" : r.medianDaysToAnswer.toLocaleString(lang)),
    },
    { key: "starts", label: "figures.starts" as const, cell: (r: FigureRow) => String(r.starts) },
  ];
  return (
    <div class="stack">
      <Heading>{t("figures.title")}</Heading>
      <P>
        {t("figures.intro")} <Link href="/opportunities/figures.csv">{t("table.exportCsv")}</Link>
      </P>
      <BarChart caption={t("figures.chart")} bars={props.byMonth.map((r) => ({ label: monthOnly(lang, r.key), value: r.applications }))} />
      <Heading level={2} size="md">
        {t("figures.byMonth")}
      </Heading>
      <DataTable caption={t("figures.byMonth")} rows={props.byMonth} columns={columns("figures.month", (r) => monthName(lang, r.key))} />
      <Heading level={2} size="md">
        {t("figures.byCategory")}
      </Heading>
      <DataTable caption={t("figures.byCategory")} rows={props.byCategory} columns={columns("opportunity.category", (r) => r.key)} />
    </div>
  );
}
