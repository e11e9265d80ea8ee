import type { FieldDiff } from "../moderation/pending-change.js";
import { Alert, Button, Form, P } from "./components.js";
import { usePage } from "./page-context.js";

/** One field of a waiting change as a reader sees it: its label and its values in words. */
export interface ShownChange {
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

/** A difference in words: each field's label, and its values as the module shows them (names, not codes). */
export function showDiff<K extends string>(diffs: FieldDiff<K>[], label: (field: K) => string, show: (field: K, value: unknown) => string): ShownChange[] {
  return diffs.map((d) => ({ label: label(d.field), before: show(d.field, d.before), after: show(d.field, d.after), changed: d.changed }));
}

/** A plain value in words: yes or no, a list joined, nothing as empty. */
export function plainValue(value: unknown, yesNo: { yes: string; no: string }): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? yesNo.yes : yesNo.no;
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

/**
 * A change field by field: each changed field with its label, "Before" and "After" in words (not
 * colour alone), then the unchanged fields folded away.
 */
export function ChangeList(props: { rows: ShownChange[]; id: string }) {
  const { t } = usePage();
  const changed = props.rows.filter((r) => r.changed);
  const same = props.rows.filter((r) => !r.changed);
  return (
    <section class="change-list stack" aria-labelledby={`changes-${props.id}`}>
      <h3 class="ds-heading" data-size="xs" id={`changes-${props.id}`}>
        {t("change.heading", { count: changed.length })}
      </h3>
      {changed.length === 0 && <P>{t("change.none")}</P>}
      {changed.map((r) => (
        <div class="change">
          <p class="ds-paragraph change-field">
            <strong>{r.label}</strong> <span class="ds-tag change-tag">{t("change.changed")}</span>
          </p>
          <dl class="change-values">
            <dt>{t("change.before")}</dt>
            <dd class="change-before">{r.before ? <del>{r.before}</del> : <em>{t("change.empty")}</em>}</dd>
            <dt>{t("change.after")}</dt>
            <dd class="change-after">{r.after ? <ins>{r.after}</ins> : <em>{t("change.empty")}</em>}</dd>
          </dl>
        </div>
      ))}
      {same.length > 0 && (
        <details class="ds-details change-same">
          <summary>{t("change.unchanged", { count: same.length })}</summary>
          <div>
            <dl class="change-values">
              {same.map((r) => (
                <>
                  <dt>{r.label}</dt>
                  <dd>{r.before || <em>{t("change.empty")}</em>}</dd>
                </>
              ))}
            </dl>
          </div>
        </details>
      )}
    </section>
  );
}

/** What the editor sees while their change waits: the approved version stays public; they may change or withdraw it. */
export function PendingChangeNotice(props: { since: string; rows: ShownChange[]; withdraw: string }) {
  const { t, fmt } = usePage();
  return (
    <Alert color="info">
      <div class="pending-change stack">
        <P>
          <strong>{t("change.waiting")}</strong>
        </P>
        <P>{t("change.sentAt", { when: fmt.when(props.since) })}</P>
        <ChangeList rows={props.rows} id="pending" />
        <div class="actions">
          <Form action={props.withdraw} class="inline-form">
            <Button variant="secondary">{t("change.withdraw")}</Button>
          </Form>
        </div>
      </div>
    </Alert>
  );
}
