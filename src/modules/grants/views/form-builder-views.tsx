import type { FieldErrors } from "../../../platform/http/errors.js";
import type { Lang } from "../../../platform/i18n/i18n.js";
import { Alert, Button, ButtonLink, Checkbox, ErrorSummary, Field, Form, Heading, P, Select } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { FIELD_TYPES, type FormField, type FormSection, pickText } from "../form.model.js";
import type { Builder } from "../form-builder.js";

export const TYPE_KEYS = {
  text: "grants.field.type.text",
  longText: "grants.field.type.longText",
  number: "grants.field.type.number",
  amount: "grants.field.type.amount",
  date: "grants.field.type.date",
  choice: "grants.field.type.choice",
  yesNo: "grants.field.type.yesNo",
  file: "grants.field.type.file",
  budget: "grants.field.type.budget",
} as const;

function ActionButton(props: { op: string; label: string; name: string; danger?: boolean }) {
  return (
    <button class="ds-button" type="submit" data-variant="tertiary" data-size="sm" data-color={props.danger ? "danger" : undefined} name="op" value={props.op}>
      {props.label}
      <span class="ds-sr-only">: {props.name}</span>
    </button>
  );
}

/** One row of a field's or section's tools in its own form: change it, move it up or down, remove it. */
function Moves(props: {
  schemeId: string;
  target: string;
  name: string;
  kind: "field" | "section";
  edit: { href: string; label: string };
  first: boolean;
  last: boolean;
}) {
  const { t } = usePage();
  return (
    <Form action={`/grants/schemes/${props.schemeId}/form/change`} class="actions">
      <input type="hidden" name="key" value={props.target} />
      <a class="ds-link" href={props.edit.href}>
        {props.edit.label}
        <span class="ds-sr-only">: {props.name}</span>
      </a>
      {!props.first && <ActionButton op={`${props.kind}Up`} name={props.name} label={t("grants.form.up")} />}
      {!props.last && <ActionButton op={`${props.kind}Down`} name={props.name} label={t("grants.form.down")} />}
      <ActionButton op={`${props.kind}Remove`} name={props.name} label={t("grants.form.remove")} danger />
    </Form>
  );
}

export function BuilderPage(props: { builder: Builder; error?: string | null; conditionText: (f: FormField) => string | null }) {
  const { t, lang } = usePage();
  const { scheme, version, uses } = props.builder;
  const base = `/grants/schemes/${scheme.id}/form`;
  const sections = version.definition.sections;
  return (
    <div class="stack">
      <Heading>{t("grants.form.title")}</Heading>
      <P>
        <strong>{scheme.title}</strong>
      </P>
      <P>{t("grants.form.intro")}</P>
      <P>
        {t("grants.form.version", { version: version.version })} {uses.map((u) => t("grants.form.uses", { count: u.count, version: u.version })).join(" ")}
        {version.frozenAt && <> {t("grants.form.frozen")}</>}
      </P>
      <div class="actions">
        <ButtonLink href={`/grants/schemes/${scheme.id}/preview`}>{t("grants.form.preview")}</ButtonLink>
        <ButtonLink href={`/grants/schemes/${scheme.id}`} variant="tertiary">
          {t("grants.form.backToScheme")}
        </ButtonLink>
      </div>
      {props.error && (
        <Alert color="danger" role="alert">
          {props.error}
        </Alert>
      )}
      {sections.map((section: FormSection, si) => {
        const title = pickText(section.title, lang);
        return (
          <section class="ds-card stack" aria-label={title}>
            <Heading level={2} size="md">
              {title}
            </Heading>
            {pickText(section.help, lang) && <P>{pickText(section.help, lang)}</P>}
            <Moves
              schemeId={scheme.id}
              target={section.key}
              name={title}
              kind="section"
              edit={{ href: `${base}/sections/${section.key}`, label: t("grants.form.section.rename") }}
              first={si === 0}
              last={si === sections.length - 1}
            />
            {section.fields.length === 0 ? (
              <P>{t("grants.form.section.empty")}</P>
            ) : (
              <ol class="stack grants-fields">
                {section.fields.map((f, fi) => {
                  const label = pickText(f.label, lang);
                  const condition = props.conditionText(f);
                  return (
                    <li>
                      <div>
                        <strong>{label}</strong> – {t(TYPE_KEYS[f.type])}
                        {f.required ? `, ${t("grants.field.required.short")}` : ""}
                      </div>
                      {condition && <div class="ds-paragraph">{condition}</div>}
                      <Moves
                        schemeId={scheme.id}
                        target={f.key}
                        name={label}
                        kind="field"
                        edit={{ href: `${base}/fields/${f.key}`, label: t("grants.form.field.edit") }}
                        first={si === 0 && fi === 0}
                        last={si === sections.length - 1 && fi === section.fields.length - 1}
                      />
                    </li>
                  );
                })}
              </ol>
            )}
            <div>
              <ButtonLink href={`${base}/fields/new?section=${section.key}`}>{t("grants.form.field.add")}</ButtonLink>
            </div>
          </section>
        );
      })}
      <div>
        <ButtonLink href={`${base}/sections/new`}>{t("grants.form.section.add")}</ButtonLink>
      </div>
    </div>
  );
}

