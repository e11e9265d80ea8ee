import type { FieldErrors } from "../../../platform/http/errors.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
import { diffFields, type PendingChange } from "../../../platform/moderation/pending-change.js";
import { PendingChangeNotice, plainValue, type ShownChange, showDiff } from "../../../platform/ui/changes.js";
import { Button, ErrorSummary, Field, Form, Heading, P, ValidationMessage } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { type Association, PROFILE_FIELDS, type ProfileContent } from "../associations.model.js";

const PROFILE_LABELS: Record<(typeof PROFILE_FIELDS)[number], MessageKey> = {
  description: "directory.description",
  website: "directory.website",
  logoFileId: "directory.logo",
};

/** The difference between an association's public page and a change to it; a new logo is named, not drawn. */
export function useProfileChangeRows() {
  const { t } = usePage();
  const yesNo = { yes: t("common.yes"), no: t("common.no") };
  return (before: ProfileContent, after: ProfileContent): ShownChange[] =>
    showDiff(
      diffFields(before, after, PROFILE_FIELDS),
      (f) => t(PROFILE_LABELS[f]),
      (f, v) => (f === "logoFileId" ? (v ? t(v === before.logoFileId ? "change.samePicture" : "change.newPicture") : "") : plainValue(v, yesNo)),
    );
}

/** The form where an association says what it does, gives its website and sends its logo. */
export function ProfileFormPage(props: {
  associationId: string;
  name: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  /** The public page and the change to it that waits for staff, shown above the form. */
  pending?: { association: Association; change: PendingChange<ProfileContent> } | null;
}) {
  const { t } = usePage();
  const rows = useProfileChangeRows();
  const errors = props.errors ?? {};
  return (
    <div class="stack form">
      <Heading>{t("directory.profile.titleFor", { name: props.name })}</Heading>
      <P>{t("directory.profile.intro")}</P>
      {props.pending && (
        <PendingChangeNotice
          since={props.pending.change.since}
          rows={rows(props.pending.association, props.pending.change.content)}
          withdraw={`/directory/associations/${props.associationId}/profile/withdraw`}
        />
      )}
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
