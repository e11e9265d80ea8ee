import type { FieldErrors } from "../../../platform/http/errors.js";
import type { Lang } from "../../../platform/i18n/i18n.js";
import { Button, ButtonLink, Checkbox, Checkboxes, EmptyState, ErrorSummary, Field, Form, Heading, Link, P, Select } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { REPORT_PARTS, type Round, type Scheme } from "../grants.model.js";
import { SCHEME_TEXTS } from "../schemes.schema.js";

const STATUS_KEYS = { draft: "grants.scheme.status.draft", active: "grants.scheme.status.active", archived: "grants.scheme.status.archived" } as const;
const REPORT_KEYS = {
  activities: "grants.report.activities",
  participants: "grants.report.participants",
  hours: "grants.report.hours",
  accounts: "grants.report.accounts",
} as const;
const TEXT_KEYS = {
  title: "grants.scheme.title",
  purpose: "grants.scheme.purpose",
  rules: "grants.scheme.rules",
  whoMayApply: "grants.scheme.whoMayApply",
} as const;

export function RoundWhen(props: { round: Round }) {
  const { t, fmt } = usePage();
  const r = props.round;
  if (!r.deadlineAt) return <>{t("grants.round.allYear")}</>;
  return (
    <>
      {t("grants.round.deadlineAt", { when: fmt.when(r.deadlineAt) })}
      {r.secondDeadlineAt && <> · {t("grants.round.secondDeadlineAt", { when: fmt.when(r.secondDeadlineAt) })}</>}
    </>
  );
}

