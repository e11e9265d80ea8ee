import type { FieldErrors } from "../../../platform/http/errors.js";
import { Button, ErrorSummary, Field, Form, Heading, P } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";

export interface SettingsForm {
  followUpMonths: string;
  retentionMonths: string;
  welcomeItems: string;
}

/** The centre's own choices: when follow-ups fall due, how long a case is kept after the last, the welcome checklist. */
export function BridgeSettingsPage(props: { values: SettingsForm; defaultItems: string[]; errors?: FieldErrors }) {
  const { t } = usePage();
  const errors = props.errors ?? {};
  return (
    <div class="stack form">
      <Heading>{t("bridge.settings.title")}</Heading>
      <P>{t("bridge.settings.intro")}</P>
      <ErrorSummary errors={errors} />
      <Form action="/bridge/settings" aria-label={t("bridge.settings.title")}>
        <Field
          name="followUpMonths"
          label="bridge.settings.months"
          hint="bridge.settings.months.hint"
          required
          value={props.values.followUpMonths}
          error={errors.followUpMonths}
        />
        <Field
          name="retentionMonths"
          type="number"
          label="bridge.settings.retention"
          hint="bridge.settings.retention.hint"
          required
          value={props.values.retentionMonths}
          error={errors.retentionMonths}
        />
        <Field
          name="welcomeItems"
          label="bridge.settings.welcome"
          hint="bridge.settings.welcome.hint"
          multiline
          value={props.values.welcomeItems}
          error={errors.welcomeItems}
        />
        <section class="stack" aria-labelledby="default-items">
          <h2 class="ds-heading" data-size="xs" id="default-items">
            {t("bridge.settings.welcome.defaults")}
          </h2>
          <ul class="ds-list">
            {props.defaultItems.map((item) => (
              <li>{item}</li>
            ))}
          </ul>
        </section>
        <div class="actions">
          <Button>{t("form.save")}</Button>
        </div>
      </Form>
    </div>
  );
}
