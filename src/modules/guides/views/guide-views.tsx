import type { FieldErrors } from "../../../platform/http/errors.js";
import type { Lang } from "../../../platform/i18n/i18n.js";
import {
  Button,
  ButtonLink,
  type Column,
  ConfirmStep,
  DataTable,
  EmptyState,
  ErrorSummary,
  Field,
  Form,
  Heading,
  Link,
  P,
  Select,
} from "../../../platform/ui/components.js";
import { Breadcrumbs } from "../../../platform/ui/detail.js";
import { Markdown, MarkdownField } from "../../../platform/ui/markdown.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { categoryLabels, statusLabels } from "../guides.labels.js";
import { GUIDE_CATEGORIES, GUIDE_STATUSES, type Guide, type GuideCategory, type GuideReading } from "../guides.model.js";

/** The attribute a text needs when it is in another language than the page. */
const langOf = (r: GuideReading) => (r.fallback ? r.lang : undefined);

/** The public list: the guides by category, the newest first in each, with a filter by category. */
export function GuidesPage(props: { groups: { category: GuideCategory; guides: GuideReading[] }[]; category: GuideCategory | undefined; mayWrite: boolean }) {
  const { t, fmt } = usePage();
  return (
    <div class="stack">
      <Heading>{t("guides.title")}</Heading>
      <P>{t("guides.intro")}</P>
      {props.mayWrite && (
        <div class="actions">
          <ButtonLink href="/guides/manage">{t("guides.manage.title")}</ButtonLink>
        </div>
      )}
      <nav aria-label={t("guides.categories")}>
        <ul class="chips">
          {[undefined, ...GUIDE_CATEGORIES].map((c) => (
            <li>
              <a class="ds-chip" href={c ? `/guides?category=${c}` : "/guides"} aria-current={props.category === c ? "true" : undefined}>
                {t(c ? categoryLabels[c] : "guides.category.all")}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.groups.length === 0 ? (
        <EmptyState title="guides.empty" text={props.category ? "guides.empty.category" : "guides.empty.text"} />
      ) : (
        props.groups.map((g) => (
          <section class="stack" aria-labelledby={`cat-${g.category}`}>
            <h2 class="ds-heading" data-size="md" id={`cat-${g.category}`}>
              {t(categoryLabels[g.category])}
            </h2>
            <ul class="result-cards">
              {g.guides.map((r) => (
                <li class="ds-card stack" lang={langOf(r)}>
                  <h3 class="ds-heading" data-size="sm">
                    <Link href={`/guides/${r.guide.slug}`}>{r.text.title}</Link>
                  </h3>
                  {r.text.summary && <P>{r.text.summary}</P>}
                  <P class="muted">{t("guides.updated", { date: fmt.date(r.guide.updatedAt) })}</P>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}

/** One guide: its title, its summary, the article, when it was last changed. */
export function GuidePage(props: { reading: GuideReading; readerLang: Lang; mayEdit: boolean }) {
  const { t, fmt } = usePage();
  const r = props.reading;
  return (
    <article class="stack guide">
      <Breadcrumbs trail={[{ href: "/guides", label: t("guides.title"), back: t("guides.back") }]} current={r.text.title} />
      <P>
        <span class="ds-tag" data-color="info">
          {t(categoryLabels[r.guide.category])}
        </span>
      </P>
      <h1 class="ds-heading" data-size="xl" lang={langOf(r)}>
        {r.text.title}
      </h1>
      {r.fallback && (
        <div class="ds-alert" data-color="info">
          <P>{t("guides.fallback", { language: fmt.languages([r.lang]) })}</P>
        </div>
      )}
      {r.text.summary && (
        <p class="ds-paragraph lead" data-size="lg" lang={langOf(r)}>
          {r.text.summary}
        </p>
      )}
      <Markdown text={r.text.body} lang={langOf(r)} />
      <P class="muted">{t("guides.updated", { date: fmt.date(r.guide.updatedAt) })}</P>
      {props.mayEdit && (
        <div class="actions">
          <ButtonLink href={`/guides/${r.guide.id}/edit`}>{t("guides.edit")}</ButtonLink>
        </div>
      )}
    </article>
  );
}

/** The guides for the people who write them: drafts and published, the last changed first. */
export function ManageGuidesPage(props: { guides: Guide[]; defaultLanguage: Lang }) {
  const { t, fmt } = usePage();
  const titleOf = (g: Guide) => g.texts[props.defaultLanguage]?.title ?? g.slug;
  const columns: Column<Guide>[] = [
    { key: "title", label: "guides.field.title", cell: (g) => <Link href={`/guides/${g.id}/edit`}>{titleOf(g)}</Link> },
    { key: "category", label: "guides.field.category", cell: (g) => t(categoryLabels[g.category]) },
    {
      key: "status",
      label: "guides.field.status",
      cell: (g) => (
        <span class="ds-tag" data-color={g.status === "published" ? "success" : "neutral"}>
          {t(statusLabels[g.status])}
        </span>
      ),
    },
    { key: "updated", label: "guides.field.updated", cell: (g) => fmt.date(g.updatedAt) },
    {
      key: "show",
      label: "guides.field.address",
      cell: (g) => (g.status === "published" ? <Link href={`/guides/${g.slug}`}>{`/guides/${g.slug}`}</Link> : t("guides.notPublic")),
    },
  ];
  return (
    <div class="stack">
      <Heading>{t("guides.manage.title")}</Heading>
      <P>{t("guides.manage.intro")}</P>
      <div class="actions">
        <ButtonLink href="/guides/new" variant="primary">
          {t("guides.new")}
        </ButtonLink>
        <ButtonLink href="/guides">{t("guides.showPublic")}</ButtonLink>
      </div>
      {props.guides.length === 0 ? (
        <EmptyState title="guides.manage.empty" text="guides.manage.empty.text" />
      ) : (
        <DataTable caption={t("guides.manage.title")} columns={columns} rows={props.guides} />
      )}
    </div>
  );
}

const TEXT_LABELS = { title: "guides.field.title", summary: "guides.field.summary", body: "guides.field.body" } as const;

/** Writing or changing a guide: the texts in the default language, the other languages folded away, category and status. */
export function GuideFormPage(props: {
  guide: Guide | null;
  values: Record<string, string>;
  errors?: FieldErrors;
  otherLanguages: Lang[];
  /** The field whose preview was asked for, and nothing else. */
  preview: { field: string; text: string } | null;
}) {
  const { t, fmt } = usePage();
  const v = props.values;
  const errors = props.errors ?? {};
  const action = props.guide ? `/guides/${props.guide.id}/edit` : "/guides/new";
  const previewOf = (field: string) => (props.preview?.field === field ? props.preview.text : null);
  return (
    <div class="stack form">
      <Heading>{props.guide ? t("guides.edit.title") : t("guides.new")}</Heading>
      <P>{t("guides.form.intro")}</P>
      <ErrorSummary errors={errors} />
      <Form action={action} class="stack">
        <Field name="title" label="guides.field.title" hint="guides.field.title.hint" required value={v.title} error={errors.title} />
        <Field
          name="summary"
          label="guides.field.summary"
          hint="guides.field.summary.hint"
          multiline
          rows={3}
          required
          value={v.summary}
          error={errors.summary}
        />
        <MarkdownField name="body" label="guides.field.body" required value={v.body} error={errors.body} preview={previewOf("body")} />
        <Select
          name="category"
          label="guides.field.category"
          value={v.category}
          error={errors.category}
          options={GUIDE_CATEGORIES.map((c) => ({ value: c, label: t(categoryLabels[c]) }))}
        />
        {props.otherLanguages.map((lang) => {
          const name = fmt.languages([lang]);
          const touched = (["title", "summary", "body"] as const).some((f) => Boolean(errors[`${f}_${lang}`]) || Boolean(v[`${f}_${lang}`]));
          return (
            <details class="ds-details" open={touched || previewOf(`body_${lang}`) !== null}>
              <summary>{t("guides.inLanguage", { language: name })}</summary>
              <div class="stack">
                <P>{t("guides.inLanguage.hint")}</P>
                <Field
                  name={`title_${lang}`}
                  label={{ text: `${t(TEXT_LABELS.title)} (${name})` }}
                  value={v[`title_${lang}`]}
                  error={errors[`title_${lang}`]}
                />
                <Field
                  name={`summary_${lang}`}
                  label={{ text: `${t(TEXT_LABELS.summary)} (${name})` }}
                  multiline
                  rows={3}
                  value={v[`summary_${lang}`]}
                  error={errors[`summary_${lang}`]}
                />
                <MarkdownField
                  name={`body_${lang}`}
                  label={{ text: `${t(TEXT_LABELS.body)} (${name})` }}
                  value={v[`body_${lang}`]}
                  error={errors[`body_${lang}`]}
                  preview={previewOf(`body_${lang}`)}
                />
              </div>
            </details>
          );
        })}
        <fieldset class="ds-fieldset">
          <legend class="ds-label">{t("guides.field.status")}</legend>
          {GUIDE_STATUSES.map((s) => (
            <div class="ds-field">
              <input class="ds-input" type="radio" name="status" id={`f-status-${s}`} value={s} checked={(v.status || "draft") === s} />
              <label class="ds-label" for={`f-status-${s}`}>
                {t(s === "draft" ? "guides.status.draft.choice" : "guides.status.published.choice")}
              </label>
            </div>
          ))}
        </fieldset>
        <div class="actions">
          <Button>{t("guides.save")}</Button>
          <ButtonLink href="/guides/manage" variant="tertiary">
            {t("form.cancel")}
          </ButtonLink>
        </div>
      </Form>
      {props.guide && (
        <P>
          <Link href={`/guides/${props.guide.id}/delete`}>{t("guides.delete")}</Link>
        </P>
      )}
    </div>
  );
}

/** The step before a guide is deleted: that it cannot be undone, and that a published one leaves the site. */
export function DeleteGuidePage(props: { id: string; title: string; published: boolean }) {
  const { t } = usePage();
  return (
    <ConfirmStep
      title={t("guides.delete.title", { title: props.title })}
      action={`/guides/${props.id}/delete`}
      confirm="guides.delete.confirm"
      cancelHref={`/guides/${props.id}/edit`}
      danger
    >
      <P>{t(props.published ? "guides.delete.textPublished" : "guides.delete.text")}</P>
    </ConfirmStep>
  );
}
