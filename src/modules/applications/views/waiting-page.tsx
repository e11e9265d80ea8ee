import { DataTable, EmptyState, Heading, Link, P } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { WaitingApplicant } from "../applications.model.js";

export function WaitingPage(props: { rows: WaitingApplicant[] }) {
  const { t, fmt } = usePage();
  return (
    <div class="stack">
      <Heading>{t("waiting.title")}</Heading>
      <P>{t("waiting.intro")}</P>
      {props.rows.length > 0 && <Link href="/opportunities/waiting.csv">{t("table.exportCsv")}</Link>}
      {props.rows.length === 0 ? (
        <EmptyState title="waiting.empty" />
      ) : (
        <DataTable
          caption={t("waiting.title")}
          rows={props.rows}
          columns={[
            { key: "name", label: "auth.name", cell: (r) => <Link href={`/opportunities/${r.opportunityId}/applications/${r.id}`}>{r.name}</Link> },
            { key: "title", label: "opportunity.title", cell: (r) => r.title },
            { key: "association", label: "association.name", cell: (r) => r.associationName },
            { key: "since", label: "waiting.since", cell: (r) => (r.confirmedAt ? fmt.dateTime(r.confirmedAt) : "") },
          ]}
        />
      )}
    </div>
  );
}
