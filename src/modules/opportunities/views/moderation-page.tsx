import { DecisionCard, EmptyState, Heading } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { Opportunity } from "../opportunities.model.js";

export function ModerationPage(props: { rows: Opportunity[] }) {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("moderation.title")}</Heading>
      {props.rows.length === 0 ? (
        <EmptyState title="moderation.empty" />
      ) : (
        props.rows.map((o) => (
          <DecisionCard id={o.id} title={o.title} href={`/opportunities/${o.id}`} from={o.associationName} action={`/opportunities/${o.id}/decision`} />
        ))
      )}
    </div>
  );
}
