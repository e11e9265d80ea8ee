import type { FieldErrors } from "../../../platform/http/errors.js";
import { countryProfile } from "../../../platform/tenants/countries.js";
import {
  Alert,
  Button,
  ButtonLink,
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
  ValidationMessage,
} from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { CertificateRow } from "../certificates.js";
import { outcomeLabels, stageColors, stageLabels } from "../certificates.labels.js";
import { OUTCOMES, type Stage } from "../certificates.model.js";

export type FormState = { values: Record<string, string>; errors: FieldErrors };

function StageTag(props: { stage: Stage }) {
  const { t } = usePage();
  return (
    <span class="ds-tag" data-color={stageColors[props.stage]}>
      {t(stageLabels[props.stage])}
    </span>
  );
}

/** Never the certificate: the page says so at the top of every form. */
function NeverStored() {
  const { t, tenant } = usePage();
  return <Alert color="info">{t("certificates.neverStored", { certificate: t(countryProfile(tenant.country).certificateName) })}</Alert>;
}

export function CertificatesPage(props: {
  association: { id: string; name: string };
  boards: { id: string; name: string }[];
  rows: CertificateRow[];
  renewalMonths: number;
}) {
  const { t, fmt, tenant } = usePage();
  const certificate = t(countryProfile(tenant.country).certificateName);
  return (
    <div class="stack">
      <Heading>{t("certificates.title", { certificate })}</Heading>
      <P>{t("certificates.intro", { association: props.association.name, months: props.renewalMonths })}</P>
      {props.boards.length > 1 && (
        <nav aria-label={t("certificates.chooseAssociation")} class="actions">
          {props.boards.map((b) => (
            <Link href={`/certificates?association=${b.id}`} current={b.id === props.association.id}>
              {b.name}
            </Link>
          ))}
        </nav>
      )}
      <div class="actions">
        <ButtonLink href={`/certificates/new?association=${props.association.id}`} variant="primary">
          {t("certificates.new")}
        </ButtonLink>
      </div>
      {props.rows.length === 0 ? (
        <EmptyState title="certificates.empty" text="certificates.emptyText" />
      ) : (
        <DataTable
          caption={t("certificates.title", { certificate })}
          rows={props.rows}
          columns={[
            { key: "name", label: "auth.name", cell: (c) => <Link href={`/certificates/${c.id}`}>{c.name}</Link> },
            { key: "email", label: "auth.email", cell: (c) => c.email },
            { key: "job", label: "certificates.job", cell: (c) => c.jobTitle ?? "–" },
            { key: "stage", label: "certificates.stage", cell: (c) => <StageTag stage={c.stage} /> },
            {
              key: "next",
              label: "certificates.nextDate",
              cell: (c) => (c.renewOn ? fmt.date(c.renewOn) : c.consentLapsesOn ? fmt.date(c.consentLapsesOn) : "–"),
            },
          ]}
        />
      )}
    </div>
  );
}

export function RequestFormPage(props: {
  boards: { id: string; name: string }[];
  associationId: string;
  jobs: { id: string; title: string }[];
  form: FormState;
}) {
  const { t } = usePage();
  const v = props.form.values;
  const e = props.form.errors;
  return (
    <div class="stack">
      <Heading>{t("certificates.new")}</Heading>
      <NeverStored />
      <ErrorSummary errors={e} />
      <Form action="/certificates/new">
        {props.boards.length > 1 ? (
          <Select
            name="association"
            label="certificates.association"
            options={props.boards.map((b) => ({ value: b.id, label: b.name }))}
            value={v.association ?? props.associationId}
            error={e.association}
          />
        ) : (
          <input type="hidden" name="association" value={props.associationId} />
        )}
        <Field name="name" label="certificates.volunteerName" value={v.name} error={e.name} required autocomplete="off" />
        <Field name="email" label="certificates.volunteerEmail" type="email" value={v.email} error={e.email} required autocomplete="off" />
        <Select
          name="opportunity"
          label="certificates.jobOptional"
          options={[{ value: "", label: t("certificates.noJob") }, ...props.jobs.map((j) => ({ value: j.id, label: j.title }))]}
          value={v.opportunity ?? ""}
          error={e.opportunity}
        />
        <Field name="requestedOn" label="certificates.requestedOn" type="date" value={v.requestedOn} error={e.requestedOn} required />
        <Field name="note" label="certificates.note" hint="certificates.note.hint" multiline rows={3} value={v.note} error={e.note} />
        <Button>{t("certificates.record")}</Button>
      </Form>
      <Link href={`/certificates?association=${props.associationId}`}>{t("certificates.back")}</Link>
    </div>
  );
}

function Fact(props: { label: string; value: string | null | undefined }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.value || "–"}</dd>
    </>
  );
}

