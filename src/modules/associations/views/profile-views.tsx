import type { FieldErrors } from "../../../platform/http/errors.js";
import { Button, ErrorSummary, Field, Form, Heading, P, ValidationMessage } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";

/** The form where an association says what it does, gives its website and sends its logo. */
export function ProfileFormPage(props: { associationId: string; name: string; values: Record<string, string>; errors?: FieldErrors }) {
  const { t } = usePage();
  const errors = props.errors ?? {};
  return (
    <div class="stack form">
      <Heading>{t("directory.profile.titleFor", { name: props.name })}</Heading>
      <P>{t("directory.profile.intro")}</P>
      <ErrorSummary errors={errors} />
      <Form action={`/directory/associations/${props.associationId}/profile`} class="stack" multipart>
        <Field
          name="description"
          label="directory.description"
          hint="directory.description.hint"
          multiline
          value={props.values.description}
          error={errors.description}
        />
        <Field name="website" label="directory.website" type="url" value={props.values.website} error={errors.website} />
        <div class="ds-field">
          <label class="ds-label" for="f-logo">
            {t("directory.logo")} <span>{t("form.optional")}</span>
          </label>
          <div class="ds-paragraph" data-field="description" id="f-logo-hint">
            {t("directory.logo.hint")}
          </div>
          <input
            class="ds-input"
            type="file"
            id="f-logo"
            name="logo"
            accept="image/png,image/jpeg,image/webp"
            aria-describedby={errors.logo ? "f-logo-hint f-logo-error" : "f-logo-hint"}
            aria-invalid={errors.logo ? "true" : undefined}
          />
          <ValidationMessage id="f-logo-error" error={errors.logo} />
        </div>
        <Button variant="primary">{t("form.save")}</Button>
      </Form>
    </div>
  );
}
