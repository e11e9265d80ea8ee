import type { FieldError, FieldErrors } from "../../../platform/http/errors.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { Alert, Button, Checkboxes, ErrorSummary, Field, Form, Heading, P, ValidationMessage } from "../../../platform/ui/components.js";
import { Breadcrumbs, FactBox } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { SummarySection } from "../answers-summary.js";
import type { Assessment } from "../assess.js";
import { scoreField } from "../assess.schema.js";
import { allFields, pickText } from "../form.model.js";
import { type EligibilityCheck, MAX_REVIEWERS, MAX_SCORE } from "../grants.model.js";
import { AnswersSummary } from "./answers-views.js";
import { ProfileFacts } from "./profile-facts.js";

/** The forms of the page, each of which may come back with errors. */
export type AssessForm = "declare" | "eligibility" | "scores" | "recommend" | "question" | "note";
export interface AssessFailure {
  form: AssessForm;
  errors: FieldErrors;
  values: Record<string, string>;
  chosen?: string[];
}

/** The page's parts, as its table of contents links to them. */
const SECTIONS = [
  ["application", "grants.assess.application"],
  ["conflicts", "grants.assess.conflicts"],
  ["eligibility", "grants.assess.eligibility"],
  ["scores", "grants.assess.scores"],
  ["recommendation", "grants.assess.recommendation"],
  ["questions", "grants.assess.questions"],
  ["notes", "grants.assess.notes"],
] as const;

/** An application's status in plain words. */
export const STATUS_LABELS = {
  draft: "grants.caseStatus.draft",
  submitted: "grants.caseStatus.submitted",
  questioned: "grants.caseStatus.questioned",
  assessed: "grants.caseStatus.assessed",
  decided: "grants.caseStatus.decided",
  withdrawn: "grants.caseStatus.withdrawn",
} as const satisfies Record<string, MessageKey>;

const CHECK_TEXTS: Record<EligibilityCheck["key"], { ok: MessageKey; fail: MessageKey }> = {
  registered: { ok: "grants.check.registered.ok", fail: "grants.check.registered.fail" },
  no_overdue_report: { ok: "grants.check.noOverdue.ok", fail: "grants.check.noOverdue.fail" },
  within_max: { ok: "grants.check.withinMax.ok", fail: "grants.check.withinMax.fail" },
};

function RadioGroup(props: {
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  error?: FieldError | undefined;
  inline?: boolean;
}) {
  const errorId = `f-${props.name}-error`;
  return (
    <fieldset class="ds-fieldset" id={`f-${props.name}`} aria-describedby={props.error ? errorId : undefined}>
      <legend class="ds-label">{props.legend}</legend>
      {props.hint && <P>{props.hint}</P>}
      <div class={props.inline ? "actions" : undefined}>
        {props.options.map((o) => (
          <div class="ds-field">
            <input class="ds-input" type="radio" name={props.name} value={o.value} id={`f-${props.name}-${o.value}`} checked={props.value === o.value} />
            <label class="ds-label" for={`f-${props.name}-${o.value}`}>
              {o.label}
            </label>
          </div>
        ))}
      </div>
      <ValidationMessage id={errorId} error={props.error} />
    </fieldset>
  );
}

/** A form's errors at its top: the fields' in a summary, one that names no field as an alert. */
function Failure(props: { failed: AssessFailure | undefined; form: AssessForm }) {
  const { t } = usePage();
  if (props.failed?.form !== props.form) return null;
  const { _form, ...fields } = props.failed.errors;
  return (
    <>
      {_form && (
        <Alert color="warning" role="alert">
          {t(typeof _form === "string" ? _form : _form.key)}
        </Alert>
      )}
      <ErrorSummary errors={fields} />
    </>
  );
}

