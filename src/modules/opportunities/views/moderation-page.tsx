import type { PendingChange } from "../../../platform/moderation/pending-change.js";
import { ChangeList } from "../../../platform/ui/changes.js";
import { DecisionCard, EmptyState, Heading } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { Term } from "../../taxonomy/index.js";
import type { ChecklistItem } from "../checklist.js";
import type { Opportunity, Posting } from "../opportunities.model.js";
import { usePostingChangeRows } from "./posting-changes.js";

/** Staff's queue of postings: new ones with their text and checklist, changes to published ones as a difference. */
export function ModerationPage(props: {
  rows: { o: Opportunity; change: PendingChange<Posting> | null; checklist: { items: ChecklistItem[]; score: number } }[];
  categories: Term[];
}) {
  const { t } = usePage();
  const changeRows = usePostingChangeRows();
  return (
    <div class="stack moderation">
      <Heading>{t("moderation.title")}</Heading>
      {props.rows.length === 0 ? (
        <EmptyState title="moderation.empty" />
      ) : (
        props.rows.map(({ o, change, checklist }) => {
          const shown = change?.content ?? o;
          return (
            <DecisionCard
              item={{
                id: o.id,
                kind: t(change ? "moderation.kind.change" : "moderation.kind.new"),
                title: shown.title,
                href: `/opportunities/${o.id}`,
                association: o.associationName,
                person: shown.contactName,
                sent: change?.since ?? o.updatedAt,
                excerpt: change ? undefined : o.tasks,
                checklist: { score: checklist.score, items: checklist.items.map((i) => ({ label: t(i.key), ok: i.ok })) },
                action: `/opportunities/${o.id}/decision`,
              }}
            >
              {change && <ChangeList id={o.id} rows={changeRows(o, change.content, props.categories)} />}
            </DecisionCard>
          );
        })
      )}
    </div>
  );
}
