import { Heading, Link, P } from "../../../platform/ui/components.js";
import { Breadcrumbs, FactBox } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { AwardedGrant, Round, Scheme } from "../grants.model.js";

/** The grants a round made, for everyone: who got what, the total, and the same list as open data. */
export function AwardedPage(props: { round: Round; scheme: Scheme; grants: AwardedGrant[]; currency: string }) {
  const { t, fmt } = usePage();
  const { round, scheme, grants, currency } = props;
  const total = grants.reduce((sum, g) => sum + g.amount, 0);
  return (
    <div class="stack">
      <Breadcrumbs trail={[{ href: "/grants", label: t("grants.awarded.schemes"), back: t("grants.awarded.back") }]} current={round.title} />
      <header class="stack">
        <Heading>{t("grants.awarded.title", { round: round.title })}</Heading>
        <P>{t("grants.awarded.intro", { scheme: scheme.title, body: round.decisionBody })}</P>
      </header>
      <FactBox
        facts={[
          ["grants.awarded.scheme", scheme.title],
          ["grants.awarded.budget", fmt.money(round.budget, currency)],
          ["grants.awarded.decidedOn", round.decidedAt && fmt.date(round.decidedAt)],
          ["grants.awarded.count", String(grants.length)],
          ["grants.awarded.total", fmt.money(total, currency)],
        ]}
      />
      <section class="stack" aria-labelledby="awarded-heading">
        <h2 class="ds-heading" data-size="md" id="awarded-heading">
          {t("grants.awarded.list")}
        </h2>
        {grants.length === 0 ? (
          <P>{t("grants.awarded.none")}</P>
        ) : (
          <table class="ds-table data-table" data-border data-zebra>
            <caption class="ds-sr-only">{t("grants.awarded.list")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("grants.awarded.association")}</th>
                <th scope="col">{t("grants.awarded.project")}</th>
                <th scope="col" class="amount">
                  {t("grants.awarded.amount")}
                </th>
              </tr>
            </thead>
            <tbody>
              {grants.map((g) => (
                <tr>
                  <td data-label={t("grants.awarded.association")}>{g.associationName}</td>
                  <td data-label={t("grants.awarded.project")}>{g.title}</td>
                  <td data-label={t("grants.awarded.amount")} class="amount">
                    {fmt.money(g.amount, currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {grants.length > 0 && (
          <P>
            <strong>{t("grants.awarded.totalOf", { count: grants.length, total: fmt.money(total, currency) })}</strong>
          </P>
        )}
      </section>
      <section class="stack" aria-labelledby="open-data-heading">
        <h2 class="ds-heading" data-size="sm" id="open-data-heading">
          {t("grants.awarded.openData")}
        </h2>
        <P>{t("grants.awarded.openDataText")}</P>
        <ul class="ds-list">
          <li>
            <Link href="/open-data/360giving.json">{t("grants.awarded.json")}</Link>
          </li>
          <li>
            <Link href="/open-data/360giving.csv">{t("grants.awarded.csv")}</Link>
          </li>
        </ul>
      </section>
    </div>
  );
}
