import type { FieldErrors } from "../../../platform/http/errors.js";
import { LANGUAGES, languageNames, type MessageKey } from "../../../platform/i18n/i18n.js";
import { Alert, Button, ButtonLink, Checkboxes, ErrorSummary, Field, Form, Heading, P, Select, ValidationMessage } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { CONSENT_COPY, CONSENT_HOW, type Consent, PURPOSES, SOURCE_UNITS, type Source } from "../bridge.model.js";
import { copyLabels, howLabels, purposeLabels, sourceLabels, sourceUnitLabels } from "../case.labels.js";

export interface FormState {
  values: Record<string, string>;
  /** The checkbox groups as lists. */
  lists?: Record<string, string[]>;
  errors: FieldErrors;
}

/** A group of radio buttons under one legend, its error tied to the group. */
export function Radios(props: {
  name: string;
  legend: MessageKey;
  hint?: MessageKey;
  options: { value: string; label: string }[];
  value?: string;
  error?: FieldErrors[string];
}) {
  const { t } = usePage();
  const errorId = `f-${props.name}-error`;
  return (
    <fieldset class="ds-fieldset" id={`f-${props.name}`} aria-describedby={props.error ? errorId : undefined}>
      <legend class="ds-label">{t(props.legend)}</legend>
      {props.hint && <P>{t(props.hint)}</P>}
      {props.options.map((o) => (
        <div class="ds-field">
          <input class="ds-input" type="radio" name={props.name} value={o.value} id={`f-${props.name}-${o.value}`} checked={props.value === o.value} />
          <label class="ds-label" for={`f-${props.name}-${o.value}`}>
            {o.label}
          </label>
        </div>
      ))}
      <ValidationMessage id={errorId} error={props.error} />
    </fieldset>
  );
}

/**
 * What the person agrees to, how it was asked, and how they get their copy. The person themself
 * gives it digitally, so the "how" is not asked of them.
 */
export function ConsentFields(props: { form: FormState; self: boolean }) {
  const { t } = usePage();
  const v = props.form.values;
  const errors = props.form.errors;
  const purposes = props.form.lists?.purposes ?? ["bridge_building"];
  return (
    <>
      <div class="stack" id="f-purposes">
        <Checkboxes
          name="purposes"
          legend={props.self ? "bridge.consent.purposes.self" : "bridge.consent.purposes"}
          chosen={purposes}
          options={PURPOSES.map((p) => ({ value: p, label: t(purposeLabels[p]) }))}
        />
        <ValidationMessage error={errors.purposes} />
      </div>
      {!props.self && (
        <Radios
          name="how"
          legend="bridge.consent.how"
          value={v.how}
          error={errors.how}
          options={CONSENT_HOW.filter((h) => h !== "digital").map((h) => ({ value: h, label: t(howLabels[h]) }))}
        />
      )}
      <Radios
        name="copy"
        legend={props.self ? "bridge.consent.copy.self" : "bridge.consent.copy"}
        hint="bridge.consent.copy.hint"
        value={v.copy}
        error={errors.copy}
        options={CONSENT_COPY.map((c) => ({ value: c, label: t(copyLabels[c]) }))}
      />
    </>
  );
}

