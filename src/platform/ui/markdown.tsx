import type { FieldError } from "../http/errors.js";
import type { MessageKey } from "../i18n/i18n.js";
import { renderMarkdown } from "../markdown/markdown.js";
import { Button, Field } from "./components.js";
import { usePage } from "./page-context.js";

/** Text written in Markdown, shown as the safe HTML it makes. */
export function Markdown(props: { text: string; lang?: string }) {
  return <div class="prose" lang={props.lang} dangerouslySetInnerHTML={{ __html: renderMarkdown(props.text) }} />;
}

/**
 * The editor for a guide, a newsletter or any longer text: a text area with a short guide to the marks,
 * and a "Preview" button (name="preview") that the route answers by showing the page again with the result below.
 * It needs no JavaScript.
 */
export function MarkdownField(props: {
  name: string;
  label: MessageKey | { text: string };
  value?: string | null;
  error?: FieldError;
  required?: boolean;
  /** When the person asked for a preview: the text to show as it will look. */
  preview?: string | null;
}) {
  const { t } = usePage();
  const id = `f-${props.name}`;
  return (
    <div class="stack markdown-field">
      <Field name={props.name} label={props.label} hint="markdown.hint" multiline rows={14} value={props.value} error={props.error} required={props.required} />
      <details class="ds-details">
        <summary>{t("markdown.howTo")}</summary>
        <div>
          <table class="ds-table markdown-marks">
            <thead>
              <tr>
                <th scope="col">{t("markdown.write")}</th>
                <th scope="col">{t("markdown.get")}</th>
              </tr>
            </thead>
            <tbody>
              {MARKS.map(([mark, result]) => (
                <tr>
                  <td>
                    <code>{t(mark)}</code>
                  </td>
                  <td>{t(result)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <div>
        <Button variant="secondary" name="preview" value={props.name}>
          {t("markdown.preview")}
        </Button>
      </div>
      {props.preview != null && (
        <section class="markdown-preview" aria-labelledby={`${id}-preview`}>
          <h2 class="ds-heading" data-size="xs" id={`${id}-preview`}>
            {t("markdown.previewHeading")}
          </h2>
          {props.preview.trim() ? <Markdown text={props.preview} /> : <p class="ds-paragraph">{t("markdown.previewEmpty")}</p>}
        </section>
      )}
    </div>
  );
}

const MARKS: [MessageKey, MessageKey][] = [
  ["markdown.mark.heading", "markdown.result.heading"],
  ["markdown.mark.bold", "markdown.result.bold"],
  ["markdown.mark.list", "markdown.result.list"],
  ["markdown.mark.numbered", "markdown.result.numbered"],
  ["markdown.mark.link", "markdown.result.link"],
];
