import { ButtonLink, DataTable, EmptyState, Heading, Link } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { statusLabels } from "../opportunities.labels.js";
import type { AssociationOpportunity } from "../opportunities.model.js";

export function AssociationOpportunitiesPage(props: { associationId: string; rows: AssociationOpportunity[] }) {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("opportunity.mine.title")}</Heading>
      <div class="actions">
        <ButtonLink href={`/opportunities/new?association=${props.associationId}`} variant="primary">
          {t("opportunity.new.title")}
        </ButtonLink>
      </div>
      {props.rows.length === 0 ? (
        <EmptyState title="opportunity.mine.empty" />
      ) : (
        <DataTable
          caption={t("opportunity.mine.title")}
          rows={props.rows}
          columns={[
            { key: "title", label: "opportunity.title", cell: (o) => <Link href={`/opportunities/${o.id}`}>{o.title}</Link> },
            { key: "status", label: "apiTokens.state", cell: (o) => t(statusLabels[o.status]) },
            { key: "expires", label: "opportunity.expiresOn", cell: (o) => o.expiresOn },
            {
              key: "applications",
              label: "application.list.title",
              cell: (o) => <Link href={`/opportunities/${o.id}/applications`}>{t("application.count", { count: o.applications })}</Link>,
            },
            {
              key: "copy",
              label: "opportunity.copy",
              cell: (o) => (
                <Link href={`/opportunities/new?association=${props.associationId}&from=${o.id}`}>
                  {t("opportunity.copyNamed")}
                  <span class="ds-sr-only"> {o.title}</span>
                </Link>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
