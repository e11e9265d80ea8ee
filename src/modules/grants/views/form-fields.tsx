import type { Child } from "hono/jsx";
import { type FieldError, type FieldErrors, fieldMessage } from "../../../platform/http/errors.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { inputName } from "../answers.js";
import { type FormDefinition, type FormField, pickText } from "../form.model.js";
import type { ApplicationFile } from "../grants.model.js";

export type FormValues = Record<string, string | string[]>;

/** Where a file field's buttons send the form: upload, remove one file, and download. */
export interface FileActions {
  upload: string;
  remove: (fileId: string) => string;
  download: (fileId: string) => string;
}

/** Blank budget lines offered below the lines written; saving gives new ones. */
const BLANK_LINES = 3;

const idOf = (name: string) => `f-${name}`;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));

function Described(props: { id: string; help: string; error?: FieldError; condition?: string }) {
  const { t, fmt } = usePage();
  return (
    <>
      {props.condition && (
        <div class="ds-paragraph form-condition" data-field="description" id={`${props.id}-if`}>
          {props.condition}
        </div>
      )}
      {props.help && (
        <div class="ds-paragraph pre-line" data-field="description" id={`${props.id}-hint`}>
          {props.help}
        </div>
      )}
      {props.error && (
        <div class="ds-validation-message" data-field="validation" id={`${props.id}-error`}>
          {fieldMessage(t, props.error, fmt)}
        </div>
      )}
    </>
  );
}

const describedBy = (id: string, has: { help: boolean; error: boolean; condition: boolean }) =>
  [has.condition && `${id}-if`, has.help && `${id}-hint`, has.error && `${id}-error`].filter(Boolean).join(" ") || undefined;

function LabelText(props: { field: FormField }) {
  const { t, lang } = usePage();
  return (
    <>
      {pickText(props.field.label, lang)}
      {!props.field.required && <span> {t("form.optional")}</span>}
    </>
  );
}

