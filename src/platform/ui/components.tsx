import type { Child, PropsWithChildren } from "hono/jsx";
import { type FieldError, fieldMessage } from "../http/errors.js";
import type { MessageKey } from "../i18n/i18n.js";
import { DAY_PARTS, DAYS, dayLabels, partLabels } from "../week-slots.js";
import { assets } from "./assets.js";
import { usePage } from "./page-context.js";

export function CsrfField() {
  return <input type="hidden" name="_csrf" value={usePage().csrfToken} />;
}

export function Form(
  props: PropsWithChildren<{ action: string; method?: "get" | "post"; class?: string; id?: string; "aria-label"?: string; multipart?: boolean }>,
) {
  const method = props.method ?? "post";
  return (
    <form
      action={props.action}
      method={method}
      class={props.class ?? "form stack"}
      id={props.id}
      aria-label={props["aria-label"]}
      enctype={props.multipart ? "multipart/form-data" : undefined}
      novalidate
    >
      {method === "post" && <CsrfField />}
      {props.children}
    </form>
  );
}

export function Heading(props: PropsWithChildren<{ level?: 1 | 2 | 3; size?: "2xl" | "xl" | "lg" | "md" | "sm" }>) {
  const level = props.level ?? 1;
  const size = props.size ?? (level === 1 ? "xl" : level === 2 ? "lg" : "md");
  const Tag = `h${level}` as "h1";
  return (
    <Tag class="ds-heading" data-size={size}>
      {props.children}
    </Tag>
  );
}

export function P(props: PropsWithChildren<{ class?: string }>) {
  return <p class={`ds-paragraph ${props.class ?? ""}`.trim()}>{props.children}</p>;
}

export function Link(props: PropsWithChildren<{ href: string; current?: boolean; download?: boolean }>) {
  return (
    <a class="ds-link" href={props.href} aria-current={props.current ? "page" : undefined} download={props.download}>
      {props.children}
    </a>
  );
}

export function Button(
  props: PropsWithChildren<{
    variant?: "primary" | "secondary" | "tertiary";
    color?: "danger";
    type?: "submit" | "button";
    name?: string;
    value?: string;
    size?: "sm" | "md";
  }>,
) {
  return (
    <button
      class="ds-button"
      type={props.type ?? "submit"}
      data-variant={props.variant ?? "primary"}
      data-color={props.color}
      data-size={props.size}
      name={props.name}
      value={props.value}
    >
      {props.children}
    </button>
  );
}

export function ButtonLink(props: PropsWithChildren<{ href: string; variant?: "primary" | "secondary" | "tertiary" }>) {
  return (
    <a class="ds-button" data-variant={props.variant ?? "secondary"} href={props.href}>
      {props.children}
    </a>
  );
}

export interface FieldProps {
  name: string;
  /** For a name that repeats on the page (several rows of one list): the field's own id. */
  id?: string;
  /** A message, or a text someone wrote (an organiser's own question). */
  label: MessageKey | { text: string };
  hint?: MessageKey;
  error?: FieldError;
  type?: "text" | "email" | "password" | "tel" | "url" | "date" | "time" | "number" | "search" | "color";
  value?: string | null;
  autocomplete?: string;
  required?: boolean;
  multiline?: boolean;
  /** Lines a multiline field shows before it scrolls. */
  rows?: number;
}

/** A labelled field with its hint and error tied to it for screen readers. */
export function Field(props: FieldProps) {
  const { t, fmt } = usePage();
  const id = props.id ?? `f-${props.name}`;
  const described = [props.hint && `${id}-hint`, props.error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: props.name,
    class: "ds-input",
    "aria-describedby": described,
    "aria-invalid": props.error ? "true" : undefined,
    required: props.required,
    autocomplete: props.autocomplete,
  };
  return (
    <div class="ds-field">
      <label class="ds-label" for={id}>
        {typeof props.label === "string" ? t(props.label) : props.label.text}
        {!props.required && <span> {t("form.optional")}</span>}
      </label>
      {props.hint && (
        <div class="ds-paragraph" data-field="description" id={`${id}-hint`}>
          {t(props.hint)}
        </div>
      )}
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 5}>
          {props.value ?? ""}
        </textarea>
      ) : (
        <input {...common} type={props.type ?? "text"} value={props.type === "password" ? undefined : (props.value ?? undefined)} />
      )}
      {props.error && (
        <div class="ds-validation-message" data-field="validation" id={`${id}-error`}>
          {fieldMessage(t, props.error, fmt)}
        </div>
      )}
    </div>
  );
}

export function Select(props: { name: string; label: MessageKey; options: { value: string; label: string }[]; value?: string | null; error?: FieldError }) {
  return <GroupedSelect name={props.name} label={props.label} first={props.options} groups={[]} value={props.value} error={props.error} />;
}

