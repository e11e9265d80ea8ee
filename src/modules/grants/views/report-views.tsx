import type { FieldErrors } from "../../../platform/http/errors.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { Alert, Button, type Column, DataTable, EmptyState, ErrorSummary, Field, Form, Heading, Link, P } from "../../../platform/ui/components.js";
import { Paragraphs } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { accountField, MAX_EXTRA_LINES } from "../after.schema.js";
import { BUDGET_SIDE } from "../answers-summary.js";
import type { AccountLine, ReportStatus } from "../grants.model.js";
import type { ReportCase, ReportOverviewRow, ReportState } from "../reports.js";

const SIDES = ["cost", "income"] as const;

export const reportStatusLabels: Record<ReportStatus, MessageKey> = {
  due: "grants.report.status.due",
  submitted: "grants.report.status.submitted",
  more: "grants.report.status.more",
  approved: "grants.report.status.approved",
};

export const reportStateLabels: Record<ReportState, MessageKey> = {
  submitted: "grants.reports.state.submitted",
  overdue: "grants.reports.state.overdue",
  soon: "grants.reports.state.soon",
  more: "grants.reports.state.more",
  later: "grants.reports.state.later",
  approved: "grants.reports.state.approved",
};

/** The accounts as sent: each line's budget and what it came to, side by side, with the totals. */
function AccountsTable(props: { accounts: { cost: AccountLine[]; income: AccountLine[] }; currency: string }) {
  const { t, fmt } = usePage();
  const money = (m: number) => fmt.money(m, props.currency);
  const sum = (lines: AccountLine[], k: "amount" | "actual") => lines.reduce((s, l) => s + l[k], 0);
  return (
    <table class="ds-table money-table" data-size="sm">
      <caption class="ds-sr-only">{t("grants.report.accounts")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("grants.budget.line")}</th>
          <th scope="col" class="amount">
            {t("grants.report.budgeted")}
          </th>
          <th scope="col" class="amount">
            {t("grants.report.actual")}
          </th>
        </tr>
      </thead>
      <tbody>
        {SIDES.flatMap((side) => [
          ...props.accounts[side].map((l) => (
            <tr>
              <td>
                {t(BUDGET_SIDE[side])}: {l.label}
              </td>
              <td class="amount">{money(l.amount)}</td>
              <td class="amount">{money(l.actual)}</td>
            </tr>
          )),
          <tr>
            <th scope="row">{t(side === "cost" ? "grants.budget.totalCost" : "grants.budget.totalIncome")}</th>
            <td class="amount">{money(sum(props.accounts[side], "amount"))}</td>
            <td class="amount">{money(sum(props.accounts[side], "actual"))}</td>
          </tr>,
        ])}
      </tbody>
    </table>
  );
}

/** The board's form: what the scheme asks for, the accounts against the budget, kept or sent. */
function ReportForm(props: { c: ReportCase; values: Record<string, string>; errors: FieldErrors }) {
  const { t, fmt } = usePage();
  const { c, values: v, errors: e } = props;
  const demands = new Set(c.scheme.reportDemands);
  const money = (m: number) => fmt.money(m, c.currency);
  const extras = (side: "cost" | "income") => {
    let kept = 0;
    for (let i = 0; i < MAX_EXTRA_LINES; i++) if (v[accountField.extraLabel(side, i)] || v[accountField.extraActual(side, i)]) kept = i + 1;
    return Math.min(MAX_EXTRA_LINES, kept + 2);
  };
  return (
    <Form action={`/grants/applications/${c.application.id}/report`} aria-label={t("grants.report.formLabel")}>
      {demands.has("activities") && (
        <Field
          name="whatWasDone"
          label="grants.report.whatWasDone"
          hint="grants.report.whatWasDone.hint"
          multiline
          value={v.whatWasDone}
          error={e.whatWasDone}
          required
        />
      )}
      {demands.has("participants") && (
        <Field
          name="participants"
          label="grants.report.participants"
          hint="grants.report.participants.hint"
          value={v.participants}
          error={e.participants}
          required
        />
      )}
      {demands.has("hours") && (
        <Field name="volunteerHours" label="grants.report.hours" hint="grants.report.hours.hint" value={v.volunteerHours} error={e.volunteerHours} required />
      )}
      {demands.has("accounts") &&
        SIDES.map((side) => (
          <fieldset class="ds-fieldset stack">
            <legend class="ds-label">{t(side === "cost" ? "grants.report.costs" : "grants.report.incomes")}</legend>
            <P>{t(side === "cost" ? "grants.report.costs.hint" : "grants.report.incomes.hint")}</P>
            {c.budget[side].map((line, i) => (
              <Field
                name={accountField.actual(side, i)}
                label={{ text: t("grants.report.lineActual", { line: line.label, budget: money(line.amount) }) }}
                value={v[accountField.actual(side, i)]}
                error={e[accountField.actual(side, i)]}
                required
              />
            ))}
            {Array.from({ length: extras(side) }, (_, i) => (
              <div class="stack">
                <Field
                  name={accountField.extraLabel(side, i)}
                  label={{ text: t("grants.report.extraLabel", { n: i + 1 }) }}
                  value={v[accountField.extraLabel(side, i)]}
                  error={e[accountField.extraLabel(side, i)]}
                />
                <Field
                  name={accountField.extraActual(side, i)}
                  label={{ text: t("grants.report.extraActual", { n: i + 1 }) }}
                  value={v[accountField.extraActual(side, i)]}
                  error={e[accountField.extraActual(side, i)]}
                />
              </div>
            ))}
          </fieldset>
        ))}
      <div class="actions">
        <Button name="intent" value="send">
          {t("grants.report.send")}
        </Button>
        <Button name="intent" value="save" variant="secondary">
          {t("grants.report.save")}
        </Button>
      </div>
    </Form>
  );
}