/** The short referral form: who refers, who the person is and how to reach them, the consent, and why. */
export function ReferPage(props: { form: FormState; sources: Source[] }) {
  const { t } = usePage();
  const self = props.sources.length === 1 && props.sources[0] === "self";
  const v = props.form.values;
  const errors = props.form.errors;
  return (
    <div class="stack form">
      <Heading>{t(self ? "bridge.refer.self.title" : "bridge.refer.title")}</Heading>
      <P>{t(self ? "bridge.refer.self.intro" : "bridge.refer.intro")}</P>
      <ErrorSummary errors={errors} />
      <Form action="/bridge/refer">
        {!self && (
          <>
            {props.sources.length > 1 ? (
              <Radios
                name="source"
                legend="bridge.refer.source"
                value={v.source ?? props.sources[0]}
                error={errors.source}
                options={props.sources.map((s) => ({ value: s, label: t(sourceLabels[s]) }))}
              />
            ) : (
              <input type="hidden" name="source" value={props.sources[0]} />
            )}
            {props.sources.includes("municipality") && (
              <Select
                name="sourceUnit"
                label="bridge.refer.sourceUnit"
                value={v.sourceUnit ?? ""}
                error={errors.sourceUnit}
                options={[{ value: "", label: t("bridge.refer.sourceUnit.choose") }, ...SOURCE_UNITS.map((u) => ({ value: u, label: t(sourceUnitLabels[u]) }))]}
              />
            )}
          </>
        )}
        <Field
          name="firstName"
          label={self ? "bridge.firstName.self" : "bridge.firstName"}
          required
          value={v.firstName}
          error={errors.firstName}
          autocomplete={self ? "given-name" : "off"}
        />
        <Field
          name="contact"
          label={self ? "bridge.contact.self" : "bridge.contact"}
          hint="bridge.contact.hint"
          required
          value={v.contact}
          error={errors.contact}
        />
        <Select
          name="language"
          label="bridge.language"
          value={v.language ?? ""}
          error={errors.language}
          options={[{ value: "", label: t("bridge.language.choose") }, ...LANGUAGES.map((l) => ({ value: l, label: languageNames[l] }))]}
        />
        <section class="ds-card stack" aria-labelledby="consent-heading">
          <Heading level={2} size="sm">
            <span id="consent-heading">{t("bridge.consent.title")}</span>
          </Heading>
          <P>{t(self ? "bridge.consent.explain.self" : "bridge.consent.explain")}</P>
          <Radios
            name="consent"
            legend={self ? "bridge.consent.given.self" : "bridge.consent.given"}
            value={v.consent}
            error={errors.consent}
            options={[
              { value: "yes", label: t(self ? "bridge.consent.yes.self" : "bridge.consent.yes") },
              { value: "no", label: t(self ? "bridge.consent.no.self" : "bridge.consent.no") },
            ]}
          />
          <ConsentFields form={props.form} self={self} />
        </section>
        <Field name="reason" label={self ? "bridge.reason.self" : "bridge.reason"} hint="bridge.reason.hint" multiline value={v.reason} error={errors.reason} />
        <div class="actions">
          <Button variant="primary">{t("bridge.refer.send")}</Button>
        </div>
      </Form>
    </div>
  );
}

/** The consent as the person's copy: who, when, to what, how, and how to withdraw it. */
export function ConsentCopy(props: { firstName: string; consent: Consent; byName: string | null }) {
  const { t, fmt, tenant } = usePage();
  const c = props.consent;
  return (
    <section class="ds-card stack consent-copy" aria-labelledby="consent-copy-heading">
      <Heading level={2} size="md">
        <span id="consent-copy-heading">{t("bridge.consentCopy.title", { centre: tenant.name })}</span>
      </Heading>
      <P>{t("bridge.consentCopy.intro", { name: props.firstName, date: fmt.date(c.at), centre: tenant.name })}</P>
      <ul>
        {c.purposes.map((p) => (
          <li>{t(purposeLabels[p])}</li>
        ))}
      </ul>
      <P>{t("bridge.consentCopy.how", { how: t(howLabels[c.how]) })}</P>
      {props.byName && <P>{t("bridge.consentCopy.by", { name: props.byName })}</P>}
      <P>{t("bridge.consentCopy.withdraw", { email: tenant.contactEmail })}</P>
    </section>
  );
}

/** After a referral: what happens now, in plain words, and the consent's copy to print when it was asked for. */
export function ReferSentPage(props: { firstName: string; consent: Consent | null; mailed: boolean; self: boolean; byName: string | null }) {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("bridge.sent.title")}</Heading>
      <Alert color="success" role="status">
        {t(props.self ? "bridge.sent.self" : "bridge.sent.other", { name: props.firstName })}
      </Alert>
      <P>{t(props.consent ? "bridge.sent.next" : "bridge.sent.noConsent")}</P>
      {props.mailed && <P>{t("bridge.sent.mailed")}</P>}
      {props.consent?.copy === "print" && (
        <>
          <P class="no-print">{t("bridge.sent.print")}</P>
          <ConsentCopy firstName={props.firstName} consent={props.consent} byName={props.byName} />
        </>
      )}
      <div class="actions no-print">
        <ButtonLink href="/bridge/refer">{t("bridge.sent.another")}</ButtonLink>
      </div>
    </div>
  );
}
