import type { FieldErrors } from "../../../platform/http/errors.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { LanguageChoices } from "../../../platform/ui/audience-fields.js";
import {
  Alert,
  Button,
  ButtonLink,
  Checkboxes,
  ConfirmStep,
  DataTable,
  EmptyState,
  ErrorSummary,
  Field,
  Form,
  Heading,
  Link,
  P,
  Select,
  WeekGrid,
} from "../../../platform/ui/components.js";
import { FactBox, Paragraphs } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { Term } from "../../taxonomy/index.js";
import { type BridgeCase, type BridgeNote, NEEDS, SHARE_FIELDS } from "../bridge.model.js";
import { caseNeedLabels, copyLabels, howLabels, purposeLabels, sourceLabels, sourceUnitLabels, statusLabels } from "../case.labels.js";
import { shareFieldLabels } from "../handover.labels.js";
import { ConsentCopy, ConsentFields, type FormState } from "./refer-views.js";

const caseHref = (id: string, step = "") => `/bridge/cases/${id}${step}`;

/** A case in the bridge-builder's list: the first name, where it stands and who holds it. */
export interface CaseRow {
  c: BridgeCase;
  holder: string | null;
  mine: boolean;
  daysLeft: number | null;
}

/** The bridge-builder's cases: theirs, those shared with them, and those nobody holds yet. */
export function CaseListPage(props: { rows: CaseRow[] }) {
  const { t, fmt } = usePage();
  const groups: [MessageKey, CaseRow[]][] = [
    ["bridge.list.unheld", props.rows.filter((r) => r.c.builderId === null)],
    ["bridge.list.mine", props.rows.filter((r) => r.c.builderId !== null && r.mine)],
    ["bridge.list.shared", props.rows.filter((r) => r.c.builderId !== null && !r.mine)],
  ];
  return (
    <div class="stack">
      <Heading>{t("bridge.list.title")}</Heading>
      <P>{t("bridge.list.intro")}</P>
      <div class="actions">
        <ButtonLink href="/bridge/refer">{t("bridge.list.refer")}</ButtonLink>
      </div>
      {props.rows.length === 0 && <EmptyState title="bridge.list.empty" />}
      {groups
        .filter(([, rows]) => rows.length > 0)
        .map(([title, rows], i) => (
          <section class="stack" aria-labelledby={`cases-${i}`}>
            <Heading level={2} size="md">
              <span id={`cases-${i}`}>{t(title)}</span>
            </Heading>
            <DataTable
              caption={t(title)}
              rows={rows}
              columns={[
                { key: "name", label: "bridge.list.col.name", cell: (r) => <Link href={caseHref(r.c.id)}>{r.c.firstName}</Link> },
                {
                  key: "status",
                  label: "bridge.list.col.status",
                  cell: (r) => (
                    <span class="ds-tag" data-color={r.c.status === "awaiting_consent" ? "warning" : "info"}>
                      {t(statusLabels[r.c.status])}
                    </span>
                  ),
                },
                { key: "referred", label: "bridge.list.col.referred", cell: (r) => fmt.date(r.c.createdAt) },
                {
                  key: "holder",
                  label: "bridge.list.col.holder",
                  cell: (r) => (r.daysLeft !== null ? t("bridge.daysLeft", { count: r.daysLeft }) : (r.holder ?? t("bridge.holder.nobody"))),
                },
              ]}
            />
          </section>
        ))}
    </div>
  );
}