export function SchemesPage(props: { rows: { scheme: Scheme; rounds: Round[] }[]; currency: string }) {
  const { t, fmt } = usePage();
  return (
    <div class="stack">
      <Heading>{t("grants.schemes.title")}</Heading>
      <P>{t("grants.schemes.intro")}</P>
      <div class="actions">
        <ButtonLink href="/grants/schemes/new" variant="primary">
          {t("grants.schemes.new")}
        </ButtonLink>
        <ButtonLink href="/grants/settings">{t("grants.settings.title")}</ButtonLink>
        <ButtonLink href="/grants">{t("grants.open.title")}</ButtonLink>
      </div>
      {props.rows.length === 0 ? (
        <EmptyState title="grants.schemes.empty" text="grants.schemes.empty.text" />
      ) : (
        <div class="stack">
          {props.rows.map(({ scheme, rounds }) => (
            <section class="ds-card stack" aria-label={scheme.title}>
              <Heading level={2} size="sm">
                <Link href={`/grants/schemes/${scheme.id}`}>{scheme.title}</Link>
              </Heading>
              <P>
                {t(STATUS_KEYS[scheme.status])} · {t("grants.scheme.maxAmountIs", { amount: fmt.money(scheme.maxAmount, props.currency) })}
                {scheme.allYear && <> · {t("grants.scheme.allYear.short")}</>}
              </P>
              {rounds.length === 0 ? (
                <P>{t("grants.schemes.noRounds")}</P>
              ) : (
                <ul class="ds-list">
                  {rounds.map((r) => (
                    <li>
                      <Link href={`/grants/rounds/${r.id}/edit`}>{r.title}</Link>: <RoundWhen round={r} /> ·{" "}
                      {t("grants.round.budgetIs", { amount: fmt.money(r.budget, props.currency) })} · {t(`grants.round.status.${r.status}`)}
                    </li>
                  ))}
                </ul>
              )}
              <div class="actions">
                <ButtonLink href={`/grants/schemes/${scheme.id}/form`}>{t("grants.form.title")}</ButtonLink>
                {scheme.status !== "archived" && <ButtonLink href={`/grants/schemes/${scheme.id}/rounds/new`}>{t("grants.round.new")}</ButtonLink>}
              </div>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}

export interface CriterionRow {
  key: string;
  label: string;
  weight: string;
}

export function SchemeFormPage(props: {
  scheme: Scheme | null;
  values: Record<string, string>;
  reportDemands: string[];
  criteria: CriterionRow[];
  otherLanguages: Lang[];
  errors?: FieldErrors;
}) {
  const { t, fmt } = usePage();
  const v = props.values;
  const errors = props.errors ?? {};
  const action = props.scheme ? `/grants/schemes/${props.scheme.id}` : "/grants/schemes/new";
  return (
    <div class="stack form">
      <Heading>{props.scheme ? t("grants.scheme.edit", { title: props.scheme.title }) : t("grants.scheme.new")}</Heading>
      {props.scheme && (
        <div class="actions">
          <ButtonLink href={`/grants/schemes/${props.scheme.id}/form`}>{t("grants.form.title")}</ButtonLink>
          <ButtonLink href={`/grants/schemes/${props.scheme.id}/rounds/new`}>{t("grants.round.new")}</ButtonLink>
          <ButtonLink href={`/grants/schemes/${props.scheme.id}/about`}>{t("grants.scheme.about")}</ButtonLink>
        </div>
      )}
      <ErrorSummary errors={errors} />
      <Form action={action} class="stack">
        <Field name="title" label="grants.scheme.title" required value={v.title} error={errors.title} />
        <Field name="purpose" label="grants.scheme.purpose" hint="grants.scheme.purpose.hint" multiline required value={v.purpose} error={errors.purpose} />
        <Field name="rules" label="grants.scheme.rules" hint="grants.scheme.rules.hint" multiline value={v.rules} error={errors.rules} />
        <Field
          name="whoMayApply"
          label="grants.scheme.whoMayApply"
          hint="grants.scheme.whoMayApply.hint"
          multiline
          required
          value={v.whoMayApply}
          error={errors.whoMayApply}
        />
        <Checkbox name="requiresRegistration" label="grants.scheme.requiresRegistration" checked={v.requiresRegistration === "on"} />
        <Field name="maxAmount" label="grants.scheme.maxAmount" hint="grants.scheme.maxAmount.hint" required value={v.maxAmount} error={errors.maxAmount} />
        <fieldset class="ds-fieldset stack">
          <legend class="ds-label">{t("grants.scheme.criteria")}</legend>
          <div class="ds-paragraph" data-field="description">
            {t("grants.scheme.criteria.hint")}
          </div>
          {props.criteria.map((c, i) => {
            const n = i + 1;
            return (
              <div class="event-pair">
                <input type="hidden" name="criterionKey" value={c.key} />
                <Field
                  name="criterionLabel"
                  id={`f-criterionLabel-${n}`}
                  label={{ text: t("grants.scheme.criterion.label", { n }) }}
                  required
                  value={c.label}
                  error={errors[`criterionLabel-${n}`]}
                />
                <Field
                  name="criterionWeight"
                  id={`f-criterionWeight-${n}`}
                  type="number"
                  label={{ text: t("grants.scheme.criterion.weight.label", { n }) }}
                  required
                  value={c.weight}
                  error={errors[`criterionWeight-${n}`]}
                />
              </div>
            );
          })}
          <div>
            <Button variant="secondary" name="addRow" value="criterion">
              {t("grants.scheme.criterion.add")}
            </Button>
          </div>
        </fieldset>
        <Checkboxes
          name="reportDemands"
          legend="grants.scheme.reportDemands"
          options={REPORT_PARTS.map((p) => ({ value: p, label: t(REPORT_KEYS[p]) }))}
          chosen={props.reportDemands}
        />
        <Field name="reportMonths" label="grants.scheme.reportMonths" type="number" required value={v.reportMonths} error={errors.reportMonths} />
        <Checkbox name="allYear" label="grants.scheme.allYear" checked={v.allYear === "on"} />
        <Select
          name="status"
          label="grants.scheme.status"
          value={v.status}
          error={errors.status}
          options={(["draft", "active", "archived"] as const).map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))}
        />
        {props.otherLanguages.map((lang) => (
          <details class="ds-details" open={SCHEME_TEXTS.some((f) => Boolean(errors[`${f}_${lang}`]))}>
            <summary>{t("grants.scheme.inLanguage", { language: fmt.languages([lang]) })}</summary>
            <div class="stack" lang={lang}>
              {SCHEME_TEXTS.map((f) => (
                <Field
                  name={`${f}_${lang}`}
                  label={{ text: `${t(TEXT_KEYS[f])} (${fmt.languages([lang])})` }}
                  multiline={f !== "title"}
                  value={v[`${f}_${lang}`]}
                  error={errors[`${f}_${lang}`]}
                />
              ))}
            </div>
          </details>
        ))}
        <div class="actions">
          <Button>{t(props.scheme ? "grants.scheme.save" : "grants.scheme.create")}</Button>
          <ButtonLink href="/grants/schemes" variant="tertiary">
            {t("form.cancel")}
          </ButtonLink>
        </div>
      </Form>
    </div>
  );
}

export function RoundFormPage(props: { scheme: Scheme; round: Round | null; values: Record<string, string>; errors?: FieldErrors; zone: string }) {
  const { t } = usePage();
  const v = props.values;
  const errors = props.errors ?? {};
  const action = props.round ? `/grants/rounds/${props.round.id}/edit` : `/grants/schemes/${props.scheme.id}/rounds/new`;
  return (
    <div class="stack form">
      <Heading>{props.round ? t("grants.round.edit", { title: props.round.title }) : t("grants.round.newFor", { scheme: props.scheme.title })}</Heading>
      <P>{props.scheme.allYear ? t("grants.round.allYear.intro") : t("grants.round.intro", { zone: props.zone })}</P>
      <ErrorSummary errors={errors} />
      <Form action={action} class="stack">
        <Field name="title" label="grants.round.title" hint="grants.round.title.hint" required value={v.title} error={errors.title} />
        <Field name="opensDate" label="grants.round.opens" type="date" required value={v.opensDate} error={errors.opensDate} />
        {!props.scheme.allYear && (
          <>
            <fieldset class="ds-fieldset">
              <legend class="ds-label">{t("grants.round.deadline")}</legend>
              <div class="event-pair">
                <Field name="deadlineDate" label="grants.round.date" type="date" required value={v.deadlineDate} error={errors.deadlineDate} />
                <Field name="deadlineTime" label="grants.round.time.label" type="time" required value={v.deadlineTime} error={errors.deadlineTime} />
              </div>
            </fieldset>
            <fieldset class="ds-fieldset">
              <legend class="ds-label">{t("grants.round.secondDeadline")}</legend>
              <div class="ds-paragraph" data-field="description">
                {t("grants.round.secondDeadline.hint")}
              </div>
              <div class="event-pair">
                <Field name="secondDeadlineDate" label="grants.round.date" type="date" value={v.secondDeadlineDate} error={errors.secondDeadlineDate} />
                <Field name="secondDeadlineTime" label="grants.round.time.label" type="time" value={v.secondDeadlineTime} error={errors.secondDeadlineTime} />
              </div>
            </fieldset>
          </>
        )}
        <Field name="budget" label="grants.round.budget" hint="grants.round.budget.hint" required value={v.budget} error={errors.budget} />
        <Field name="decisionBody" label="grants.round.decisionBody" hint="grants.round.decisionBody.hint" value={v.decisionBody} error={errors.decisionBody} />
        <div class="actions">
          <Button>{t(props.round ? "grants.round.save" : "grants.round.create")}</Button>
          <ButtonLink href="/grants/schemes" variant="tertiary">
            {t("form.cancel")}
          </ButtonLink>
        </div>
      </Form>
    </div>
  );
}