function Section(props: { id: string; title: string; children: unknown }) {
  return (
    <section class="stack" aria-labelledby={`${props.id}-heading`} id={props.id}>
      <h2 class="ds-heading" data-size="md" id={`${props.id}-heading`}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

/**
 * The caseworker's page of one application: the application read-only, and the assessment in the order
 * it is done: a word on conflicts of interest, eligibility, scores, the recommendation, questions back
 * to the applicant and internal notes.
 */
export function AssessPage(props: { a: Assessment; summary: SummarySection[]; failed?: AssessFailure }) {
  const { t, fmt, lang } = usePage();
  const { a, failed } = props;
  const app = a.application;
  const base = `/grants/applications/${app.id}/assess`;
  const name = (id: string | null) => (id ? (a.names.get(id) ?? t("grants.assess.someone")) : t("grants.assess.someone"));
  const values = (form: AssessForm) => (failed?.form === form ? failed.values : {});
  const errors = (form: AssessForm) => (failed?.form === form ? failed.errors : {});
  const money = (minor: number) => fmt.money(minor, a.currency);
  const blocked = !a.me.mayWrite ? null : !a.me.declared ? "grants.assess.declareFirst" : a.me.declared.conflict ? "grants.assess.conflicted" : null;
  const fields = allFields(a.form);
  const eligibilityNotes = a.notes.filter((n) => n.kind === "eligibility");
  const internal = a.notes.filter((n) => n.kind === "note");
  const profile = app.profile;
  return (
    <div class="stack">
      <Breadcrumbs
        trail={[
          { href: "/grants/rounds", label: t("grants.rounds.title") },
          { href: `/grants/rounds/${a.round.id}/applications`, label: a.round.title, back: t("grants.assess.backToList") },
        ]}
        current={app.reference}
      />
      <Heading>{app.title}</Heading>
      <P>
        {a.association.name} · {t("grants.assess.reference", { reference: app.reference })} ·{" "}
        <span class="ds-tag" data-color={app.status === "questioned" ? "warning" : "info"}>
          {t(STATUS_LABELS[app.status])}
        </span>
      </P>
      <FactBox
        facts={[
          ["grants.assess.scheme", a.scheme.title],
          ["grants.assess.round", a.round.title],
          ["grants.assess.requested", money(app.amountRequested)],
          ["grants.assess.submittedAt", app.submittedAt && fmt.when(app.submittedAt)],
          ["grants.assess.weighted", a.weighted === null ? t("grants.assess.notScored") : t("grants.assess.percent", { n: a.weighted })],
          ["grants.assess.recommended", app.recommendedAmount === null ? null : money(app.recommendedAmount)],
        ]}
      />
      <nav aria-labelledby="toc-heading" class="ds-card">
        <h2 class="ds-heading" data-size="xs" id="toc-heading">
          {t("grants.assess.onThisPage")}
        </h2>
        <ul class="ds-list">
          {SECTIONS.map(([anchor, label]) => (
            <li>
              <a class="ds-link" href={`#${anchor}`}>
                {t(label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="application" title={t("grants.assess.application")}>
        <AnswersSummary sections={props.summary} currency={a.currency} headingLevel={3} />
        <h3 class="ds-heading" data-size="xs">
          {t("grants.assess.files")}
        </h3>
        {a.files.length === 0 ? (
          <P>{t("grants.assess.noFiles")}</P>
        ) : (
          <ul class="ds-list">
            {a.files.map((f) => (
              <li>
                <a class="ds-link" href={`/grants/applications/${app.id}/files/${f.id}`}>
                  {f.name}
                </a>{" "}
                ({fmt.number(Math.max(1, Math.round(f.size / 1024)))} kB)
              </li>
            ))}
          </ul>
        )}
        <ProfileFacts
          profile={
            profile ?? { ...a.association, associationId: a.association.id, bankAccount: "", board: [], memberCount: null, activities: "", updatedAt: null }
          }
          title={t("grants.assess.profile")}
          headingLevel={3}
        />
      </Section>

      <Section id="conflicts" title={t("grants.assess.conflicts")}>
        <P>{t("grants.assess.conflicts.intro")}</P>
        {a.declarations.length === 0 ? (
          <P>{t("grants.assess.conflicts.none")}</P>
        ) : (
          <ul class="ds-list">
            {a.declarations.map((d) => (
              <li>
                <strong>{name(d.userId)}</strong>: {t(d.conflict ? "grants.assess.conflict.yes" : "grants.assess.conflict.no")} ({fmt.when(d.declaredAt)})
                {d.conflict && d.note && <span class="pre-line"> – {d.note}</span>}
              </li>
            ))}
          </ul>
        )}
        {a.me.mayWrite && (
          <Form action={`${base}/declaration`} aria-label={t("grants.assess.conflicts")}>
            <Failure failed={failed} form="declare" />
            <RadioGroup
              name="conflict"
              legend={t("grants.assess.conflict.legend")}
              options={[
                { value: "no", label: t("grants.assess.conflict.no") },
                { value: "yes", label: t("grants.assess.conflict.yes") },
              ]}
              value={values("declare").conflict ?? (a.me.declared ? (a.me.declared.conflict ? "yes" : "no") : undefined)}
              error={errors("declare").conflict}
            />
            <Field
              name="conflictNote"
              label="grants.assess.conflict.note"
              hint="grants.assess.conflict.noteHint"
              multiline
              value={values("declare").conflictNote ?? a.me.declared?.note}
              error={errors("declare").conflictNote}
            />
            <div class="actions">
              <Button>{t("grants.assess.conflict.save")}</Button>
            </div>
          </Form>
        )}
      </Section>

      <Section id="eligibility" title={t("grants.assess.eligibility")}>
        <ul class="ds-list">
          {a.checks.map((c) => (
            <li>
              <span class="ds-tag" data-color={c.ok ? "success" : "danger"}>
                {t(c.ok ? "grants.check.passed" : "grants.check.failed")}
              </span>{" "}
              {t(c.ok ? CHECK_TEXTS[c.key].ok : CHECK_TEXTS[c.key].fail, {
                max: money(a.scheme.maxAmount),
                amount: money(app.amountRequested),
                due: a.overdue[0] ? fmt.date(a.overdue[0].dueOn) : "",
              })}
            </li>
          ))}
        </ul>
        {app.eligibility?.verdict ? (
          <Alert color={app.eligibility.verdict === "eligible" ? "success" : "warning"}>
            {t(app.eligibility.verdict === "eligible" ? "grants.assess.verdict.isEligible" : "grants.assess.verdict.isNotEligible", {
              who: name(app.eligibility.by),
              when: app.eligibility.at ? fmt.when(app.eligibility.at) : "",
            })}
          </Alert>
        ) : (
          <P>{t("grants.assess.verdict.none")}</P>
        )}
        {eligibilityNotes.length > 0 && (
          <ul class="ds-list">
            {eligibilityNotes.map((n) => (
              <li>
                <strong>
                  {name(n.authorId)}, {fmt.when(n.createdAt)}:
                </strong>{" "}
                <span class="pre-line">{n.body}</span>
              </li>
            ))}
          </ul>
        )}
        {a.me.mayWrite &&
          (blocked ? (
            <Alert color="info">{t(blocked)}</Alert>
          ) : (
            <Form action={`${base}/eligibility`} aria-label={t("grants.assess.eligibility")}>
              <Failure failed={failed} form="eligibility" />
              <RadioGroup
                name="verdict"
                legend={t("grants.assess.verdict.legend")}
                options={[
                  { value: "eligible", label: t("grants.assess.verdict.eligible") },
                  { value: "not_eligible", label: t("grants.assess.verdict.notEligible") },
                ]}
                value={values("eligibility").verdict ?? app.eligibility?.verdict ?? undefined}
                error={errors("eligibility").verdict}
              />
              <Field
                name="verdictNote"
                label="grants.assess.verdict.note"
                hint="grants.assess.verdict.noteHint"
                multiline
                value={values("eligibility").verdictNote}
                error={errors("eligibility").verdictNote}
              />
              <div class="actions">
                <Button>{t("grants.assess.verdict.save")}</Button>
              </div>
            </Form>
          ))}
      </Section>

      <Section id="scores" title={t("grants.assess.scores")}>
        <P>{t("grants.assess.scores.intro", { max: MAX_SCORE, reviewers: MAX_REVIEWERS })}</P>
        {a.reviewers.length === 0 ? (
          <P>{t("grants.assess.notScored")}</P>
        ) : (
          <table class="ds-table data-table" data-border data-zebra>
            <caption class="ds-sr-only">{t("grants.assess.scores")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("grants.assess.criterion")}</th>
                <th scope="col">{t("grants.assess.weight")}</th>
                {a.reviewers.map((r) => (
                  <th scope="col">{name(r.id)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {a.scheme.criteria.map((c) => (
                <tr>
                  <td data-label={t("grants.assess.criterion")}>{pickText(c.label, lang)}</td>
                  <td data-label={t("grants.assess.weight")}>{fmt.number(c.weight)}</td>
                  {a.reviewers.map((r) => (
                    <td data-label={name(r.id)}>{r.scores.has(c.key) ? fmt.number(r.scores.get(c.key) ?? 0) : "–"}</td>
                  ))}
                </tr>
              ))}
              <tr>
                <td data-label={t("grants.assess.criterion")}>
                  <strong>{t("grants.assess.weightedTotal")}</strong>
                </td>
                <td data-label="" />
                {a.reviewers.map((r) => (
                  <td data-label={name(r.id)}>
                    <strong>{r.total === null ? "–" : t("grants.assess.percent", { n: r.total })}</strong>
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        )}
        {a.weighted !== null && <P>{t("grants.assess.weightedAll", { n: a.weighted, reviewers: a.reviewers.length })}</P>}
        {a.me.mayWrite &&
          (blocked ? (
            <Alert color="info">{t(blocked)}</Alert>
          ) : a.me.scoringFull ? (
            <Alert color="info">{t("grants.assess.score.full")}</Alert>
          ) : (
            <Form action={`${base}/scores`} aria-label={t("grants.assess.scores.yours")}>
              <Failure failed={failed} form="scores" />
              <h3 class="ds-heading" data-size="xs">
                {t("grants.assess.scores.yours")}
              </h3>
              {a.scheme.criteria.map((c) => {
                const field = scoreField(c.key);
                const mine = a.reviewers.find((r) => r.id === a.me.id)?.scores.get(c.key);
                return (
                  <RadioGroup
                    name={field}
                    legend={`${pickText(c.label, lang)} (${t("grants.assess.weightOf", { n: c.weight })})`}
                    options={Array.from({ length: MAX_SCORE + 1 }, (_, i) => ({ value: String(i), label: fmt.number(i) }))}
                    value={values("scores")[field] ?? (mine === undefined ? undefined : String(mine))}
                    error={errors("scores")[field]}
                    inline
                  />
                );
              })}
              <div class="actions">
                <Button>{t("grants.assess.score.save")}</Button>
              </div>
            </Form>
          ))}
      </Section>

      <Section id="recommendation" title={t("grants.assess.recommendation")}>
        {app.recommendedAmount === null ? (
          <P>{t("grants.assess.recommend.none")}</P>
        ) : (
          <>
            <P>
              {t("grants.assess.recommend.current", {
                amount: money(app.recommendedAmount),
                who: name(app.recommendedBy),
                when: app.recommendedAt ? fmt.when(app.recommendedAt) : "",
              })}
            </P>
            {app.recommendation && <P class="pre-line">{app.recommendation}</P>}
          </>
        )}
        {a.me.mayWrite &&
          (blocked ? (
            <Alert color="info">{t(blocked)}</Alert>
          ) : (
            <Form action={`${base}/recommendation`} aria-label={t("grants.assess.recommendation")}>
              <Failure failed={failed} form="recommend" />
              {!app.eligibility?.verdict && <Alert color="info">{t("grants.assess.recommend.verdictFirst")}</Alert>}
              <Field
                name="amount"
                label="grants.assess.recommend.amount"
                hint="grants.assess.recommend.amountHint"
                value={values("recommend").amount ?? (app.recommendedAmount === null ? undefined : fmt.number(app.recommendedAmount / 100))}
                error={errors("recommend").amount}
                required
              />
              <Field
                name="recommendation"
                label="grants.assess.recommend.text"
                multiline
                value={values("recommend").recommendation ?? app.recommendation}
                error={errors("recommend").recommendation}
              />
              <div class="actions">
                <Button>{t("grants.assess.recommend.save")}</Button>
              </div>
            </Form>
          ))}
      </Section>

      <Section id="questions" title={t("grants.assess.questions")}>
        {a.questions.length === 0 ? (
          <P>{t("grants.assess.questions.none")}</P>
        ) : (
          <ul class="ds-list">
            {a.questions.map((q) => (
              <li>
                <strong>
                  {name(q.askedBy)}, {fmt.when(q.askedAt)}:
                </strong>{" "}
                <span class="pre-line">{q.question}</span>
                {q.fieldKeys.length > 0 && (
                  <div>
                    {t("grants.assess.question.opened", {
                      fields: fmt.list(q.fieldKeys.map((k) => pickText(fields.find((f) => f.key === k)?.label, lang) || k)),
                    })}
                  </div>
                )}
                <div>
                  {q.answer === null ? (
                    <em>{t("grants.assess.question.waiting")}</em>
                  ) : (
                    <>
                      {t("grants.assess.question.answered", { when: q.answeredAt ? fmt.when(q.answeredAt) : "" })} <span class="pre-line">{q.answer}</span>
                    </>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        {a.me.mayWrite &&
          (blocked ? (
            <Alert color="info">{t(blocked)}</Alert>
          ) : app.status === "questioned" ? (
            <Alert color="info">{t("grants.assess.question.open")}</Alert>
          ) : (
            <Form action={`${base}/questions`} aria-label={t("grants.assess.question.ask")}>
              <Failure failed={failed} form="question" />
              <h3 class="ds-heading" data-size="xs">
                {t("grants.assess.question.ask")}
              </h3>
              <Field
                name="question"
                label="grants.assess.question.text"
                hint="grants.assess.question.hint"
                multiline
                required
                value={values("question").question}
                error={errors("question").question}
              />
              <div id="f-fields">
                <Checkboxes
                  name="fields"
                  legend="grants.assess.question.fields"
                  options={fields.map((f) => ({ value: f.key, label: pickText(f.label, lang) }))}
                  chosen={failed?.form === "question" ? (failed.chosen ?? []) : []}
                />
                <ValidationMessage error={errors("question").fields} />
              </div>
              <div class="actions">
                <Button>{t("grants.assess.question.send")}</Button>
              </div>
            </Form>
          ))}
      </Section>

      <Section id="notes" title={t("grants.assess.notes")}>
        <P>{t("grants.assess.notes.intro")}</P>
        {internal.length === 0 ? (
          <P>{t("grants.assess.notes.none")}</P>
        ) : (
          <ul class="ds-list">
            {internal.map((n) => (
              <li>
                <strong>
                  {name(n.authorId)}, {fmt.when(n.createdAt)}:
                </strong>{" "}
                <span class="pre-line">{n.body}</span>
              </li>
            ))}
          </ul>
        )}
        {a.me.mayWrite && (
          <Form action={`${base}/notes`} aria-label={t("grants.assess.notes.add")}>
            <Failure failed={failed} form="note" />
            <Field name="body" label="grants.assess.notes.add" multiline required value={values("note").body} error={errors("note").body} />
            <div class="actions">
              <Button>{t("grants.assess.notes.save")}</Button>
            </div>
          </Form>
        )}
      </Section>
    </div>
  );
}