/** The steps from referral to taking part, each with its own page. */
function Steps(props: { c: BridgeCase }) {
  const { t } = usePage();
  const c = props.c;
  const order = ["intake", "choosing", "handed_over", "taking_part", "closed"];
  const reached = (status: string) => order.indexOf(c.status) >= order.indexOf(status);
  const steps: { href: string; label: MessageKey; done: boolean }[] = [
    { href: caseHref(c.id, "/intake"), label: "bridge.step.intake", done: c.intakeAt !== null },
    { href: caseHref(c.id, "/suggestions"), label: "bridge.step.suggestions", done: reached("handed_over") },
    { href: caseHref(c.id, "/handover"), label: "bridge.step.handover", done: reached("taking_part") },
    { href: caseHref(c.id, "/companion"), label: "bridge.step.companion", done: c.companionId !== null },
    { href: caseHref(c.id, "/follow-ups"), label: "bridge.step.followUps", done: reached("closed") },
  ];
  return (
    <section class="stack" aria-labelledby="steps-heading">
      <Heading level={2} size="md">
        <span id="steps-heading">{t("bridge.steps.title")}</span>
      </Heading>
      <P>{t("bridge.steps.status", { status: t(statusLabels[c.status]) })}</P>
      <ol class="stack">
        {steps.map((s) => (
          <li>
            <Link href={s.href}>{t(s.label)}</Link>{" "}
            {s.done && (
              <span class="ds-tag" data-color="success">
                {t("bridge.step.done")}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Take the case, or share it with another bridge-builder. */
function Holding(props: { c: BridgeCase; mayTake: boolean; colleagues: { id: string; name: string }[]; errors: FieldErrors }) {
  const { t } = usePage();
  return (
    <section class="stack" aria-labelledby="holding-heading">
      <Heading level={2} size="md">
        <span id="holding-heading">{t("bridge.holding.title")}</span>
      </Heading>
      {props.mayTake && (
        <Form action={caseHref(props.c.id, "/take")} class="actions">
          <Button variant="primary">{t("bridge.take")}</Button>
        </Form>
      )}
      {props.colleagues.length === 0 && <P>{t("bridge.holding.noColleagues")}</P>}
      {props.colleagues.length > 0 && (
        <Form action={caseHref(props.c.id, "/share")}>
          <Select
            name="userId"
            label="bridge.share.with"
            error={props.errors.userId}
            options={[{ value: "", label: t("bridge.share.choose") }, ...props.colleagues.map((b) => ({ value: b.id, label: b.name }))]}
          />
          <div class="actions">
            <Button variant="secondary">{t("bridge.share")}</Button>
          </div>
        </Form>
      )}
    </section>
  );
}

export interface CasePageProps {
  c: BridgeCase;
  notes: BridgeNote[];
  names: Record<string, string>;
  mayTake: boolean;
  colleagues: { id: string; name: string }[];
  daysLeft: number | null;
  /** A form on the page that failed: the note, the share or the consent. */
  form?: FormState;
}

const nameOf = (names: Record<string, string>, id: string | null) => (id ? (names[id] ?? null) : null);

/** A case awaiting consent: only the first name and the way to reach them, the days left, and the consent form. */
function AwaitingCase(props: CasePageProps) {
  const { t, fmt } = usePage();
  const c = props.c;
  const form = props.form ?? { values: {}, errors: {} };
  return (
    <div class="stack">
      <P>
        <Link href="/bridge">{t("bridge.backToList")}</Link>
      </P>
      <Heading>{c.firstName}</Heading>
      <Alert color="warning">{t("bridge.awaiting.text", { count: props.daysLeft ?? 0 })}</Alert>
      <FactBox
        facts={[
          ["bridge.contact", c.contact],
          ["bridge.language", c.language ? fmt.languages([c.language]) : null],
          ["bridge.source", t(sourceLabels[c.source])],
        ]}
      />
      <section class="stack form" aria-labelledby="consent-form-heading">
        <Heading level={2} size="md">
          <span id="consent-form-heading">{t("bridge.consent.record")}</span>
        </Heading>
        <ConsentForm c={c} form={form} />
      </section>
      <Holding c={c} mayTake={props.mayTake} colleagues={props.colleagues} errors={form.errors} />
      <div class="actions">
        <ButtonLink href={caseHref(c.id, "/withdraw")} variant="tertiary">
          {t("bridge.awaiting.delete")}
        </ButtonLink>
      </div>
    </div>
  );
}

function ConsentForm(props: { c: BridgeCase; form: FormState }) {
  const { t } = usePage();
  const errors = props.form.errors;
  return (
    <>
      <ErrorSummary errors={errors} />
      <P>{t("bridge.consent.explain")}</P>
      <Form action={caseHref(props.c.id, "/consent")}>
        <ConsentFields form={props.form} self={false} />
        <Field name="reason" label="bridge.reason" hint="bridge.reason.hint" multiline value={props.form.values.reason} error={errors.reason} />
        <div class="actions">
          <Button variant="primary">{t("bridge.consent.save")}</Button>
        </div>
      </Form>
    </>
  );
}

/** The case's own page: who the person is, their consent, the steps, the notes, and who holds it. */
export function CasePage(props: CasePageProps) {
  const { t, fmt } = usePage();
  const c = props.c;
  if (!c.consent) return <AwaitingCase {...props} />;
  const consent = c.consent;
  const form = props.form ?? { values: {}, errors: {} };
  const source = c.sourceUnit ? `${t(sourceLabels[c.source])} (${t(sourceUnitLabels[c.sourceUnit])})` : t(sourceLabels[c.source]);
  return (
    <div class="stack">
      <P>
        <Link href="/bridge">{t("bridge.backToList")}</Link>
      </P>
      <Heading>{c.firstName}</Heading>
      <ErrorSummary errors={form.errors} />
      <FactBox
        facts={[
          ["bridge.contact", c.contact],
          ["bridge.language", c.language ? fmt.languages([c.language]) : null],
          ["bridge.source", source],
          ["bridge.referredBy", nameOf(props.names, c.referredBy)],
          ["bridge.referredOn", fmt.date(c.createdAt)],
          ["bridge.holder", nameOf(props.names, c.builderId) ?? t("bridge.holder.nobody")],
          ["bridge.sharedWith", c.sharedWith.map((id) => props.names[id] ?? "").join(", ")],
        ]}
      />
      <section class="ds-card stack" aria-labelledby="consent-heading">
        <Heading level={2} size="md">
          <span id="consent-heading">{t("bridge.consent.title")}</span>
        </Heading>
        <dl>
          <div class="detail-fact">
            <dt>{t("bridge.consent.when")}</dt>
            <dd>{fmt.date(consent.at)}</dd>
          </div>
          <div class="detail-fact">
            <dt>{t("bridge.consent.byWhom")}</dt>
            <dd>{nameOf(props.names, consent.by) ?? t(c.source === "self" ? "bridge.consent.byPerson" : "bridge.consent.byUnknown")}</dd>
          </div>
          <div class="detail-fact">
            <dt>{t("bridge.consent.purposes")}</dt>
            <dd>
              <ul class="ds-list">
                {consent.purposes.map((p) => (
                  <li>{t(purposeLabels[p])}</li>
                ))}
              </ul>
            </dd>
          </div>
          <div class="detail-fact">
            <dt>{t("bridge.consent.how")}</dt>
            <dd>{t(howLabels[consent.how])}</dd>
          </div>
          <div class="detail-fact">
            <dt>{t("bridge.consent.copy")}</dt>
            <dd>{t(copyLabels[consent.copy])}</dd>
          </div>
        </dl>
        <div class="actions">
          <ButtonLink href={caseHref(c.id, "/consent/print")}>{t("bridge.consent.printCopy")}</ButtonLink>
          <ButtonLink href={caseHref(c.id, "/withdraw")} variant="tertiary">
            {t("bridge.consent.withdraw")}
          </ButtonLink>
        </div>
      </section>
      {c.reason && (
        <section class="stack" aria-labelledby="reason-heading">
          <Heading level={2} size="md">
            <span id="reason-heading">{t("bridge.reason")}</span>
          </Heading>
          <Paragraphs text={c.reason} />
        </section>
      )}
      <Steps c={c} />
      <section class="stack" aria-labelledby="notes-heading">
        <Heading level={2} size="md">
          <span id="notes-heading">{t("bridge.notes.title")}</span>
        </Heading>
        {props.notes.length === 0 && <P>{t("bridge.notes.none")}</P>}
        <ul class="stack">
          {props.notes.map((n) => (
            <li class="ds-card stack">
              <P class="meta">
                {t("bridge.notes.meta", { date: fmt.dateTime(n.createdAt), name: nameOf(props.names, n.authorId) ?? t("bridge.notes.formerStaff") })}
              </P>
              <Paragraphs text={n.body} />
            </li>
          ))}
        </ul>
        <Form action={caseHref(c.id, "/notes")}>
          <Field name="body" label="bridge.notes.add" hint="bridge.notes.hint" required multiline value={form.values.body} error={form.errors.body} />
          <div class="actions">
            <Button variant="secondary">{t("bridge.notes.save")}</Button>
          </div>
        </Form>
      </section>
      <Holding c={c} mayTake={props.mayTake} colleagues={props.colleagues} errors={form.errors} />
    </div>
  );
}

/** Consent recorded later, on its own page. */
export function ConsentPage(props: { c: BridgeCase; form: FormState }) {
  const { t } = usePage();
  return (
    <div class="stack form">
      <P>
        <Link href={caseHref(props.c.id)}>{t("bridge.backToCaseOf", { name: props.c.firstName })}</Link>
      </P>
      <Heading>{t("bridge.consent.record")}</Heading>
      <ConsentForm c={props.c} form={props.form} />
    </div>
  );
}

/** The consent as a page to print and hand to the person. */
export function ConsentPrintPage(props: { c: BridgeCase; byName: string | null }) {
  const { t } = usePage();
  if (!props.c.consent) return null;
  return (
    <div class="stack">
      <P class="no-print">
        <Link href={caseHref(props.c.id)}>{t("bridge.backToCaseOf", { name: props.c.firstName })}</Link>
      </P>
      <P class="no-print">{t("bridge.sent.print")}</P>
      <ConsentCopy firstName={props.c.firstName} consent={props.c.consent} byName={props.byName} />
    </div>
  );
}

/** The intake conversation's form: the volunteer profile's fields where they fit, so matching reads them. */
export function IntakePage(props: { c: BridgeCase; form: FormState; categories: Term[]; askShare: boolean }) {
  const { t } = usePage();
  const v = props.form.values;
  const lists = props.form.lists ?? {};
  const errors = props.form.errors;
  return (
    <div class="stack form">
      <P>
        <Link href={caseHref(props.c.id)}>{t("bridge.backToCaseOf", { name: props.c.firstName })}</Link>
      </P>
      <Heading>{t("bridge.intake.title", { name: props.c.firstName })}</Heading>
      <P>{t("bridge.intake.intro")}</P>
      <ErrorSummary errors={errors} />
      <Form action={caseHref(props.c.id, "/intake")}>
        <Field name="wishes" label="bridge.intake.wishes" hint="bridge.intake.wishes.hint" multiline value={v.wishes} error={errors.wishes} />
        <Checkboxes
          name="interests"
          legend="bridge.intake.interests"
          chosen={lists.interests ?? []}
          options={props.categories.map((c) => ({ value: c.code, label: c.label }))}
        />
        <Field name="resources" label="bridge.intake.resources" hint="bridge.intake.resources.hint" multiline value={v.resources} error={errors.resources} />
        <Checkboxes
          name="needs"
          legend="bridge.intake.needs"
          chosen={lists.needs ?? []}
          options={NEEDS.map((n) => ({ value: n, label: t(caseNeedLabels[n]) }))}
        />
        <WeekGrid name="slots" legend="bridge.intake.slots" chosen={lists.slots ?? []} />
        <Field name="postcode" label="search.near" value={v.postcode} error={errors.postcode} autocomplete="off" />
        <LanguageChoices chosen={lists.languages ?? []} legend="bridge.intake.languages" />
        <Field name="notes" label="bridge.intake.notes" hint="bridge.intake.notes.hint" multiline value={v.notes} error={errors.notes} />
        {props.askShare && (
          <fieldset class="ds-fieldset" aria-describedby="shareFields-hint">
            <legend class="ds-label">{t("bridge.intake.share")}</legend>
            <div class="ds-paragraph" data-field="description" id="shareFields-hint">
              {t("bridge.intake.share.hint")}
            </div>
            {SHARE_FIELDS.map((f) => (
              <div class="ds-field">
                <input class="ds-input" type="checkbox" name="shareFields" value={f} id={`shareFields-${f}`} checked={lists.shareFields?.includes(f)} />
                <label class="ds-label" for={`shareFields-${f}`}>
                  {t(shareFieldLabels[f])}
                </label>
              </div>
            ))}
          </fieldset>
        )}
        <div class="actions">
          <Button variant="primary">{t("bridge.intake.save")}</Button>
        </div>
      </Form>
    </div>
  );
}

/** The step before withdrawing consent: what goes, and that it cannot be undone. */
export function WithdrawPage(props: { c: BridgeCase }) {
  const { t } = usePage();
  return (
    <ConfirmStep
      title={t(props.c.consent ? "bridge.withdraw.title" : "bridge.withdraw.titleAwaiting", { name: props.c.firstName })}
      action={caseHref(props.c.id, "/withdraw")}
      confirm="bridge.withdraw.confirm"
      cancelHref={caseHref(props.c.id)}
      danger
    >
      <P>{t("bridge.withdraw.text")}</P>
    </ConfirmStep>
  );
}