export function CertificatePageView(props: {
  certificate: CertificateRow;
  associationName: string;
  names: Map<string, string>;
  today: string;
  defaultLapse: string;
  consent?: FormState;
  assessment?: FormState;
}) {
  const { t, fmt } = usePage();
  const c = props.certificate;
  const by = (day: string | null, who: string | null) =>
    day ? (who && props.names.get(who) ? t("certificates.dayBy", { date: fmt.date(day), name: props.names.get(who) ?? "" }) : fmt.date(day)) : null;
  const consent = props.consent ?? { values: {}, errors: {} };
  const assessment = props.assessment ?? { values: {}, errors: {} };
  const open = !c.leftOn && !c.outcome;
  return (
    <div class="stack">
      <Heading>{c.name}</Heading>
      <dl class="stacked-facts">
        <dt>{t("certificates.stage")}</dt>
        <dd>
          <StageTag stage={c.stage} />
        </dd>
        <Fact label={t("auth.email")} value={c.email} />
        <Fact label={t("certificates.association")} value={props.associationName} />
        <Fact label={t("certificates.job")} value={c.jobTitle} />
        <Fact label={t("certificates.requestedOn")} value={by(c.requestedOn, c.requestedBy)} />
        <Fact label={t("certificates.consentedOn")} value={by(c.consentedOn, c.consentRecordedBy)} />
        <Fact label={t("certificates.lapsesOn")} value={c.consentLapsesOn ? fmt.date(c.consentLapsesOn) : null} />
        <Fact label={t("certificates.outcome")} value={c.outcome ? t(outcomeLabels[c.outcome]) : null} />
        <Fact label={t("certificates.assessedOn")} value={by(c.assessedOn, c.assessedBy)} />
        <Fact label={t("certificates.renewOn")} value={c.renewOn ? fmt.date(c.renewOn) : null} />
        <Fact label={t("certificates.leftOn")} value={c.leftOn ? fmt.date(c.leftOn) : null} />
        <Fact label={t("certificates.note")} value={c.note} />
      </dl>
      <NeverStored />
      {open && (
        <section class="stack" aria-labelledby="consent-heading">
          <Heading level={2} size="md">
            <span id="consent-heading">{t("certificates.consent.heading")}</span>
          </Heading>
          <ErrorSummary errors={consent.errors} />
          <Form action={`/certificates/${c.id}/consent`}>
            <Field
              name="consentedOn"
              label="certificates.consentedOn"
              type="date"
              value={consent.values.consentedOn ?? c.consentedOn ?? props.today}
              error={consent.errors.consentedOn}
              required
            />
            <Field
              name="lapsesOn"
              label="certificates.lapsesOn"
              hint="certificates.lapsesOn.hint"
              type="date"
              value={consent.values.lapsesOn ?? c.consentLapsesOn ?? ""}
              error={consent.errors.lapsesOn}
            />
            <Button variant={c.consentedOn ? "secondary" : "primary"}>{t("certificates.consent.save")}</Button>
          </Form>
        </section>
      )}
      {open && c.consentedOn && (
        <section class="stack" aria-labelledby="assessment-heading">
          <Heading level={2} size="md">
            <span id="assessment-heading">{t("certificates.assessment.heading")}</span>
          </Heading>
          <ErrorSummary errors={assessment.errors} />
          <Form action={`/certificates/${c.id}/assessment`}>
            <fieldset class="ds-fieldset" id="f-outcome" aria-describedby={assessment.errors.outcome ? "f-outcome-error" : undefined}>
              <legend class="ds-label">{t("certificates.outcome")}</legend>
              {OUTCOMES.map((o) => (
                <div class="ds-field">
                  <input class="ds-input" type="radio" name="outcome" value={o} id={`f-outcome-${o}`} checked={assessment.values.outcome === o} />
                  <label class="ds-label" for={`f-outcome-${o}`}>
                    {t(outcomeLabels[o])}
                  </label>
                </div>
              ))}
              <ValidationMessage id="f-outcome-error" error={assessment.errors.outcome} />
            </fieldset>
            <Field
              name="assessedOn"
              label="certificates.assessedOn"
              type="date"
              value={assessment.values.assessedOn ?? props.today}
              error={assessment.errors.assessedOn}
              required
            />
            <Button>{t("certificates.assessment.save")}</Button>
          </Form>
        </section>
      )}
      <section class="stack" aria-labelledby="more-heading">
        <Heading level={2} size="md">
          <span id="more-heading">{t("certificates.more")}</span>
        </Heading>
        <div class="actions">
          {!c.leftOn && (
            <Form action={`/certificates/${c.id}/again`} class="actions">
              <Button variant="secondary">{t("certificates.again")}</Button>
            </Form>
          )}
          {!c.leftOn && (
            <Form action={`/certificates/${c.id}/left`} class="actions">
              <Button variant="secondary">{t("certificates.left")}</Button>
            </Form>
          )}
          <ButtonLink href={`/certificates/${c.id}/delete`} variant="tertiary">
            {t("certificates.delete")}
          </ButtonLink>
        </div>
        <Link href={`/certificates?association=${c.associationId}`}>{t("certificates.back")}</Link>
      </section>
    </div>
  );
}

export function SettingsPage(props: { months: number; countryDefault: number; form?: FormState }) {
  const { t } = usePage();
  const e = props.form?.errors ?? {};
  return (
    <div class="stack">
      <Heading>{t("certificates.settings.title")}</Heading>
      <P>{t("certificates.settings.intro", { months: props.countryDefault })}</P>
      <ErrorSummary errors={e} />
      <Form action="/certificates/settings">
        <Field
          name="renewalMonths"
          label="certificates.settings.months"
          type="number"
          value={props.form?.values.renewalMonths ?? String(props.months)}
          error={e.renewalMonths}
          required
        />
        <Button>{t("form.save")}</Button>
      </Form>
    </div>
  );
}

export function DeletePage(props: { id: string; name: string }) {
  const { t } = usePage();
  return (
    <ConfirmStep
      title={t("certificates.deleteTitle", { name: props.name })}
      action={`/certificates/${props.id}/delete`}
      confirm="certificates.delete"
      cancelHref={`/certificates/${props.id}`}
      danger
    >
      <P>{t("certificates.deleteText")}</P>
    </ConfirmStep>
  );
}
