import { EmptyState, Heading, Link, P, Pagination } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { Opportunity } from "../opportunities.model.js";
import { TimeLine } from "./posting-body.js";

export function OpportunityListPage(props: { rows: Opportunity[]; total: number; page: number; pages: number }) {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("opportunity.list.title")}</Heading>
      <P>{t("opportunity.list.intro")}</P>
      {props.rows.length === 0 ? (
        <EmptyState title="opportunity.list.empty" text="opportunity.list.emptyText" />
      ) : (
        <>
          <P>{t("table.count", { count: props.total })}</P>
          <ul class="ds-list--unstyled stack">
            {props.rows.map((o) => (
              <li class="ds-card">
                <h2 class="ds-heading" data-size="sm">
                  <Link href={`/opportunities/${o.id}`}>{o.title}</Link>
                </h2>
                <P>
                  {o.associationName} · <TimeLine o={o} /> · {o.remote ? t("opportunity.remote") : o.place}
                </P>
              </li>
            ))}
          </ul>
          <Pagination page={props.page} pages={props.pages} href={(page) => `/opportunities?page=${page}`} />
        </>
      )}
    </div>
  );
}