/** The report as sent, read only. */
function ReportRead(props: { c: ReportCase }) {
  const { t, fmt } = usePage();
  const { c } = props;
  const r = c.report;
  const demands = new Set(c.scheme.reportDemands);
  const money = (m: number) => fmt.money(m, c.currency);
  return (
    <section class="ds-card stack" aria-labelledby="report-sent">
      <h2 class="ds-heading" data-size="sm" id="report-sent">
        {t("grants.report.sent", { date: r.submittedAt ? fmt.date(r.submittedAt) : "" })}
      </h2>
      <dl class="stacked-facts">
        {demands.has("participants") && (
          <>
            <dt>{t("grants.report.participants")}</dt>
            <dd>{r.participants === null ? "–" : fmt.number(r.participants, 0)}</dd>
          </>
        )}
        {demands.has("hours") && (
          <>
            <dt>{t("grants.report.hours")}</dt>
            <dd>{r.volunteerHours === null ? "–" : fmt.number(r.volunteerHours, 0)}</dd>
          </>
        )}
        {r.spent !== null && (
          <>
            <dt>{t("grants.report.spent")}</dt>
            <dd>{money(r.spent)}</dd>
          </>
        )}
      </dl>
      {demands.has("activities") && (
        <>
          <Heading level={3} size="sm">
            {t("grants.report.whatWasDone")}
          </Heading>
          <Paragraphs text={r.whatWasDone || "–"} />
        </>
      )}
      {demands.has("accounts") && <AccountsTable accounts={r.accounts} currency={c.currency} />}
    </section>
  );
}

/** The money owed back, if any: what the board must pay, and whether it has come in. */
function Repayment(props: { c: ReportCase }) {
  const { t, fmt } = usePage();
  const { c } = props;
  const owed = c.report.toRepay ?? 0;
  if (owed <= 0) return null;
  const amount = fmt.money(owed, c.currency);
  return (
    <Alert color={c.report.repaidAt ? "success" : "warning"}>
      <P>
        {c.report.repaidAt
          ? t("grants.report.repaid", { amount, date: fmt.date(c.report.repaidAt) })
          : t(c.asBoard ? "grants.report.toRepay.board" : "grants.report.toRepay.staff", { amount })}
      </P>
      {c.mayRecordRepaid && (
        <Form action={`/grants/applications/${c.application.id}/report/repaid`} class="actions">
          <Button variant="secondary">{t("grants.report.recordRepaid")}</Button>
        </Form>
      )}
    </Alert>
  );
}