function BudgetRows(props: { name: string; side: "cost" | "income"; values: FormValues; firstId?: string }) {
  const { t } = usePage();
  const labels = (props.values[`${props.name}.${props.side}.label[]`] as string[] | undefined) ?? [];
  const amounts = (props.values[`${props.name}.${props.side}.amount[]`] as string[] | undefined) ?? [];
  const count = Math.max(labels.length, amounts.length) + BLANK_LINES;
  const caption = t(props.side === "cost" ? "grants.form.budget.costs" : "grants.form.budget.incomes");
  return (
    <table class="ds-table budget-table" data-size="sm">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("grants.budget.line")}</th>
          <th scope="col" class="amount">
            {t("grants.budget.amount")}
          </th>
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: count }, (_, i) => (
          <tr>
            <td>
              <input
                class="ds-input"
                type="text"
                name={`${props.name}.${props.side}.label[]`}
                id={i === 0 && props.firstId ? props.firstId : undefined}
                value={labels[i] ?? ""}
                aria-label={`${caption}, ${t("grants.budget.line")} ${i + 1}`}
              />
            </td>
            <td class="amount">
              <input
                class="ds-input"
                type="text"
                inputmode="decimal"
                name={`${props.name}.${props.side}.amount[]`}
                value={amounts[i] ?? ""}
                aria-label={`${caption}, ${t("grants.budget.amount")} ${i + 1}`}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One field of the form as an input, with its label, help, condition and error tied to it. */
function Input(props: {
  field: FormField;
  form: FormDefinition;
  values: FormValues;
  error?: FieldError;
  files: readonly ApplicationFile[];
  fileActions?: FileActions;
}) {
  const { t, lang, fmt } = usePage();
  const { field } = props;
  const name = inputName(field.key);
  const id = idOf(name);
  const help = pickText(field.help, lang);
  let condition: string | undefined;
  if (field.showIf) {
    const on = props.form.sections.flatMap((s) => s.fields).find((f) => f.key === field.showIf?.field);
    const answer =
      on?.type === "yesNo"
        ? t(field.showIf.equals === "yes" ? "grants.answer.yes" : "grants.answer.no")
        : pickText(on?.choices.find((c) => c.key === field.showIf?.equals)?.label, lang);
    condition = t("grants.form.onlyIf", { question: pickText(on?.label, lang), answer: answer || field.showIf.equals });
  }
  const described = describedBy(id, { help: Boolean(help), error: Boolean(props.error), condition: Boolean(condition) });
  const common = { "aria-describedby": described, "aria-invalid": props.error ? "true" : undefined, "aria-required": field.required ? "true" : undefined };
  const value = first(props.values[name]);
  const wrap = (body: Child) => (
    <div class="ds-field form-field" data-show-if={field.showIf ? inputName(field.showIf.field) : undefined} data-show-equals={field.showIf?.equals}>
      {body}
    </div>
  );

  if (field.type === "choice" || field.type === "yesNo") {
    const options =
      field.type === "yesNo"
        ? [
            { key: "yes", label: t("grants.answer.yes") },
            { key: "no", label: t("grants.answer.no") },
          ]
        : field.choices.map((c) => ({ key: c.key, label: pickText(c.label, lang) }));
    return wrap(
      <fieldset class="ds-fieldset" aria-describedby={described} data-show-if={undefined}>
        <legend class="ds-label">
          <LabelText field={field} />
        </legend>
        <Described id={id} help={help} error={props.error} condition={condition} />
        {options.map((o, i) => (
          <div class="ds-field">
            <input
              class="ds-input"
              type="radio"
              name={name}
              id={i === 0 ? id : `${id}-${o.key}`}
              value={o.key}
              checked={value === o.key}
              aria-invalid={props.error ? "true" : undefined}
            />
            <label class="ds-label" for={i === 0 ? id : `${id}-${o.key}`}>
              {o.label}
            </label>
          </div>
        ))}
      </fieldset>,
    );
  }

  if (field.type === "budget") {
    return wrap(
      <fieldset class="ds-fieldset budget" aria-describedby={described}>
        <legend class="ds-label">
          <LabelText field={field} />
        </legend>
        <Described id={id} help={help || t("grants.form.budget.help")} error={props.error} condition={condition} />
        <BudgetRows name={name} side="cost" values={props.values} firstId={id} />
        <BudgetRows name={name} side="income" values={props.values} />
        <p class="ds-paragraph" data-size="sm">
          {t("grants.form.budget.moreLines")}
        </p>
      </fieldset>,
    );
  }

  if (field.type === "file") {
    const mine = props.files.filter((f) => f.fieldKey === field.key);
    return wrap(
      <>
        <label class="ds-label" for={id}>
          <LabelText field={field} />
        </label>
        <Described id={id} help={help || t("grants.files.help")} error={props.error} condition={condition} />
        {mine.length > 0 && (
          <ul class="ds-list file-list">
            {mine.map((f) => (
              <li>
                {props.fileActions ? (
                  <a class="ds-link" href={props.fileActions.download(f.id)}>
                    {f.name}
                  </a>
                ) : (
                  f.name
                )}{" "}
                ({fmt.number(Math.max(1, Math.round(f.size / 1024)), 0)} kB)
                {props.fileActions && (
                  <button class="ds-button" type="submit" data-variant="tertiary" data-size="sm" formaction={props.fileActions.remove(f.id)}>
                    {t("grants.files.remove", { name: f.name })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        <input class="ds-input" type="file" id={id} name={`file.${field.key}`} accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.pptx,.odt,.ods,.odp" {...common} />
        {props.fileActions && (
          <div>
            <button
              class="ds-button"
              type="submit"
              data-variant="secondary"
              data-size="sm"
              name="field"
              value={field.key}
              formaction={props.fileActions.upload}
            >
              {t("grants.files.upload")}
            </button>
          </div>
        )}
      </>,
    );
  }

  const label = (
    <label class="ds-label" for={id}>
      <LabelText field={field} />
    </label>
  );
  if (field.type === "longText") {
    return wrap(
      <>
        {label}
        <Described id={id} help={help} error={props.error} condition={condition} />
        <textarea class="ds-input" id={id} name={name} rows={6} {...common}>
          {value}
        </textarea>
      </>,
    );
  }
  const inputmode = field.type === "number" ? ("numeric" as const) : field.type === "amount" ? ("decimal" as const) : undefined;
  return wrap(
    <>
      {label}
      <Described id={id} help={help} error={props.error} condition={condition} />
      <input class="ds-input" type={field.type === "date" ? "date" : "text"} inputmode={inputmode} id={id} name={name} value={value} {...common} />
    </>,
  );
}

/**
 * A form definition drawn as inputs in the reader's language: each section a fieldset with its
 * heading as legend, help tied to each field, optional ones marked, errors by their field. A field
 * shown only on another's answer says so; the page's script hides it until then, and without the
 * script it is simply there with its condition. `only` draws just those fields (a question reopened them).
 */
export function FormFields(props: {
  form: FormDefinition;
  values: FormValues;
  errors: FieldErrors;
  files?: readonly ApplicationFile[];
  fileActions?: FileActions;
  only?: readonly string[];
}) {
  const { lang } = usePage();
  return (
    <div class="stack grant-form" data-conditional-form>
      {props.form.sections.map((section) => {
        const fields = section.fields.filter((f) => !props.only || props.only.includes(f.key));
        if (fields.length === 0) return null;
        const help = pickText(section.help, lang);
        return (
          <fieldset class="ds-fieldset form-section stack">
            <legend class="ds-heading" data-size="sm">
              {pickText(section.title, lang)}
            </legend>
            {help && <p class="ds-paragraph pre-line">{help}</p>}
            {fields.map((field) => (
              <Input
                field={field}
                form={props.form}
                values={props.values}
                error={props.errors[inputName(field.key)]}
                files={props.files ?? []}
                fileActions={props.fileActions}
              />
            ))}
          </fieldset>
        );
      })}
    </div>
  );
}
