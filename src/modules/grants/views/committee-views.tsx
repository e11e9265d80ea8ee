import type { FieldErrors } from "../../../platform/http/errors.js";
import { moneyText } from "../../../platform/http/fields.js";
import {
  Alert,
  Button,
  ButtonLink,
  ConfirmStep,
  ErrorSummary,
  Field,
  Form,
  Heading,
  Link,
  P,
  Select,
  ValidationMessage,
} from "../../../platform/ui/components.js";
import { Breadcrumbs, Paragraphs } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { rowField } from "../committee.schema.js";
import type { Sitting, SittingItem } from "../decide.js";

export interface CommitteePageProps {
  sitting: Sitting;
  currency: string;
  /** May record decisions now (the round is closed for decision). */
  mayDecide: boolean;
  /** A caseworker, while the round is open: may close it (`closeAllowed` once its deadline has passed). */
  mayClose: boolean;
  closeAllowed: boolean;
  /** A caseworker, while the round is being decided: may send the letters. */
  maySend: boolean;
  /** The form as it was sent back, with what was typed, when it broke a rule. */
  form?: { values: Record<string, string>; errors: FieldErrors };
  /** Why the letters could not be sent. */
  lettersError?: FieldErrors;
}

const SCRIPT = `(() => {
  const form = document.getElementById("sitting");
  const facts = document.getElementById("budget-facts");
  if (!form || !facts) return;
  const budget = Number(facts.dataset.budget);
  const fmt = new Intl.NumberFormat(document.documentElement.lang, { style: "currency", currency: facts.dataset.currency });
  const row = document.createElement("div");
  row.className = "detail-fact";
  const label = document.createElement("dt");
  label.textContent = facts.dataset.label;
  const value = document.createElement("dd");
  const out = document.createElement("output");
  out.setAttribute("aria-live", "polite");
  value.append(out);
  row.append(label, value);
  const money = (text) => {
    const m = /^(\\d{1,3}(?:[. ]\\d{3})+|\\d+)(?:[.,](\\d{1,2}))?$/.exec(text.replace(/kr\\.?|€|[a-z]/gi, "").trim());
    return m ? Number(m[1].replace(/[. ]/g, "")) * 100 + (m[2] ? Number(m[2].padEnd(2, "0")) : 0) : 0;
  };
  const update = () => {
    let sum = 0;
    for (const row of form.querySelectorAll("[data-row]")) {
      const choice = row.querySelector("select");
      const amount = row.querySelector("input[data-amount]");
      const decision = choice ? choice.value : row.dataset.decision;
      if (decision === "granted" || decision === "reduced") sum += amount ? money(amount.value) : Number(row.dataset.granted || 0);
    }
    out.textContent = fmt.format((budget - sum) / 100);
    if (!row.isConnected) facts.append(row);
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
})();`;

