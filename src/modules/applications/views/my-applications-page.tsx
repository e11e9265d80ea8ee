import { ButtonLink, DataTable, EmptyState, Heading, Link } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { stepLabels } from "../applications.labels.js";
import type { MyApplication } from "../applications.model.js";

export function MyApplicationsPage(props: { rows: MyApplication[] }) {
  const { t, fmt } = usePage();
  return (
    <div class="stack">
      <Heading>{t("application.mine.title")}</Heading>
      {props.rows.length === 0 ? (
        <EmptyState title="application.mine.empty" action={<ButtonLink href="/opportunities">{t("opportunity.list.title")}</ButtonLink>} />
      ) : (
        <DataTable
          caption={t("application.mine.title")}
          rows={props.rows}
          columns={[
            { key: "title", label: "opportunity.title", cell: (r) => <Link href={`/opportunities/${r.opportunityId}`}>{r.title}</Link> },
            { key: "association", label: "association.name", cell: (r) => r.associationName },
            { key: "when", label: "table.created", cell: (r) => fmt.dateTime(r.createdAt) },
            { key: "status", label: "application.status", cell: (r) => t(stepLabels[r.status]) },
          ]}
        />
      )}
    </div>
  );
}