/** The report page: the board fills in and sends; a caseworker reads, approves or asks for more. */
export function ReportPage(props: {
  c: ReportCase;
  values: Record<string, string>;
  errors?: FieldErrors;
  reviewValues?: { note?: string };
  reviewErrors?: FieldErrors;
}) {
  const { t, fmt } = usePage();
  const { c } = props;
  const r = c.report;
  const errors = { ...(props.errors ?? {}), ...(props.reviewErrors ?? {}) };
  const title = c.application.title;
  return (
    <div class="stack">
      <P>
        <Link href={c.asBoard ? "/grants/mine" : "/grants/reports"}>{t(c.asBoard ? "grants.report.backMine" : "grants.report.backList")}</Link>
      </P>
      <Heading>{t("grants.report.title", { title })}</Heading>
      <ErrorSummary errors={errors} />
      <dl class="event-card-facts">
        <dt>{t("grants.report.reference")}</dt>
        <dd>{c.application.reference}</dd>
        <dt>{t("grants.report.granted")}</dt>
        <dd>{fmt.money(c.application.grantedAmount ?? 0, c.currency)}</dd>
        <dt>{t("grants.report.dueOn")}</dt>
        <dd>{fmt.date(r.dueOn)}</dd>
        <dt>{t("grants.report.status")}</dt>
        <dd>{t(reportStatusLabels[r.status])}</dd>
      </dl>
      {r.status === "more" && r.reviewNote && (
        <Alert color="warning">
          <P>{t("grants.report.moreAsked")}</P>
          <Paragraphs text={r.reviewNote} />
        </Alert>
      )}
      {r.status === "approved" && <Alert color="success">{t("grants.report.approvedOn", { date: r.reviewedAt ? fmt.date(r.reviewedAt) : "" })}</Alert>}
      {r.status === "submitted" && c.asBoard && <Alert color="info">{t("grants.report.waiting")}</Alert>}
      <Repayment c={c} />
      {c.mayEdit ? (
        <>
          <P>{t("grants.report.intro", { date: fmt.date(r.dueOn) })}</P>
          <ReportForm c={c} values={props.values} errors={props.errors ?? {}} />
        </>
      ) : r.status === "due" ? (
        <P>{t("grants.report.notYet")}</P>
      ) : (
        <ReportRead c={c} />
      )}
      {c.mayReview && (
        <section class="ds-card stack" aria-labelledby="review-heading">
          <h2 class="ds-heading" data-size="sm" id="review-heading">
            {t("grants.report.review")}
          </h2>
          <Form action={`/grants/applications/${c.application.id}/report/review`} aria-label={t("grants.report.review")}>
            <Field
              name="note"
              label="grants.report.note"
              hint="grants.report.note.hint"
              multiline
              value={props.reviewValues?.note}
              error={props.reviewErrors?.note}
            />
            <div class="actions">
              <Button name="decision" value="approve">
                {t("grants.report.approve")}
              </Button>
              <Button name="decision" value="more" variant="secondary">
                {t("grants.report.askMore")}
              </Button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}

/** The caseworker's reports, grouped by where they stand. */
export function ReportsPage(props: { rows: ReportOverviewRow[]; currency: string }) {
  const { t, fmt } = usePage();
  const columns: Column<ReportOverviewRow>[] = [
    {
      key: "association",
      label: "grants.reports.association",
      cell: (r) => <Link href={`/grants/applications/${r.applicationId}/report`}>{r.associationName}</Link>,
    },
    { key: "grant", label: "grants.reports.grant", cell: (r) => `${r.reference} · ${r.title} · ${fmt.money(r.grantedAmount, props.currency)}` },
    { key: "due", label: "grants.report.dueOn", cell: (r) => fmt.date(r.dueOn) },
    {
      key: "repay",
      label: "grants.reports.toRepay",
      cell: (r) => (r.toRepay && r.toRepay > 0 ? `${fmt.money(r.toRepay, props.currency)}${r.repaidAt ? ` · ${t("grants.reports.repaid")}` : ""}` : "–"),
    },
  ];
  const order: ReportState[] = ["submitted", "overdue", "soon", "more", "later", "approved"];
  return (
    <div class="stack">
      <Heading>{t("grants.reports.title")}</Heading>
      <P>{t("grants.reports.intro")}</P>
      {props.rows.length === 0 ? (
        <EmptyState title="grants.reports.none" />
      ) : (
        <>
          {order.map((state) => {
            const rows = props.rows.filter((r) => r.state === state);
            if (rows.length === 0) return null;
            return (
              <section class="stack" aria-labelledby={`state-${state}`}>
                <h2 class="ds-heading" data-size="sm" id={`state-${state}`}>
                  {t(reportStateLabels[state], { count: rows.length })}
                </h2>
                <DataTable caption={t(reportStateLabels[state], { count: rows.length })} columns={columns} rows={rows} />
              </section>
            );
          })}
          <P>
            <Link href="/grants/reports.csv" download>
              {t("grants.reports.csv")}
            </Link>
          </P>
        </>
      )}
    </div>
  );
}