/** The sitting: each sent application with the caseworkers' recommendation, the budget as decided so far, and one form for the decisions. */
export function CommitteePage(props: CommitteePageProps) {
  const { t, fmt, nonce } = usePage();
  const { round, scheme, items } = props.sitting;
  const money = (minor: number) => fmt.money(minor, props.currency);
  const errors = { ...(props.form?.errors ?? {}), ...(props.lettersError ?? {}) };
  return (
    <div class="stack">
      <Breadcrumbs trail={[{ href: "/grants/rounds", label: t("grants.committee.rounds") }]} current={round.title} />
      <Heading>{t("grants.committee.title", { round: round.title })}</Heading>
      <P>{t("grants.committee.intro", { scheme: scheme.title, body: round.decisionBody || t("grants.committee.theBody") })}</P>
      <ErrorSummary errors={errors} />

      <section class="ds-card detail-facts" aria-labelledby="budget-heading" id="f-budget" tabindex={-1}>
        <h2 class="ds-heading" data-size="xs" id="budget-heading">
          {t("grants.committee.budget.heading")}
        </h2>
        <dl id="budget-facts" data-budget={String(round.budget)} data-currency={props.currency} data-label={t("grants.committee.leftIfSaved")}>
          <div class="detail-fact">
            <dt>{t("grants.committee.budget")}</dt>
            <dd>{money(round.budget)}</dd>
          </div>
          <div class="detail-fact">
            <dt>{t("grants.committee.decidedSum")}</dt>
            <dd>{money(props.sitting.decidedSum)}</dd>
          </div>
          <div class="detail-fact">
            <dt>{t("grants.committee.left")}</dt>
            <dd>
              <strong>{money(props.sitting.left)}</strong>
            </dd>
          </div>
        </dl>
        <ValidationMessage error={errors.budget} />
      </section>

      <RoundStatus {...props} />

      {items.length === 0 ? (
        <P>{t("grants.committee.none")}</P>
      ) : props.mayDecide ? (
        <Form action={`/grants/rounds/${round.id}/committee`} id="sitting" aria-label={t("grants.committee.formLabel")}>
          <div class="stack">
            {items.map((item) => (
              <DecisionRow item={item} values={props.form?.values} errors={errors} currency={props.currency} />
            ))}
          </div>
          <div class="actions">
            <Button variant="primary">{t("grants.committee.save")}</Button>
          </div>
          <P>{t("grants.committee.saveHint")}</P>
        </Form>
      ) : (
        <ul class="detail-list" aria-label={t("grants.committee.listLabel")}>
          {items.map((item) => (
            <li>
              <ItemCard item={item} currency={props.currency} />
            </li>
          ))}
        </ul>
      )}
      {props.mayDecide && <script nonce={nonce} dangerouslySetInnerHTML={{ __html: SCRIPT }} />}

      {props.sitting.letters.length > 0 && <LetterList {...props} />}
    </div>
  );
}

function RoundStatus(props: CommitteePageProps) {
  const { t } = usePage();
  const { round } = props.sitting;
  if (round.status === "open") {
    return (
      <Alert color="info">
        <P>{t("grants.committee.open")}</P>
        {props.mayClose &&
          (props.closeAllowed ? (
            <div class="actions">
              <ButtonLink href={`/grants/rounds/${round.id}/close`} variant="primary">
                {t("grants.close.action")}
              </ButtonLink>
            </div>
          ) : (
            <P>{t("grants.close.beforeDeadline")}</P>
          ))}
      </Alert>
    );
  }
  if (round.status === "decided") return <Alert color="success">{t("grants.committee.decided")}</Alert>;
  if (!props.maySend) return null;
  return (
    <section class="stack" aria-labelledby="letters-heading">
      <Heading level={2} size="sm">
        <span id="letters-heading">{t("grants.letters.heading")}</span>
      </Heading>
      <P>{props.sitting.undecided > 0 ? t("grants.letters.waitFor", { count: props.sitting.undecided }) : t("grants.letters.ready")}</P>
      <span id="f-letters" />
      <ValidationMessage error={props.lettersError?.letters} />
      <Form action={`/grants/rounds/${round.id}/letters`} class="actions">
        <Button variant="secondary">{t("grants.letters.send")}</Button>
      </Form>
    </section>
  );
}

/** What the caseworkers found: the sums, the recommendation, the score and the verdict. */
function Findings(props: { item: SittingItem; currency: string }) {
  const { t, fmt } = usePage();
  const a = props.item.application;
  const verdict = a.eligibility?.verdict;
  return (
    <div class="stack">
      <div class="ds-card detail-facts">
        <dl>
          <div class="detail-fact">
            <dt>{t("grants.committee.requested")}</dt>
            <dd>{fmt.money(a.amountRequested, props.currency)}</dd>
          </div>
          <div class="detail-fact">
            <dt>{t("grants.committee.recommended")}</dt>
            <dd>{a.recommendedAmount === null ? t("grants.committee.noRecommendation") : fmt.money(a.recommendedAmount, props.currency)}</dd>
          </div>
          <div class="detail-fact">
            <dt>{t("grants.committee.score")}</dt>
            <dd>{props.item.score === null ? t("grants.committee.notScored") : t("grants.committee.scoreOf", { score: props.item.score })}</dd>
          </div>
          <div class="detail-fact">
            <dt>{t("grants.committee.eligibility")}</dt>
            <dd>
              {verdict === "eligible"
                ? t("grants.committee.eligible")
                : verdict === "not_eligible"
                  ? t("grants.committee.notEligible")
                  : t("grants.committee.notJudged")}
            </dd>
          </div>
        </dl>
      </div>
      {a.recommendation && <Paragraphs text={a.recommendation} />}
      {props.item.othersConflicted > 0 && <P>{t("grants.committee.othersConflicted", { count: props.item.othersConflicted })}</P>}
      <P>
        <Link href={`/grants/applications/${a.id}`}>{t("grants.committee.readApplication", { reference: a.reference })}</Link>
      </P>
    </div>
  );
}