/** One checkbox with its label, and its error tied to it. */
export function Checkbox(props: { name: string; label: MessageKey; checked?: boolean; error?: FieldError }) {
  const { t, fmt } = usePage();
  const id = `f-${props.name}`;
  return (
    <div class="ds-field">
      <input
        class="ds-input"
        type="checkbox"
        name={props.name}
        id={id}
        checked={props.checked}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      />
      <label class="ds-label" for={id}>
        {t(props.label)}
      </label>
      {props.error && (
        <div class="ds-validation-message" data-field="validation" id={`${id}-error`}>
          {fieldMessage(t, props.error, fmt)}
        </div>
      )}
    </div>
  );
}

/** A group of checkboxes under one legend; a label may carry its own language. */
export function Checkboxes(props: { name: string; legend: MessageKey; options: { value: string; label: string; lang?: string }[]; chosen: string[] }) {
  const { t } = usePage();
  return (
    <fieldset class="ds-fieldset">
      <legend class="ds-label">{t(props.legend)}</legend>
      {props.options.map((o) => (
        <div class="ds-field">
          <input class="ds-input" type="checkbox" name={props.name} value={o.value} id={`${props.name}-${o.value}`} checked={props.chosen.includes(o.value)} />
          <label class="ds-label" for={`${props.name}-${o.value}`} lang={o.lang}>
            {o.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** A field's error message on its own, for fields the helpers above do not draw (a fieldset, a file). */
export function ValidationMessage(props: { id?: string; error?: FieldError }) {
  const { t, fmt } = usePage();
  if (!props.error) return null;
  return (
    <div class="ds-validation-message" data-field="validation" id={props.id}>
      {fieldMessage(t, props.error, fmt)}
    </div>
  );
}

/** Lists every error with a link to its field; takes focus so a screen reader hears it first. */
export function ErrorSummary(props: { errors: Record<string, FieldError | undefined> }) {
  const { t, fmt } = usePage();
  const entries = Object.entries(props.errors).filter((e): e is [string, FieldError] => Boolean(e[1]));
  if (entries.length === 0) return null;
  return (
    <div class="ds-error-summary" tabindex={-1} autofocus role="alert" aria-labelledby="error-summary-heading">
      <h2 class="ds-heading" data-size="xs" id="error-summary-heading">
        {t("form.errorSummary")}
      </h2>
      <ul class="ds-list">
        {entries.map(([field, error]) => (
          <li>
            <a class="ds-link" href={`#f-${field}`}>
              {fieldMessage(t, error, fmt)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Alert(props: PropsWithChildren<{ color?: "info" | "success" | "warning" | "danger"; role?: "status" | "alert" }>) {
  return (
    <div class="ds-alert" data-color={props.color ?? "info"} role={props.role}>
      {props.children}
    </div>
  );
}

export function EmptyState(props: { title: MessageKey; text?: MessageKey; action?: Child }) {
  const { t } = usePage();
  return (
    <div class="empty stack">
      <Heading level={2} size="sm">
        {t(props.title)}
      </Heading>
      {props.text && <P>{t(props.text)}</P>}
      {props.action}
    </div>
  );
}

export interface Column<Row> {
  key: string;
  label: MessageKey;
  sortable?: boolean;
  cell: (row: Row) => Child;
}

/**
 * A table whose sortable headers are links, so sorting works without JavaScript. Below 600 px each
 * row is drawn as a card of label–value pairs (the stylesheet reads each cell's `data-label`); it
 * stays one real table, so a screen reader reads it as a table at every width.
 */
export function DataTable<Row>(props: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  sort?: { key: string; dir: "asc" | "desc"; href: (key: string, dir: "asc" | "desc") => string };
}) {
  const { t } = usePage();
  const labels = props.columns.map((col) => t(col.label));
  return (
    <table class="ds-table data-table" data-border data-zebra>
      <caption class="ds-sr-only">{props.caption}</caption>
      <thead>
        <tr>
          {props.columns.map((col, i) => {
            const current = props.sort?.key === col.key;
            const ariaSort = current ? (props.sort?.dir === "asc" ? "ascending" : "descending") : col.sortable ? "none" : undefined;
            return (
              <th scope="col" aria-sort={ariaSort}>
                {col.sortable && props.sort ? (
                  <a class="ds-link" href={props.sort.href(col.key, current && props.sort.dir === "asc" ? "desc" : "asc")}>
                    {labels[i]}
                  </a>
                ) : (
                  labels[i]
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr>
            {props.columns.map((col, i) => (
              <td data-label={labels[i]}>{col.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Pagination(props: { page: number; pages: number; href: (page: number) => string }) {
  const { t } = usePage();
  if (props.pages <= 1) return null;
  const pages = Array.from({ length: props.pages }, (_, i) => i + 1).filter((p) => p === 1 || p === props.pages || Math.abs(p - props.page) <= 2);
  return (
    <nav class="ds-pagination" aria-label={t("pagination.label")}>
      <ul>
        {props.page > 1 && (
          <li>
            <a class="ds-button" data-variant="tertiary" href={props.href(props.page - 1)}>
              {t("pagination.previous")}
            </a>
          </li>
        )}
        {pages.map((p) => (
          <li>
            <a
              class="ds-button"
              data-variant={p === props.page ? "primary" : "tertiary"}
              aria-current={p === props.page ? "page" : undefined}
              href={props.href(p)}
              aria-label={t("pagination.page", { page: p })}
            >
              {p}
            </a>
          </li>
        ))}
        {props.page < props.pages && (
          <li>
            <a class="ds-button" data-variant="tertiary" href={props.href(props.page + 1)}>
              {t("pagination.next")}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

export function Tabs(props: { label: string; items: { href: string; label: MessageKey; current: boolean }[] }) {
  const { t } = usePage();
  return (
    <nav aria-label={props.label}>
      <ul class="tabs">
        {props.items.map((item) => (
          <li>
            <a href={item.href} aria-current={item.current ? "page" : undefined}>
              {t(item.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The step before something that cannot be undone: what will happen, and a way back. */
export function ConfirmStep(props: PropsWithChildren<{ title: string; action: string; confirm: MessageKey; cancelHref: string; danger?: boolean }>) {
  const { t } = usePage();
  return (
    <section class="stack" aria-labelledby="confirm-heading">
      <h1 class="ds-heading" data-size="lg" id="confirm-heading">
        {props.title}
      </h1>
      {props.children}
      <Form action={props.action} class="actions">
        <Button color={props.danger ? "danger" : undefined}>{t(props.confirm)}</Button>
        <ButtonLink href={props.cancelHref} variant="tertiary">
          {t("form.cancel")}
        </ButtonLink>
      </Form>
    </section>
  );
}

/**
 * A map of the places in the list on the same page (elements with data-lat and data-lon and a link),
 * when the tenant has a tile server. Hidden until the script draws it, so without JavaScript or
 * tiles the list is all there is.
 */
export function PlacesMap(props: { label: string }) {
  const { t, tenant, nonce } = usePage();
  if (!tenant.map) return null;
  return (
    <section class="places-map no-print" aria-label={props.label} hidden>
      <link rel="stylesheet" href={assets.byName["leaflet.css"].url} />
      <div
        class="result-map"
        data-tiles={tenant.map.tileUrl}
        data-attribution={tenant.map.attribution}
        data-zoom-in={t("map.zoomIn")}
        data-zoom-out={t("map.zoomOut")}
        data-close={t("map.close")}
      />
      <script src={assets.byName["leaflet.js"].url} nonce={nonce} defer />
      <script src={assets.byName["map.js"].url} nonce={nonce} defer />
    </section>
  );
}

/** schema.org data for search engines; "<" is escaped so no text can close the script element. */
export function JsonLd(props: { data: Record<string, unknown> }) {
  const { nonce } = usePage();
  const json = JSON.stringify({ "@context": "https://schema.org", ...props.data }).replace(/</g, "\\u003c");
  return <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: json }} />;
}

/** The week as a table of checkboxes, a row per day and a column per part of the day. */
export function WeekGrid(props: { name: string; legend: MessageKey; hint?: MessageKey; chosen: string[] }) {
  const { t } = usePage();
  return (
    <fieldset class="ds-fieldset week-grid" aria-describedby={props.hint ? `${props.name}-hint` : undefined}>
      <legend class="ds-label">{t(props.legend)}</legend>
      {props.hint && (
        <div class="ds-paragraph" data-field="description" id={`${props.name}-hint`}>
          {t(props.hint)}
        </div>
      )}
      <table class="ds-table" data-size="sm">
        <thead>
          <tr>
            <td />
            {DAY_PARTS.map((part) => (
              <th scope="col">{t(partLabels[part])}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {DAYS.map((day) => (
            <tr>
              <th scope="row">{t(dayLabels[day])}</th>
              {DAY_PARTS.map((part) => {
                const id = `${props.name}-${day}-${part}`;
                return (
                  <td>
                    <input
                      class="ds-input"
                      type="checkbox"
                      id={id}
                      name={props.name}
                      value={`${day}-${part}`}
                      checked={props.chosen.includes(`${day}-${part}`)}
                    />
                    <label class="ds-sr-only" for={id}>
                      {`${t(dayLabels[day])} ${t(partLabels[part])}`}
                    </label>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

/** One item in a staff approval queue: what it is, a note to the sender, approve or send back. */
/** What a moderator decides on: what it is, who sent it and when, how it scores, and (for a change to a public page) the difference. */
export interface DecisionItem {
  id: string;
  /** "New" or "Change to a public page", in words. */
  kind: string;
  title: string;
  href: string;
  association: string;
  /** The person the association named for it (its contact), when there is one. */
  person?: string | null;
  /** When it was sent, an instant. */
  sent: string;
  excerpt?: string;
  /** The quality checklist's result, where the kind of page has one. */
  checklist?: { score: number; items: { label: string; ok: boolean }[] };
  action: string;
}

/** The first words of a text, cut at a word, for a card. */
export const excerptOf = (text: string, max = 220) => {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2)).trimEnd()}…`;
};

export function DecisionCard(props: PropsWithChildren<{ item: DecisionItem }>) {
  const { t, fmt } = usePage();
  const i = props.item;
  return (
    <section class="ds-card decision-card stack" aria-labelledby={`item-${i.id}`}>
      <p class="ds-paragraph decision-kind">
        <span class="ds-tag" data-color="info">
          {i.kind}
        </span>
      </p>
      <h2 class="ds-heading" data-size="sm" id={`item-${i.id}`}>
        <Link href={i.href}>{i.title}</Link>
      </h2>
      <dl class="decision-meta">
        <dt>{t("moderation.from")}</dt>
        <dd>{i.person ? `${i.association} · ${i.person}` : i.association}</dd>
        <dt>{t("moderation.sent")}</dt>
        <dd>{fmt.when(i.sent)}</dd>
        {i.checklist && (
          <>
            <dt>{t("moderation.score")}</dt>
            <dd>{t("moderation.scoreValue", { score: fmt.number(i.checklist.score) })}</dd>
          </>
        )}
      </dl>
      {i.excerpt && <P class="decision-excerpt">{excerptOf(i.excerpt)}</P>}
      {i.checklist && (
        <div class="decision-checklist">
          <details class="ds-details">
            <summary>
              {t("moderation.checklist", { met: fmt.number(i.checklist.items.filter((c) => c.ok).length), all: fmt.number(i.checklist.items.length) })}
            </summary>
            <div>
              <ul class="checklist">
                {i.checklist.items.map((c) => (
                  <li class={c.ok ? "ok" : "missing"}>
                    <span class="checklist-state">{t(c.ok ? "moderation.checklist.ok" : "moderation.checklist.missing")}:</span> {c.label}
                  </li>
                ))}
              </ul>
            </div>
          </details>
        </div>
      )}
      {props.children}
      <Form action={i.action} aria-label={t("moderation.decideOn", { title: i.title })}>
        <div class="ds-field">
          <label class="ds-label" for={`note-${i.id}`}>
            {t("moderation.note")}
          </label>
          <div class="ds-paragraph" data-field="description" id={`note-${i.id}-hint`}>
            {t("moderation.note.hint")}
          </div>
          <textarea class="ds-input" id={`note-${i.id}`} name="note" rows={2} aria-describedby={`note-${i.id}-hint`} />
        </div>
        <div class="actions">
          <Button variant="primary" name="decision" value="approve">
            {t("moderation.approve")}
          </Button>
          <Button variant="secondary" name="decision" value="reject">
            {t("moderation.reject")}
          </Button>
        </div>
      </Form>
    </section>
  );
}

/**
 * A choice among options in named groups (`<optgroup>`), for a list long enough to need headings; options outside
 * any group (a "choose" prompt) come first. The label, error and ids work as in `Select`.
 */
export function GroupedSelect(props: {
  name: string;
  label: MessageKey;
  first?: { value: string; label: string }[];
  groups: { label: string; options: { value: string; label: string }[] }[];
  value?: string | null;
  error?: FieldError;
}) {
  const { t, fmt } = usePage();
  const id = `f-${props.name}`;
  return (
    <div class="ds-field">
      <label class="ds-label" for={id}>
        {t(props.label)}
      </label>
      <select
        class="ds-input"
        id={id}
        name={props.name}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      >
        {(props.first ?? []).map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
        {props.groups
          .filter((g) => g.options.length > 0)
          .map((g) => (
            <optgroup label={g.label}>
              {g.options.map((o) => (
                <option value={o.value} selected={o.value === props.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
      {props.error && (
        <div class="ds-validation-message" data-field="validation" id={`${id}-error`}>
          {fieldMessage(t, props.error, fmt)}
        </div>
      )}
    </div>
  );
}
