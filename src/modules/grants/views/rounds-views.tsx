import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { ButtonLink, DataTable, EmptyState, Heading, P } from "../../../platform/ui/components.js";
import { Breadcrumbs } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { CaseRow, caseList, RoundTally, roundsToWork } from "../case-list.js";
import { STATUS_LABELS } from "./assess-views.js";

function RoundCards(props: { id: string; title: MessageKey; tallies: RoundTally[]; currency: string; caseworker: boolean }) {
  const { t, fmt } = usePage();
  if (props.tallies.length === 0) return null;
  return (
    <section class="stack" aria-labelledby={`${props.id}-heading`}>
      <h2 class="ds-heading" data-size="md" id={`${props.id}-heading`}>
        {t(props.title)}
      </h2>
      <ul class="ds-list detail-list stack">
        {props.tallies.map((r) => {
          const href = props.caseworker ? `/grants/rounds/${r.round.id}/applications` : `/grants/rounds/${r.round.id}/committee`;
          return (
            <li class="ds-card stack">
              <h3 class="ds-heading" data-size="sm">
                <a class="ds-link" href={href}>
                  {r.round.title}
                </a>
              </h3>
              <P>
                {r.scheme?.title}
                {" · "}
                {r.deadline ? t("grants.rounds.deadline", { date: fmt.when(r.deadline) }) : t("grants.rounds.allYear")}
                {" · "}
                {t("grants.rounds.budget", { amount: fmt.money(r.round.budget, props.currency) })}
              </P>
              <P>{t("grants.rounds.counts", { submitted: r.submitted, assessed: r.assessed, questioned: r.questioned })}</P>
              {props.caseworker && r.round.status !== "open" && (
                <div class="actions">
                  <ButtonLink href={`/grants/rounds/${r.round.id}/committee`} variant="tertiary">
                    {t("grants.rounds.committee")}
                  </ButtonLink>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The rounds to work on: open ones, those for decision, and those decided. */
export function RoundsPage(props: { data: Awaited<ReturnType<typeof roundsToWork>> }) {
  const { t } = usePage();
  const { data } = props;
  const empty = data.open.length + data.deciding.length + data.decided.length === 0;
  return (
    <div class="stack">
      <Heading>{t("grants.rounds.title")}</Heading>
      <P>{t(data.caseworker ? "grants.rounds.intro" : "grants.rounds.introCommittee")}</P>
      {empty ? (
        <EmptyState title="grants.rounds.empty" text={data.caseworker ? "grants.rounds.emptyText" : "grants.rounds.emptyCommittee"} />
      ) : (
        <>
          <RoundCards id="open" title="grants.rounds.open" tallies={data.open} currency={data.currency} caseworker={data.caseworker} />
          <RoundCards id="deciding" title="grants.rounds.deciding" tallies={data.deciding} currency={data.currency} caseworker={data.caseworker} />
          <RoundCards id="decided" title="grants.rounds.decided" tallies={data.decided} currency={data.currency} caseworker={data.caseworker} />
        </>
      )}
    </div>
  );
}

/** The caseworker's list of a round's applications, with the sums against the budget and a CSV export. */
export function CaseListPage(props: { data: Awaited<ReturnType<typeof caseList>> }) {
  const { t, fmt } = usePage();
  const { round, scheme, rows, currency, requested, recommended } = props.data;
  const money = (minor: number) => fmt.money(minor, currency);
  return (
    <div class="stack">
      <Breadcrumbs trail={[{ href: "/grants/rounds", label: t("grants.rounds.title") }]} current={round.title} />
      <Heading>{round.title}</Heading>
      <P>
        {scheme.title} · {t("grants.rounds.budget", { amount: money(round.budget) })}
      </P>
      {rows.length === 0 ? (
        <EmptyState title="grants.cases.empty" text="grants.cases.emptyText" />
      ) : (
        <>
          <div class="actions">
            <ButtonLink href={`/grants/rounds/${round.id}/applications.csv`}>{t("grants.cases.export")}</ButtonLink>
          </div>
          <DataTable<CaseRow>
            caption={t("grants.cases.caption", { round: round.title })}
            rows={rows}
            columns={[
              {
                key: "reference",
                label: "grants.cases.reference",
                cell: (r) => (
                  <a class="ds-link" href={`/grants/applications/${r.application.id}/assess`}>
                    {r.application.reference}
                  </a>
                ),
              },
              { key: "association", label: "grants.cases.association", cell: (r) => r.associationName },
              { key: "title", label: "grants.cases.title", cell: (r) => r.application.title },
              { key: "requested", label: "grants.cases.requested", cell: (r) => money(r.application.amountRequested) },
              { key: "status", label: "grants.cases.status", cell: (r) => t(STATUS_LABELS[r.application.status]) },
              {
                key: "eligibility",
                label: "grants.cases.eligibility",
                cell: (r) =>
                  r.application.eligibility?.verdict
                    ? t(r.application.eligibility.verdict === "eligible" ? "grants.assess.verdict.eligible" : "grants.assess.verdict.notEligible")
                    : t(r.checksOk === false ? "grants.cases.checksFailed" : "grants.cases.noVerdict"),
              },
              {
                key: "score",
                label: "grants.cases.score",
                cell: (r) => (r.weighted === null ? t("grants.assess.notScored") : t("grants.cases.scoreOf", { n: r.weighted, reviewers: r.reviewers })),
              },
              {
                key: "recommended",
                label: "grants.cases.recommended",
                cell: (r) => (r.application.recommendedAmount === null ? "–" : money(r.application.recommendedAmount)),
              },
            ]}
          />
          <section class="ds-card detail-facts" aria-labelledby="sums-heading">
            <h2 class="ds-heading" data-size="xs" id="sums-heading">
              {t("grants.cases.sums")}
            </h2>
            <dl>
              <div class="detail-fact">
                <dt>{t("grants.cases.sumRequested")}</dt>
                <dd>{money(requested)}</dd>
              </div>
              <div class="detail-fact">
                <dt>{t("grants.cases.sumRecommended")}</dt>
                <dd>{money(recommended)}</dd>
              </div>
              <div class="detail-fact">
                <dt>{t("grants.cases.budget")}</dt>
                <dd>
                  {money(round.budget)}
                  {recommended > round.budget && (
                    <>
                      {" "}
                      <span class="ds-tag" data-color="warning">
                        {t("grants.cases.overBudget", { amount: money(recommended - round.budget) })}
                      </span>
                    </>
                  )}
                </dd>
              </div>
            </dl>
          </section>
        </>
      )}
    </div>
  );
}