function ItemTitle(props: { item: SittingItem }) {
  const a = props.item.application;
  return (
    <>
      <span>{a.reference}</span> · <span>{props.item.associationName}</span>: <span>{a.title}</span>
    </>
  );
}

function DecisionText(props: { item: SittingItem; currency: string }) {
  const { t, fmt } = usePage();
  const a = props.item.application;
  if (a.status !== "decided" || !a.decision) return <P>{t("grants.committee.notDecided")}</P>;
  return (
    <div class="stack">
      <P>
        <strong>{t(`grants.decision.${a.decision}`)}</strong>
        {a.decision !== "rejected" && `: ${fmt.money(a.grantedAmount ?? 0, props.currency)}`}
      </P>
      {a.decisionReason && <Paragraphs text={a.decisionReason} />}
    </div>
  );
}

/** An application in a list that only shows: before the round is closed, or after the letters. */
function ItemCard(props: { item: SittingItem; currency: string }) {
  return (
    <article class="ds-card stack">
      <Heading level={2} size="sm">
        <ItemTitle item={props.item} />
      </Heading>
      <Findings {...props} />
      <DecisionText {...props} />
    </article>
  );
}

/** One application's row of the sitting's form: the decision, the sum and the reason, and this person's declaration. */
function DecisionRow(props: { item: SittingItem; values?: Record<string, string>; errors: FieldErrors; currency: string }) {
  const { t, lang } = usePage();
  const a = props.item.application;
  const sent = props.values;
  const value = (name: "decision" | "amount" | "reason" | "conflictNote", saved: string) => (sent ? (sent[rowField(name, a.id)] ?? "") : saved);
  const decided = a.status === "decided" && a.decision;
  const savedMinor = decided && a.decision !== "rejected" ? (a.grantedAmount ?? 0) : a.recommendedAmount;
  const savedAmount = savedMinor === null ? "" : moneyText(savedMinor, lang);
  const conflicted = sent ? sent[rowField("conflict", a.id)] === "on" : props.item.conflict;
  const options = [
    ...(decided ? [] : [{ value: "", label: t("grants.committee.choose") }]),
    { value: "granted", label: t("grants.decision.granted") },
    { value: "reduced", label: t("grants.decision.reduced") },
    { value: "rejected", label: t("grants.decision.rejected") },
  ];
  const headingId = `row-${a.id}`;
  return (
    <section
      class="ds-card stack"
      aria-labelledby={headingId}
      data-row
      data-decision={a.decision ?? ""}
      data-granted={decided && a.decision !== "rejected" ? String(a.grantedAmount ?? 0) : "0"}
    >
      <Heading level={2} size="sm">
        <span id={headingId}>
          <ItemTitle item={props.item} />
        </span>
      </Heading>
      <Findings item={props.item} currency={props.currency} />
      {props.item.conflict ? (
        <>
          <Alert color="warning">{t("grants.committee.youAreConflicted")}</Alert>
          <DecisionText item={props.item} currency={props.currency} />
        </>
      ) : (
        <fieldset class="ds-fieldset stack">
          <legend class="ds-label">{t("grants.committee.decisionFor", { reference: a.reference })}</legend>
          <Select
            name={rowField("decision", a.id)}
            label="grants.committee.decision"
            value={value("decision", a.decision ?? "")}
            options={options}
            error={props.errors[rowField("decision", a.id)]}
          />
          <AmountField name={rowField("amount", a.id)} value={value("amount", savedAmount)} error={props.errors[rowField("amount", a.id)]} />
          <Field
            name={rowField("reason", a.id)}
            label="grants.committee.reason"
            hint="grants.committee.reason.hint"
            multiline
            value={value("reason", a.decisionReason ?? "")}
            error={props.errors[rowField("reason", a.id)]}
          />
        </fieldset>
      )}
      <details open={conflicted || undefined}>
        <summary>{t("grants.committee.conflict.summary")}</summary>
        <div class="stack">
          <div class="ds-field">
            <input class="ds-input" type="checkbox" name={rowField("conflict", a.id)} id={`f-${rowField("conflict", a.id)}`} checked={conflicted} />
            <label class="ds-label" for={`f-${rowField("conflict", a.id)}`}>
              {t("grants.committee.conflict")}
            </label>
          </div>
          <Field
            name={rowField("conflictNote", a.id)}
            label="grants.committee.conflictNote"
            value={value("conflictNote", props.item.conflictNote)}
            error={props.errors[rowField("conflictNote", a.id)]}
          />
        </div>
      </details>
    </section>
  );
}

