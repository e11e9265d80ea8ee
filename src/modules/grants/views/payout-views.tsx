import type { FieldErrors } from "../../../platform/http/errors.js";
import { moneyText } from "../../../platform/http/fields.js";
import {
  Alert,
  Button,
  type Column,
  DataTable,
  EmptyState,
  ErrorSummary,
  Field,
  Form,
  Heading,
  Link,
  P,
  ValidationMessage,
} from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { MAX_INSTALMENTS } from "../after.schema.js";
import type { Payout, Round } from "../grants.model.js";
import type { PayoutCase } from "../payouts.js";

export interface PlanForm {
  applicationId?: string;
  amount?: string;
  how?: string;
  count?: string;
  date1?: string;
  date2?: string;
  date3?: string;
  date4?: string;
}

interface PayoutRow {
  c: PayoutCase;
  p: Payout;
}

function PlanPayouts(props: { roundId: string; c: PayoutCase; values: PlanForm; errors: FieldErrors }) {
  const { t, lang } = usePage();
  const { c, errors } = props;
  const mine = props.values.applicationId === c.application.id;
  const v = mine ? props.values : {};
  const e = mine ? errors : {};
  const how = v.how ?? "once";
  // The form shown again with errors keeps the plain ids the error summary links to; the others are told apart by the application.
  const id = mine ? "" : `-${c.application.id}`;
  return (
    <Form action={`/grants/rounds/${props.roundId}/payouts`} aria-label={t("grants.payouts.plan.for", { name: c.associationName })}>
      <input type="hidden" name="applicationId" value={c.application.id} />
      <Field
        name="amount"
        id={`f-amount${id}`}
        label="grants.payouts.amount"
        hint="grants.payouts.amount.hint"
        value={v.amount ?? moneyText(c.left, lang)}
        error={e.amount}
        required
      />
      <fieldset class="ds-fieldset">
        <legend class="ds-label">{t("grants.payouts.how")}</legend>
        {(["once", "instalments"] as const).map((h) => (
          <div class="ds-field">
            <input class="ds-input" type="radio" name="how" value={h} id={h === "once" ? `f-how${id}` : `f-how-${h}${id}`} checked={how === h} />
            <label class="ds-label" for={h === "once" ? `f-how${id}` : `f-how-${h}${id}`}>
              {t(h === "once" ? "grants.payouts.once" : "grants.payouts.instalments")}
            </label>
          </div>
        ))}
      </fieldset>
      <div class="ds-field">
        <label class="ds-label" for={`f-count${id}`}>
          {t("grants.payouts.count")}
        </label>
        <select class="ds-input" id={`f-count${id}`} name="count" aria-invalid={e.count ? "true" : undefined}>
          {[2, 3, 4].map((n) => (
            <option value={String(n)} selected={String(n) === (v.count ?? "2")}>
              {n}
            </option>
          ))}
        </select>
        <ValidationMessage error={e.count} />
      </div>
      <details class="stack" open={Object.keys(e).some((k) => k.startsWith("date")) || undefined}>
        <summary>{t("grants.payouts.dates")}</summary>
        <P>{t("grants.payouts.dates.hint")}</P>
        {Array.from({ length: MAX_INSTALMENTS }, (_, i) => {
          const name = `date${i + 1}` as "date1";
          return (
            <Field
              name={name}
              id={`f-${name}${id}`}
              type="date"
              label={{ text: t("grants.payouts.dateN", { n: i + 1 }) }}
              value={v[name] ?? ""}
              error={e[name]}
            />
          );
        })}
      </details>
      <div class="actions">
        <Button variant="secondary">{t(c.payouts.length > 0 ? "grants.payouts.replan" : "grants.payouts.planButton")}</Button>
      </div>
    </Form>
  );
}

