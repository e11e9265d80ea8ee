import { usePage } from "../../../platform/ui/page-context.js";
import { BUDGET_SIDE, type SummarySection } from "../answers-summary.js";

/** An application's answers, read only: each section a heading with its answers, a budget as a small table. */
export function AnswersSummary(props: { sections: readonly SummarySection[]; currency: string; headingLevel?: 2 | 3 }) {
  const { t, fmt } = usePage();
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  return (
    <div class="answers-summary">
      {props.sections.map((s) => (
        <section>
          <Heading class="ds-heading" data-size="xs">
            {s.title}
          </Heading>
          <dl class="stacked-facts">
            {s.rows.map((r) =>
              r.kind === "text" ? (
                <>
                  <dt>{r.label}</dt>
                  <dd class="pre-line">{r.text}</dd>
                </>
              ) : (
                <>
                  <dt>{r.label}</dt>
                  <dd>
                    <table class="ds-table" data-size="sm">
                      <caption class="ds-sr-only">{r.label}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("grants.budget.line")}</th>
                          <th scope="col" class="amount">
                            {t("grants.budget.amount")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {(["cost", "income"] as const).flatMap((kind) =>
                          r.budget[kind].map((l) => (
                            <tr>
                              <td>
                                {t(BUDGET_SIDE[kind])}: {l.label}
                              </td>
                              <td class="amount">{fmt.money(l.amount, props.currency)}</td>
                            </tr>
                          )),
                        )}
                        <tr>
                          <th scope="row">{t("grants.budget.totalCost")}</th>
                          <td class="amount">{fmt.money(r.totals.cost, props.currency)}</td>
                        </tr>
                        <tr>
                          <th scope="row">{t("grants.budget.totalIncome")}</th>
                          <td class="amount">{fmt.money(r.totals.income, props.currency)}</td>
                        </tr>
                      </tbody>
                    </table>
                  </dd>
                </>
              ),
            )}
          </dl>
        </section>
      ))}
    </div>
  );
}
