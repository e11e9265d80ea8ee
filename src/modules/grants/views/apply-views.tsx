import type { FieldErrors } from "../../../platform/http/errors.js";
import { fieldMessage } from "../../../platform/http/errors.js";
import { localized } from "../../../platform/i18n/localized.js";
import { Alert, Button, ButtonLink, ConfirmStep, EmptyState, ErrorSummary, Field, Form, Heading, Link, P } from "../../../platform/ui/components.js";
import { Breadcrumbs } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { SummarySection } from "../answers-summary.js";
import type { ApplicationPageData, MyGrants, Refusal } from "../apply.js";
import type { FormDefinition } from "../form.model.js";
import type { Round, Scheme } from "../grants.model.js";
import { AnswersSummary } from "./answers-views.js";
import { type FileActions, FormFields, type FormValues } from "./form-fields.js";
import { ProfileFacts } from "./profile-facts.js";

/** An application's status as its board reads it. */
const STATUS_FOR_BOARD = {
  draft: "grants.status.draft",
  submitted: "grants.status.submitted",
  questioned: "grants.status.questioned",
  assessed: "grants.status.assessed",
  decided: "grants.status.decided",
  withdrawn: "grants.status.withdrawn",
} as const;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));

/** Errors for the summary at the top: those of fields (a message for the whole form is shown on its own). */
const fieldErrors = (errors: FieldErrors) => Object.fromEntries(Object.entries(errors).filter(([k]) => k !== "_form"));

function FormMessage(props: { errors: FieldErrors }) {
  const { t, fmt } = usePage();
  const error = props.errors._form;
  if (!error) return null;
  return (
    <Alert color="danger" role="alert">
      <P>{fieldMessage(t, error, fmt)}</P>
    </Alert>
  );
}