/** A decided round's grants to pay: each with its sum, what is planned and paid, and a plan form; then the payouts to mark paid. */
export function PayoutsPage(props: {
  round: Round;
  cases: PayoutCase[];
  today: string;
  currency: string;
  values?: PlanForm;
  errors?: FieldErrors;
  paidErrors?: FieldErrors;
}) {
  const { t, fmt } = usePage();
  const errors = props.errors ?? {};
  const paidErrors = props.paidErrors ?? {};
  const money = (minor: number) => fmt.money(minor, props.currency);
  const rows: PayoutRow[] = props.cases.flatMap((c) => c.payouts.map((p) => ({ c, p })));
  const firstOpen = rows.find((r) => !r.p.paidAt)?.p.id;
  const dueNow = rows.some((r) => !r.p.paidAt && r.p.dueOn <= props.today);
  const columns: Column<PayoutRow>[] = [
    {
      key: "pick",
      label: "grants.payouts.pick",
      cell: (r) =>
        r.p.paidAt ? (
          t("grants.payouts.paidOn", { date: fmt.date(r.p.paidAt) })
        ) : (
          <input
            class="ds-input"
            type="checkbox"
            name="payout"
            value={r.p.id}
            id={r.p.id === firstOpen ? "f-payout" : `f-payout-${r.p.id}`}
            aria-label={t("grants.payouts.pickOne", { name: r.c.associationName, date: fmt.date(r.p.dueOn) })}
          />
        ),
    },
    { key: "association", label: "grants.payouts.association", cell: (r) => `${r.c.associationName} (${r.c.application.reference})` },
    { key: "due", label: "grants.payouts.due", cell: (r) => fmt.date(r.p.dueOn) },
    { key: "amount", label: "grants.payouts.amountShort", cell: (r) => money(r.p.amount) },
  ];
  return (
    <div class="stack">
      <P>
        <Link href="/grants/rounds">{t("grants.payouts.back")}</Link>
      </P>
      <Heading>{t("grants.payouts.title", { round: props.round.title })}</Heading>
      <P>{t("grants.payouts.intro")}</P>
      <ErrorSummary errors={{ ...errors, ...paidErrors }} />
      {props.cases.length === 0 ? (
        <EmptyState title="grants.payouts.none" />
      ) : (
        <>
          {props.cases.map((c) => (
            <section class="ds-card stack" aria-labelledby={`case-${c.application.id}`}>
              <h2 class="ds-heading" data-size="sm" id={`case-${c.application.id}`}>
                {c.associationName} · {c.application.reference}
              </h2>
              <P>{c.application.title}</P>
              <dl class="event-card-facts">
                <dt>{t("grants.payouts.granted")}</dt>
                <dd>{money(c.granted)}</dd>
                <dt>{t("grants.payouts.paid")}</dt>
                <dd>{money(c.paid)}</dd>
                <dt>{t("grants.payouts.left")}</dt>
                <dd>{money(c.left)}</dd>
                <dt>{t("grants.payouts.planned")}</dt>
                <dd>
                  {c.payouts.length === 0
                    ? t("grants.payouts.notPlanned")
                    : c.payouts.map((p) => `${fmt.date(p.dueOn)}: ${money(p.amount)}${p.paidAt ? ` (${t("grants.payouts.isPaid")})` : ""}`).join(" · ")}
                </dd>
              </dl>
              {c.left > 0 ? (
                <PlanPayouts roundId={props.round.id} c={c} values={props.values ?? {}} errors={errors} />
              ) : (
                <Alert color="success">{t("grants.payouts.allPaid")}</Alert>
              )}
            </section>
          ))}
          <section class="stack" aria-labelledby="payouts-heading">
            <Heading level={2}>
              <span id="payouts-heading">{t("grants.payouts.list")}</span>
            </Heading>
            {rows.length === 0 ? (
              <P>{t("grants.payouts.nonePlanned")}</P>
            ) : (
              <Form action={`/grants/rounds/${props.round.id}/payouts/paid`} aria-label={t("grants.payouts.list")}>
                <DataTable caption={t("grants.payouts.list")} columns={columns} rows={rows} />
                {paidErrors.payout && <Alert color="danger">{t("grants.payouts.noneChosen")}</Alert>}
                <div class="actions">
                  <Button>{t("grants.payouts.markPaid")}</Button>
                </div>
              </Form>
            )}
            {dueNow && (
              <P>
                <Link href={`/grants/rounds/${props.round.id}/payouts.csv`} download>
                  {t("grants.payouts.csv")}
                </Link>
              </P>
            )}
          </section>
        </>
      )}
    </div>
  );
}
