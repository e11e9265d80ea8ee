import type { FieldErrors } from "../../../platform/http/errors.js";
import type { Lang } from "../../../platform/i18n/i18n.js";
import { Button, ButtonLink, ErrorSummary, Field, Form, Heading, P } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { DECISIONS } from "../grants.model.js";

const DECISION_KEYS = { granted: "grants.decision.granted", reduced: "grants.decision.reduced", rejected: "grants.decision.rejected" } as const;

export function SettingsPage(props: { languages: Lang[]; values: Record<string, string>; errors?: FieldErrors }) {
  const { t, fmt } = usePage();
  const v = props.values;
  const errors = props.errors ?? {};
  const opened = (prefix: string) => Object.keys(errors).some((k) => k.startsWith(prefix));
  return (
    <div class="stack form">
      <Heading>{t("grants.settings.title")}</Heading>
      <P>{t("grants.settings.intro")}</P>
      <ErrorSummary errors={errors} />
      <Form action="/grants/settings" class="stack">
        <fieldset class="ds-fieldset stack">
          <legend class="ds-label">{t("grants.settings.openData")}</legend>
          <Field name="funderId" label="grants.settings.funderId" hint="grants.settings.funderId.hint" value={v.funderId} error={errors.funderId} />
          <Field name="funderName" label="grants.settings.funderName" value={v.funderName} error={errors.funderName} />
          <Field name="idPrefix" label="grants.settings.idPrefix" hint="grants.settings.idPrefix.hint" value={v.idPrefix} error={errors.idPrefix} />
        </fieldset>
        <Heading level={2} size="md">
          {t("grants.settings.letters")}
        </Heading>
        <P>{t("grants.settings.letters.intro", { names: "{association}, {title}, {reference}, {scheme}, {amount}, {requested}, {reason}" })}</P>
        {DECISIONS.map((d) =>
          props.languages.map((l) => (
            <details class="ds-details" open={opened(`subject_${d}_${l}`) || opened(`body_${d}_${l}`)}>
              <summary>{t("grants.settings.letter", { decision: t(DECISION_KEYS[d]), language: fmt.languages([l]) })}</summary>
              <div class="stack" lang={l}>
                <Field name={`subject_${d}_${l}`} label="grants.settings.subject" value={v[`subject_${d}_${l}`]} error={errors[`subject_${d}_${l}`]} />
                <Field name={`body_${d}_${l}`} label="grants.settings.body" multiline value={v[`body_${d}_${l}`]} error={errors[`body_${d}_${l}`]} />
              </div>
            </details>
          )),
        )}
        <Heading level={2} size="md">
          {t("grants.settings.appeal")}
        </Heading>
        <P>{t("grants.settings.appeal.intro")}</P>
        {props.languages.map((l) => (
          <div lang={l}>
            <Field
              name={`appeal_${l}`}
              label={{ text: t("grants.settings.appeal.label", { language: fmt.languages([l]) }) }}
              multiline
              value={v[`appeal_${l}`]}
              error={errors[`appeal_${l}`]}
            />
          </div>
        ))}
        <div class="actions">
          <Button>{t("form.save")}</Button>
          <ButtonLink href="/grants/schemes" variant="tertiary">
            {t("form.cancel")}
          </ButtonLink>
        </div>
      </Form>
    </div>
  );
}