/** The amount field, marked so the page's small script can add up the sums as they are typed. */
function AmountField(props: { name: string; value: string; error?: FieldErrors[string] }) {
  const { t } = usePage();
  const id = `f-${props.name}`;
  return (
    <div class="ds-field">
      <label class="ds-label" for={id}>
        {t("grants.committee.amount")}
      </label>
      <div class="ds-paragraph" data-field="description" id={`${id}-hint`}>
        {t("grants.committee.amount.hint")}
      </div>
      <input
        class="ds-input"
        id={id}
        name={props.name}
        type="text"
        inputmode="decimal"
        autocomplete="off"
        data-amount
        value={props.value}
        aria-describedby={props.error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={props.error ? "true" : undefined}
      />
      <ValidationMessage id={`${id}-error`} error={props.error} />
    </div>
  );
}

function LetterList(props: CommitteePageProps) {
  const { t, fmt } = usePage();
  const byApplication = new Map(props.sitting.items.map((i) => [i.application.id, i]));
  return (
    <section class="stack" aria-labelledby="sent-letters">
      <Heading level={2} size="md">
        <span id="sent-letters">{t("grants.letters.sent")}</span>
      </Heading>
      <ul class="detail-list">
        {props.sitting.letters.map((letter) => {
          const item = byApplication.get(letter.applicationId);
          return (
            <li>
              <Link href={`/grants/letters/${letter.id}.pdf`}>{item ? `${item.application.reference} · ${item.associationName}` : letter.subject}</Link>
              {" — "}
              <span>
                {letter.subject} ({fmt.dateTime(letter.createdAt)})
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The step before closing: what it means, and what it leaves behind. */
export function CloseRoundPage(props: { roundId: string; roundTitle: string; sent: number; notAssessed: number; drafts: number; error?: FieldErrors }) {
  const { t } = usePage();
  return (
    <ConfirmStep
      title={t("grants.close.title", { round: props.roundTitle })}
      action={`/grants/rounds/${props.roundId}/close`}
      confirm="grants.close.confirm"
      cancelHref={`/grants/rounds/${props.roundId}/committee`}
    >
      <ErrorSummary errors={props.error ?? {}} />
      <span id="f-round" />
      <P>{t("grants.close.what")}</P>
      <ul class="ds-list">
        <li>{t("grants.close.sent", { count: props.sent })}</li>
        <li>{t("grants.close.notAssessed", { count: props.notAssessed })}</li>
        <li>{t("grants.close.drafts", { count: props.drafts })}</li>
      </ul>
    </ConfirmStep>
  );
}