function StatusLine(props: { page: ApplicationPageData }) {
  const { t, fmt } = usePage();
  const { application, savedBy } = props.page;
  return (
    <dl class="stacked-facts">
      <dt>{t("grants.apply.status")}</dt>
      <dd>
        <span class="ds-tag" data-color={application.status === "draft" ? "warning" : "info"}>
          {t(STATUS_FOR_BOARD[application.status])}
        </span>
      </dd>
      <dt>{t("grants.receipt.reference")}</dt>
      <dd>{application.reference}</dd>
      {application.submittedAt ? (
        <>
          <dt>{t("grants.receipt.submitted")}</dt>
          <dd>{fmt.dateTime(application.submittedAt)}</dd>
        </>
      ) : (
        <>
          <dt>{t("grants.apply.lastSaved")}</dt>
          <dd>{savedBy ? t("grants.apply.savedBy", { name: savedBy, at: fmt.dateTime(application.updatedAt) }) : fmt.dateTime(application.updatedAt)}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * The board's page for one application. A draft is the form with its buttons (save, check, send);
 * once sent, the answers read back, questions from the caseworker (with the reopened fields to change
 * and a box to answer), the receipt and any decision letters.
 */
export function ApplicationView(props: { page: ApplicationPageData; sections: SummarySection[]; values: FormValues; errors: FieldErrors; checked?: boolean }) {
  const { t, fmt, lang } = usePage();
  const { page, errors } = props;
  const { application, round, scheme, currency } = page;
  const base = `/grants/applications/${application.id}`;
  const schemeTitle = localized(scheme, lang).title;
  const fileActions: FileActions = { upload: `${base}/files`, remove: (id) => `${base}/files/${id}/remove`, download: (id) => `${base}/files/${id}` };
  const deadline = round.secondDeadlineAt ?? round.deadlineAt;
  return (
    <div class="stack grant-application">
      <Breadcrumbs trail={[{ href: "/grants/mine", label: t("grants.mine.title") }]} current={application.title || application.reference} />
      <Heading>{application.title || t("grants.apply.untitled", { reference: application.reference })}</Heading>
      <P>
        {page.association.name} · {schemeTitle} · {round.title}
        {deadline && <> · {t("grants.apply.deadline", { at: fmt.dateTime(deadline) })}</>}
      </P>
      <StatusLine page={page} />
      <FormMessage errors={errors} />

      {page.mayEdit && (
        <>
          {!page.inTime && (
            <Alert color="warning">
              <P>{t("grants.apply.pastDeadline")}</P>
            </Alert>
          )}
          <ErrorSummary errors={fieldErrors(errors)} />
          {props.checked && Object.keys(errors).length === 0 && (
            <Alert color="success" role="status">
              <P>{t("grants.apply.checkedOk")}</P>
            </Alert>
          )}
          <ProfileFacts profile={page.profile} editHref={`/grants/profile?association=${application.associationId}`} />
          <Form action={base} multipart class="form stack" aria-label={t("grants.apply.formLabel")}>
            <fieldset class="ds-fieldset form-section stack">
              <legend class="ds-heading" data-size="sm">
                {t("grants.apply.about")}
              </legend>
              <Field name="title" label="grants.apply.title" required value={first(props.values.title)} error={errors.title} />
              <div class="ds-field">
                <label class="ds-label" for="f-amount">
                  {t("grants.apply.amount")}
                </label>
                <div class="ds-paragraph" data-field="description" id="f-amount-hint">
                  {t("grants.apply.amount.hint", { max: fmt.money(scheme.maxAmount, currency) })}
                </div>
                <input
                  class="ds-input"
                  type="text"
                  inputmode="decimal"
                  id="f-amount"
                  name="amount"
                  value={first(props.values.amount)}
                  aria-describedby={errors.amount ? "f-amount-hint f-amount-error" : "f-amount-hint"}
                  aria-invalid={errors.amount ? "true" : undefined}
                  aria-required="true"
                />
                {errors.amount && (
                  <div class="ds-validation-message" data-field="validation" id="f-amount-error">
                    {fieldMessage(t, errors.amount, fmt)}
                  </div>
                )}
              </div>
            </fieldset>
            <FormFields form={page.form} values={props.values} errors={errors} files={page.files} fileActions={fileActions} />
            <div class="actions">
              <Button variant="secondary" name="action" value="save">
                {t("grants.apply.save")}
              </Button>
              <Button variant="secondary" name="action" value="check">
                {t("grants.apply.check")}
              </Button>
              {page.inTime && (
                <Button variant="primary" name="action" value="submit">
                  {t("grants.apply.submit")}
                </Button>
              )}
            </div>
          </Form>
        </>
      )}

      {!page.isDraft && (
        <>
          <P>
            <Link href={`${base}/receipt.pdf`} download>
              {t("grants.apply.receiptPdf")}
            </Link>
          </P>
          {page.letters.length > 0 && (
            <section class="stack" aria-labelledby="letters">
              <Heading level={2} size="sm">
                <span id="letters">{t("grants.apply.letters")}</span>
              </Heading>
              <ul class="ds-list">
                {page.letters.map((l) => (
                  <li>
                    <Link href={`/grants/letters/${l.id}.pdf`}>{l.subject}</Link> ({fmt.date(l.createdAt.slice(0, 10))})
                  </li>
                ))}
              </ul>
            </section>
          )}
          {page.questions.length > 0 && (
            <section class="stack" aria-labelledby="questions">
              <Heading level={2} size="sm">
                <span id="questions">{t("grants.apply.questions")}</span>
              </Heading>
              {page.questions.map((q) => (
                <div class="ds-card stack">
                  <P class="pre-line">
                    <strong>{t("grants.apply.question")}</strong> ({fmt.dateTime(q.askedAt)}): {q.question}
                  </P>
                  {q.answer && (
                    <P class="pre-line">
                      <strong>{t("grants.apply.yourAnswer")}</strong> ({fmt.dateTime(q.answeredAt ?? q.askedAt)}): {q.answer}
                    </P>
                  )}
                </div>
              ))}
            </section>
          )}
          {page.mayAnswer && (
            <section class="stack" aria-labelledby="answer-heading">
              <Heading level={2} size="md">
                <span id="answer-heading">{t("grants.apply.answerHeading")}</span>
              </Heading>
              <ErrorSummary errors={fieldErrors(errors)} />
              <Form action={`${base}/answer`} class="form stack">
                <FormFields form={page.form} values={props.values} errors={errors} files={page.files} only={application.reopened} />
                <Field name="answer" label="grants.apply.answerLabel" required multiline value={first(props.values.answer)} error={errors.answer} />
                <div class="actions">
                  <Button>{t("grants.apply.answerSend")}</Button>
                </div>
              </Form>
            </section>
          )}
          <section class="stack" aria-labelledby="answers">
            <Heading level={2} size="md">
              <span id="answers">{t("grants.apply.answers")}</span>
            </Heading>
            <dl class="stacked-facts">
              <dt>{t("grants.apply.amount")}</dt>
              <dd>{fmt.money(application.amountRequested, currency)}</dd>
            </dl>
            <AnswersSummary sections={props.sections} currency={currency} headingLevel={3} />
            {page.files.length > 0 && (
              <ul class="ds-list">
                {page.files.map((f) => (
                  <li>
                    <Link href={`${base}/files/${f.id}`}>{f.name}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <ProfileFacts profile={page.profile} />
        </>
      )}

      {page.mayWithdraw && (
        <P>
          <Link href={`${base}/withdraw`}>{t("grants.apply.withdraw")}</Link>
        </P>
      )}
    </div>
  );
}

export function WithdrawConfirm(props: { id: string; title: string }) {
  const { t } = usePage();
  return (
    <ConfirmStep
      title={t("grants.withdraw.title", { title: props.title })}
      action={`/grants/applications/${props.id}/withdraw`}
      confirm="grants.withdraw.confirm"
      cancelHref={`/grants/applications/${props.id}`}
      danger
    >
      <P>{t("grants.withdraw.text")}</P>
    </ConfirmStep>
  );
}

/** Why the association cannot start an application now, and what to do about it. */
export function RefusalView(props: { refusal: Refusal; round: Round; scheme: Scheme }) {
  const { t, fmt, lang } = usePage();
  const { refusal } = props;
  return (
    <div class="stack">
      <Heading>{t("grants.refused.title")}</Heading>
      <P>
        {localized(props.scheme, lang).title} · {props.round.title}
      </P>
      <Alert color="warning" role="alert">
        {refusal.kind === "closed" && <P>{refusal.closedAt ? t("grants.apply.late", { at: fmt.dateTime(refusal.closedAt) }) : t("grants.refused.closed")}</P>}
        {refusal.kind === "overdue" &&
          refusal.reports.map((r) => (
            <P>
              {t("grants.apply.overdue", { title: r.title, reference: r.reference, due: fmt.date(r.dueOn) })}{" "}
              <Link href={`/grants/applications/${r.applicationId}/report`}>{t("grants.refused.writeReport")}</Link>
            </P>
          ))}
        {refusal.kind === "unregistered" && (
          <P>
            {t("grants.apply.unregistered")} <Link href={`/associations/${refusal.associationId}`}>{t("grants.refused.register")}</Link>
          </P>
        )}
      </Alert>
      <P>
        <Link href="/grants/mine">{t("grants.refused.back")}</Link>
      </P>
    </div>
  );
}

/** Each of the person's associations: rounds it can apply in, its applications, and reports it owes. */
export function MineView(props: { data: MyGrants }) {
  const { t, fmt, lang } = usePage();
  const { data } = props;
  if (data.associations.length === 0)
    return (
      <div class="stack">
        <Heading>{t("grants.mine.title")}</Heading>
        <EmptyState
          title="grants.mine.empty.title"
          text="grants.mine.empty.text"
          action={<ButtonLink href="/grants">{t("grants.mine.seeSchemes")}</ButtonLink>}
        />
      </div>
    );
  return (
    <div class="stack grants-mine">
      <Heading>{t("grants.mine.title")}</Heading>
      <P>{t("grants.mine.intro")}</P>
      {data.associations.map((a) => (
        <section class="stack" aria-labelledby={`assoc-${a.id}`}>
          <Heading level={2} size="lg">
            <span id={`assoc-${a.id}`}>{a.name}</span>
          </Heading>
          <P>
            <Link href={`/grants/profile?association=${a.id}`}>{t("grants.mine.profile")}</Link>
          </P>
          {a.reports.length > 0 && (
            <Alert color="warning">
              <h3 class="ds-heading" data-size="xs">
                {t("grants.mine.reports")}
              </h3>
              <ul class="ds-list">
                {a.reports.map((r) => (
                  <li>
                    <Link href={`/grants/applications/${r.applicationId}/report`}>
                      {t("grants.mine.reportDue", { title: r.title, due: fmt.date(r.dueOn) })}
                    </Link>
                  </li>
                ))}
              </ul>
            </Alert>
          )}
          <Heading level={3} size="sm">
            {t("grants.mine.applications")}
          </Heading>
          {a.applications.length === 0 ? (
            <P>{t("grants.mine.noApplications")}</P>
          ) : (
            <ul class="ds-list card-list">
              {a.applications.map((app) => (
                <li class="ds-card">
                  <Link href={`/grants/applications/${app.id}`}>{app.title || t("grants.apply.untitled", { reference: app.reference })}</Link>
                  <div>
                    <span class="ds-tag" data-color={app.status === "draft" ? "warning" : "info"}>
                      {t(STATUS_FOR_BOARD[app.status])}
                    </span>{" "}
                    {app.reference} · {app.roundTitle}
                  </div>
                </li>
              ))}
            </ul>
          )}
          <Heading level={3} size="sm">
            {t("grants.mine.open")}
          </Heading>
          {data.rounds.length === 0 ? (
            <P>
              {t("grants.mine.noRounds")} <Link href="/grants">{t("grants.mine.seeSchemes")}</Link>
            </P>
          ) : (
            <ul class="ds-list card-list">
              {data.rounds.map(({ round, scheme }) => (
                <li class="ds-card stack">
                  <strong>{localized(scheme, lang).title}</strong>
                  <div>
                    {round.title}
                    {(round.secondDeadlineAt ?? round.deadlineAt) && (
                      <> · {t("grants.apply.deadline", { at: fmt.dateTime(round.secondDeadlineAt ?? round.deadlineAt ?? "") })}</>
                    )}{" "}
                    · {t("grants.mine.maxAmount", { max: fmt.money(scheme.maxAmount, data.currency) })}
                  </div>
                  <Form action={`/grants/apply/${round.id}`} class="actions">
                    <input type="hidden" name="association" value={a.id} />
                    <Button variant="secondary">{t("grants.mine.apply")}</Button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

/** The scheme's form as an applicant sees it, for its administrator; trying to send only shows what would be missing. */
export function PreviewView(props: { scheme: Scheme; form: FormDefinition; values: FormValues; errors: FieldErrors; tried: boolean }) {
  const { t, lang } = usePage();
  return (
    <div class="stack">
      <Breadcrumbs trail={[{ href: `/grants/schemes/${props.scheme.id}`, label: localized(props.scheme, lang).title }]} current={t("grants.preview.title")} />
      <Heading>{t("grants.preview.title")}</Heading>
      <Alert color="info">
        <P>{t("grants.preview.intro")}</P>
      </Alert>
      <ErrorSummary errors={fieldErrors(props.errors)} />
      {props.tried && Object.keys(props.errors).length === 0 && (
        <Alert color="success" role="status">
          <P>{t("grants.preview.ok")}</P>
        </Alert>
      )}
      <Form action={`/grants/schemes/${props.scheme.id}/preview`} class="form stack">
        <fieldset class="ds-fieldset form-section stack">
          <legend class="ds-heading" data-size="sm">
            {t("grants.apply.about")}
          </legend>
          <Field name="title" label="grants.apply.title" required value={first(props.values.title)} error={props.errors.title} />
          <Field name="amount" label="grants.apply.amount" required value={first(props.values.amount)} error={props.errors.amount} />
        </fieldset>
        <FormFields form={props.form} values={props.values} errors={props.errors} />
        <div class="actions">
          <Button>{t("grants.preview.try")}</Button>
        </div>
      </Form>
    </div>
  );
}