export function FieldFormPage(props: {
  schemeId: string;
  field: FormField | null;
  section: string;
  sections: { value: string; label: string }[];
  languages: Lang[];
  defaultLanguage: Lang;
  conditions: { value: string; label: string }[];
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t, fmt } = usePage();
  const v = props.values;
  const errors = props.errors ?? {};
  const base = `/grants/schemes/${props.schemeId}/form`;
  const action = props.field ? `${base}/fields/${props.field.key}` : `${base}/fields/new`;
  const langName = (l: Lang) => fmt.languages([l]);
  return (
    <div class="stack form">
      <Heading>{props.field ? t("grants.field.edit") : t("grants.field.new")}</Heading>
      <ErrorSummary errors={errors} />
      <Form action={action} class="stack">
        {props.field ? (
          <input type="hidden" name="section" value={props.section} />
        ) : (
          <Select name="section" label="grants.field.section" value={props.section} options={props.sections} error={errors.section} />
        )}
        <Select
          name="type"
          label="grants.field.type"
          value={v.type}
          error={errors.type}
          options={FIELD_TYPES.map((ty) => ({ value: ty, label: t(TYPE_KEYS[ty]) }))}
        />
        {props.languages.map((l) => (
          <div class="stack" lang={l}>
            <Field
              name={`label_${l}`}
              label={{ text: t("grants.field.label", { language: langName(l) }) }}
              required={l === props.defaultLanguage}
              value={v[`label_${l}`]}
              error={errors[`label_${l}`]}
            />
            <Field
              name={`help_${l}`}
              label={{ text: t("grants.field.help", { language: langName(l) }) }}
              multiline
              value={v[`help_${l}`]}
              error={errors[`help_${l}`]}
            />
            <Field
              name={`choices_${l}`}
              label={{ text: t("grants.field.choices", { language: langName(l) }) }}
              hint={l === props.defaultLanguage ? "grants.field.choices.hint" : "grants.field.choices.translated"}
              multiline
              value={v[`choices_${l}`]}
              error={errors[`choices_${l}`]}
            />
          </div>
        ))}
        <Checkbox name="required" label="grants.field.required" checked={v.required === "on"} />
        <Field name="max" label="grants.field.max" hint="grants.field.max.hint" value={v.max} error={errors.max} />
        <Select
          name="showIf"
          label="grants.field.showIf"
          value={v.showIf}
          error={errors.showIf}
          options={[{ value: "", label: t("grants.field.showIf.always") }, ...props.conditions]}
        />
        <div class="actions">
          <Button>{t(props.field ? "grants.field.save" : "grants.field.create")}</Button>
          <ButtonLink href={base} variant="tertiary">
            {t("form.cancel")}
          </ButtonLink>
        </div>
      </Form>
    </div>
  );
}

export function SectionFormPage(props: {
  schemeId: string;
  section: FormSection | null;
  languages: Lang[];
  defaultLanguage: Lang;
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t, fmt } = usePage();
  const v = props.values;
  const errors = props.errors ?? {};
  const base = `/grants/schemes/${props.schemeId}/form`;
  return (
    <div class="stack form">
      <Heading>{props.section ? t("grants.section.edit") : t("grants.section.new")}</Heading>
      <ErrorSummary errors={errors} />
      <Form action={props.section ? `${base}/sections/${props.section.key}` : `${base}/sections/new`} class="stack">
        {props.languages.map((l) => (
          <div class="stack" lang={l}>
            <Field
              name={`title_${l}`}
              label={{ text: t("grants.section.title", { language: fmt.languages([l]) }) }}
              required={l === props.defaultLanguage}
              value={v[`title_${l}`]}
              error={errors[`title_${l}`]}
            />
            <Field
              name={`help_${l}`}
              label={{ text: t("grants.section.help", { language: fmt.languages([l]) }) }}
              multiline
              value={v[`help_${l}`]}
              error={errors[`help_${l}`]}
            />
          </div>
        ))}
        <div class="actions">
          <Button>{t("form.save")}</Button>
          <ButtonLink href={base} variant="tertiary">
            {t("form.cancel")}
          </ButtonLink>
        </div>
      </Form>
    </div>
  );
}
