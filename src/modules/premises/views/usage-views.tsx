import { BarChart } from "../../../platform/ui/charts.js";
import { Button, DataTable, Field, Heading, Link, P } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { UsageRow } from "../usage.js";

/** The use of premises: open hours against booked hours, by premise and by week. */
export function UsagePage(props: { from: string; to: string; rows: UsageRow[]; weeks: { week: string; openHours: number; bookedHours: number }[] }) {
  const { t, fmt } = usePage();
  const query = `from=${props.from}&to=${props.to}`;
  return (
    <div class="stack">
      <Heading>{t("usage.title")}</Heading>
      <P>{t("usage.intro")}</P>
      <form method="get" action="/premises/usage" class="filters" aria-label={t("usage.period")}>
        <Field name="from" label="usage.from" type="date" value={props.from} />
        <Field name="to" label="usage.to" type="date" value={props.to} />
        <Button variant="secondary">{t("usage.show")}</Button>
      </form>
      <BarChart
        id="usage-chart"
        title={t("usage.chartTitle")}
        valueLabel={t("usage.share")}
        categoryLabel={t("usage.week")}
        format={(v) => fmt.percent(v, 1)}
        bars={props.weeks.map((w) => ({
          tick: fmt.dayMonth(w.week),
          name: t("premises.week", { date: fmt.date(w.week) }),
          value: w.openHours > 0 ? Math.round((w.bookedHours / w.openHours) * 1000) / 1000 : 0,
        }))}
      />
      <Link href={`/premises/usage.csv?${query}`}>{t("table.exportCsv")}</Link>
      <DataTable
        caption={t("usage.title")}
        rows={props.rows}
        columns={[
          { key: "name", label: "premises.room", cell: (r) => <Link href={`/premises/${r.premiseId}`}>{r.name}</Link> },
          { key: "building", label: "premises.partOf", cell: (r) => r.building },
          { key: "open", label: "usage.openHours", cell: (r) => fmt.number(r.openHours, 1) },
          { key: "booked", label: "usage.bookedHours", cell: (r) => fmt.number(r.bookedHours, 1) },
          { key: "share", label: "usage.share", cell: (r) => fmt.percent(r.share) },
          { key: "cancelled", label: "usage.cancelled", cell: (r) => fmt.number(r.cancelled) },
          { key: "noShows", label: "usage.noShows", cell: (r) => fmt.number(r.noShows) },
        ]}
      />
    </div>
  );
}
