import type { FieldErrors } from "../../../platform/http/errors.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
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
import { type FollowUp, OUTCOMES, type Outcome } from "../bridge.model.js";
import type { DueFollowUp } from "../follow-ups.js";

export const outcomeLabels: Record<Outcome, MessageKey> = {
  still_coming: "bridge.outcome.still_coming",
  stopped: "bridge.outcome.stopped",
  never_started: "bridge.outcome.never_started",
};

/** The bridge-builder's follow-ups due soon and overdue, the most overdue first. */
export function DueFollowUpsPage(props: { rows: DueFollowUp[] }) {
  const { t, fmt } = usePage();
  const columns: Column<DueFollowUp>[] = [
    { key: "name", label: "bridge.followUps.person", cell: (r) => <Link href={`/bridge/cases/${r.caseId}/follow-ups`}>{r.firstName}</Link> },
    { key: "months", label: "bridge.followUps.after", cell: (r) => t("bridge.followUps.months", { count: r.followUp.months }) },
    { key: "due", label: "bridge.followUps.due", cell: (r) => fmt.date(r.followUp.dueOn) },
    {
      key: "late",
      label: "bridge.followUps.state",
      cell: (r) =>
        r.daysOverdue > 0 ? (
          <strong>{t("bridge.followUps.overdue", { count: r.daysOverdue })}</strong>
        ) : r.daysOverdue === 0 ? (
          t("bridge.followUps.dueToday")
        ) : (
          t("bridge.followUps.dueIn", { count: -r.daysOverdue })
        ),
    },
  ];
  return (
    <div class="stack">
      <Heading>{t("bridge.followUps.title")}</Heading>
      <P>{t("bridge.followUps.intro")}</P>
      {props.rows.length === 0 ? (
        <EmptyState title="bridge.followUps.empty" text="bridge.followUps.empty.text" />
      ) : (
        <DataTable caption={t("bridge.followUps.title")} columns={columns} rows={props.rows} />
      )}
    </div>
  );
}

export interface FollowUpForm {
  followUpId?: string;
  outcome?: string;
  why?: string;
  personWords?: string;
}

function RecordForm(props: { caseId: string; followUp: FollowUp; values: FollowUpForm; errors: FieldErrors }) {
  const { t, fmt } = usePage();
  const { values, errors } = props;
  return (
    <section class="ds-card stack form" aria-labelledby="record-follow-up">
      <h2 class="ds-heading" data-size="md" id="record-follow-up">
        {t("bridge.followUp.record", { count: props.followUp.months, date: fmt.date(props.followUp.dueOn) })}
      </h2>
      <Form action={`/bridge/cases/${props.caseId}/follow-ups`} aria-label={t("bridge.followUp.recordShort")}>
        <input type="hidden" name="followUpId" value={props.followUp.id} />
        <fieldset class="ds-fieldset" aria-describedby={errors.outcome ? "f-outcome-error" : undefined}>
          <legend class="ds-label">{t("bridge.followUp.outcome")}</legend>
          {OUTCOMES.map((o, i) => (
            <div class="ds-field">
              <input
                class="ds-input"
                type="radio"
                name="outcome"
                value={o}
                id={i === 0 ? "f-outcome" : `f-outcome-${o}`}
                checked={values.outcome === o}
                aria-invalid={errors.outcome ? "true" : undefined}
              />
              <label class="ds-label" for={i === 0 ? "f-outcome" : `f-outcome-${o}`}>
                {t(outcomeLabels[o])}
              </label>
            </div>
          ))}
          <ValidationMessage id="f-outcome-error" error={errors.outcome} />
        </fieldset>
        <Field name="why" label="bridge.followUp.why" hint="bridge.followUp.why.hint" multiline value={values.why} error={errors.why} />
        <Field
          name="personWords"
          label="bridge.followUp.personWords"
          hint="bridge.followUp.personWords.hint"
          multiline
          value={values.personWords}
          error={errors.personWords}
        />
        <div class="actions">
          <Button>{t("bridge.followUp.save")}</Button>
        </div>
      </Form>
    </section>
  );
}

/** A case's follow-ups: those recorded with their outcome, and the form for the next one. */
export function CaseFollowUpsPage(props: { caseId: string; firstName: string; followUps: FollowUp[]; values?: FollowUpForm; errors?: FieldErrors }) {
  const { t, fmt } = usePage();
  const errors = props.errors ?? {};
  const next = props.followUps.find((f) => f.id === props.values?.followUpId && !f.doneAt) ?? props.followUps.find((f) => !f.doneAt);
  const done = props.followUps.filter((f) => f.doneAt);
  return (
    <div class="stack">
      <P>
        <Link href={`/bridge/cases/${props.caseId}`}>{t("bridge.part.backToCase", { name: props.firstName })}</Link>
      </P>
      <Heading>{t("bridge.followUp.title", { name: props.firstName })}</Heading>
      <ErrorSummary errors={errors} />
      {props.followUps.length === 0 ? (
        <EmptyState title="bridge.followUp.none" text="bridge.followUp.none.text" />
      ) : (
        <>
          <ul class="detail-list">
            {props.followUps.map((f) => (
              <li class="ds-card">
                <strong>{t("bridge.followUps.months", { count: f.months })}</strong>
                <span>{t("bridge.followUp.dueOn", { date: fmt.date(f.dueOn) })}</span>
                {f.doneAt && f.outcome ? (
                  <>
                    <span>
                      {t(outcomeLabels[f.outcome])} · {fmt.date(f.doneAt)}
                    </span>
                    {f.why && (
                      <span>
                        {t("bridge.followUp.why")}: {f.why}
                      </span>
                    )}
                    {f.personWords && <q>{f.personWords}</q>}
                  </>
                ) : (
                  <span>{t("bridge.followUp.open")}</span>
                )}
              </li>
            ))}
          </ul>
          {next ? (
            <RecordForm caseId={props.caseId} followUp={next} values={props.values ?? {}} errors={errors} />
          ) : (
            done.length > 0 && <Alert color="success">{t("bridge.followUp.allDone")}</Alert>
          )}
        </>
      )}
    </div>
  );
}
