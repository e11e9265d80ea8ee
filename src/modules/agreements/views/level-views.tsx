import type { FieldErrors } from "../../../platform/http/errors.js";
import type { Lang, MessageKey } from "../../../platform/i18n/i18n.js";
import { Alert, Button, ErrorSummary, Field, Form, Heading, Link, P } from "../../../platform/ui/components.js";
import { Breadcrumbs } from "../../../platform/ui/detail.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { type AgreementLevel, textIn } from "../agreements.model.js";

/** A level's name and description in each of the tenant's languages (its own first, required). */
function LevelFields(props: { languages: Lang[]; values: Record<string, string>; errors: FieldErrors }) {
  const { t, fmt } = usePage();
  return (
    <>
      {props.languages.map((lang, i) => (
        <fieldset class="ds-fieldset stack">
          <legend class="ds-label">{fmt.languages([lang])}</legend>
          <Field
            name={`name_${lang}`}
            label={{ text: `${t("agreements.levels.name")} (${fmt.languages([lang])})` }}
            required={i === 0}
            value={props.values[`name_${lang}`]}
            error={props.errors[`name_${lang}`]}
            autocomplete="off"
          />
          <Field
            name={`description_${lang}`}
            label={{ text: `${t("agreements.levels.description")} (${fmt.languages([lang])})` }}
            multiline
            rows={2}
            value={props.values[`description_${lang}`]}
            error={props.errors[`description_${lang}`]}
          />
        </fieldset>
      ))}
    </>
  );
}

/** The tenant's scale: each level in order, to move, rename or (when no agreement has it) remove; and a new one. */
export function LevelsPage(props: {
  levels: AgreementLevel[];
  used: Record<string, number>;
  languages: Lang[];
  values: Record<string, string>;
  errors: FieldErrors;
  refused?: MessageKey | undefined;
}) {
  const { t, fmt, lang } = usePage();
  const own = props.languages[0] ?? "da";
  // Each level in the reader's language (the tenant's own where it has no name in it); the other languages below.
  const shownIn = (l: AgreementLevel) => (l.names[lang] ? lang : own);
  const nameOf = (l: AgreementLevel) => textIn(l.names, lang, own) || l.id;
  const othersOf = (l: AgreementLevel) => props.languages.filter((x) => x !== shownIn(l));
  return (
    <div class="stack">
      <Breadcrumbs trail={[{ href: "/agreements/manage", label: t("agreements.manage.title") }]} current={t("agreements.levels.title")} />
      <Heading>{t("agreements.levels.title")}</Heading>
      <P>{t("agreements.levels.intro")}</P>
      {props.refused && (
        <Alert color="danger" role="alert">
          {t(props.refused)}
        </Alert>
      )}
      <ol class="stack agreement-levels" aria-label={t("agreements.levels.title")}>
        {props.levels.map((l, i) => {
          const used = props.used[l.id] ?? 0;
          return (
            <li class="ds-card stack" id={`level-${l.id}`}>
              <Heading level={2} size="sm">
                {i + 1}. {nameOf(l)}
              </Heading>
              {l.descriptions[shownIn(l)] && <P>{l.descriptions[shownIn(l)]}</P>}
              {othersOf(l).length > 0 && (
                <dl class="stacked-facts">
                  {othersOf(l).map((other) => (
                    <div>
                      <dt>{fmt.languages([other])}</dt>
                      <dd>
                        {l.names[other]
                          ? `${l.names[other]}${l.descriptions[other] ? ` – ${l.descriptions[other]}` : ""}`
                          : t("agreements.levels.notTranslated")}
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
              <P>{used > 0 ? t("agreements.levels.used", { count: used }) : t("agreements.levels.unused")}</P>
              <div class="actions">
                {i > 0 && (
                  <Form action={`/agreements/manage/levels/${l.id}/move`} class="inline">
                    <Button variant="tertiary" size="sm" name="direction" value="up">
                      {t("agreements.levels.up")}
                      <span class="ds-sr-only"> {nameOf(l)}</span>
                    </Button>
                  </Form>
                )}
                {i < props.levels.length - 1 && (
                  <Form action={`/agreements/manage/levels/${l.id}/move`} class="inline">
                    <Button variant="tertiary" size="sm" name="direction" value="down">
                      {t("agreements.levels.down")}
                      <span class="ds-sr-only"> {nameOf(l)}</span>
                    </Button>
                  </Form>
                )}
                <Link href={`/agreements/manage/levels/${l.id}`}>
                  {t("agreements.levels.change")}
                  <span class="ds-sr-only"> {nameOf(l)}</span>
                </Link>
                {used === 0 && props.levels.length > 1 && (
                  <Form action={`/agreements/manage/levels/${l.id}/remove`} class="inline">
                    <Button variant="tertiary" size="sm" color="danger">
                      {t("agreements.levels.remove")}
                      <span class="ds-sr-only"> {nameOf(l)}</span>
                    </Button>
                  </Form>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      <section class="stack form" aria-labelledby="new-level-heading">
        <Heading level={2} size="sm">
          <span id="new-level-heading">{t("agreements.levels.new")}</span>
        </Heading>
        <ErrorSummary errors={props.errors} />
        <Form action="/agreements/manage/levels" class="stack">
          <LevelFields languages={props.languages} values={props.values} errors={props.errors} />
          <div class="actions">
            <Button>{t("agreements.levels.add")}</Button>
          </div>
        </Form>
      </section>
    </div>
  );
}

/** One level's names and descriptions, to change. */
export function LevelPage(props: { level: AgreementLevel; name: string; languages: Lang[]; values: Record<string, string>; errors: FieldErrors }) {
  const { t } = usePage();
  return (
    <div class="stack form">
      <Breadcrumbs
        trail={[
          { href: "/agreements/manage", label: t("agreements.manage.title") },
          { href: "/agreements/manage/levels", label: t("agreements.levels.title") },
        ]}
        current={props.name}
      />
      <Heading>{t("agreements.levels.edit", { name: props.name })}</Heading>
      <P>{t("agreements.levels.editIntro")}</P>
      <ErrorSummary errors={props.errors} />
      <Form action={`/agreements/manage/levels/${props.level.id}`} class="stack">
        <LevelFields languages={props.languages} values={props.values} errors={props.errors} />
        <div class="actions">
          <Button>{t("agreements.levels.save")}</Button>
          <Link href="/agreements/manage/levels">{t("agreements.endPage.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}
