import type { FieldErrors } from "../../../platform/http/errors.js";
import { type Lang, languageNames, type MessageKey } from "../../../platform/i18n/i18n.js";
import { snippetOf } from "../../../platform/search/documents.js";
import { kindLabels } from "../../../platform/search/labels.js";
import { FILTER_KEYS, type FilterKey, type SearchHit } from "../../../platform/search/query.js";
import {
  Alert,
  Button,
  Checkboxes,
  DataTable,
  EmptyState,
  ErrorSummary,
  Field,
  Form,
  Heading,
  Link,
  P,
  Pagination,
  PlacesMap,
  Select,
  ValidationMessage,
} from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { FacetOption } from "../search.model.js";
import { activeFilterCount, type SearchInput, searchHref, WITHIN_KM } from "../search.schema.js";

const facetLegends: Record<FilterKey, MessageKey> = {
  kind: "search.facet.kind",
  category: "search.facet.category",
  target_group: "search.facet.target_group",
  commitment: "search.facet.commitment",
  suits: "search.facet.suits",
  language: "search.facet.language",
  accessibility: "search.facet.accessibility",
  price: "search.facet.price",
};

/** One result as a card: its kind, the title as the link, who is behind it, the facts that decide and a line of text. */
export function ResultCard(props: { hit: SearchHit }) {
  const { t, fmt } = usePage();
  const { doc, distanceKm } = props.hit;
  const placed = !doc.remote && doc.lat !== null && doc.lon !== null;
  const { lead, facts } = snippetOf(doc.text);
  const where = doc.remote ? t("opportunity.remote") : distanceKm !== null ? t("search.distanceAway", { distance: fmt.distance(distanceKm) }) : null;
  return (
    <li class="ds-card search-hit" data-lat={placed ? doc.lat : undefined} data-lon={placed ? doc.lon : undefined}>
      <P class="kind">{t(kindLabels[doc.kind])}</P>
      <h3 class="ds-heading" data-size="sm">
        <Link href={doc.url}>{doc.title}</Link>
      </h3>
      <P class="organiser">{doc.subtitle}</P>
      {(facts.length > 0 || where) && (
        <ul class="hit-facts">
          {facts.map((f) => (
            <li>{f}</li>
          ))}
          {where && <li>{where}</li>}
        </ul>
      )}
      {lead && <P class="lead">{lead}</P>}
    </li>
  );
}

export function SearchPage(props: {
  input: SearchInput;
  errors?: FieldErrors;
  result?: { total: number; pages: number; hits: SearchHit[]; facets: Record<FilterKey, FacetOption[]>; placeName: string | null };
}) {
  const { t, actor, fmt } = usePage();
  const { input, result } = props;
  const activeFilters = activeFilterCount(input);
  const facets = result
    ? (Object.entries(result.facets) as [FilterKey, FacetOption[]][])
        .map(([key, options]) => [key, options.filter((o) => o.count > 0 || o.checked)] as const)
        .filter(([, options]) => options.length > 0)
    : [];
  return (
    <div class="stack search-page">
      <Heading>{t("search.title")}</Heading>
      {props.errors && <ErrorSummary errors={props.errors} />}
      {props.errors?.filters && (
        <div id="f-filters">
          <Alert color="warning">
            <P>{t("search.filter.unknown")}</P>
            <Link href={searchHref(input, Object.fromEntries(FILTER_KEYS.map((k) => [k, []])))}>{t("search.filter.drop")}</Link>
          </Alert>
        </div>
      )}
      <div class="search-layout">
        <search aria-label={t("search.title")} class="search-panel">
          <form action="/search" method="get" class="stack search-form" data-autosubmit="">
            <div class="search-query">
              <Field name="q" type="search" label="search.q" hint="search.q.hint" value={input.q} />
              <Field name="near" label="search.near" hint="search.near.hint" value={input.near} error={props.errors?.near} autocomplete="postal-code" />
              <Button variant="primary">{t("search.submit")}</Button>
            </div>
            <details class="ds-details search-filters" open={props.errors?.within || props.errors?.sort ? true : undefined}>
              <summary>
                {activeFilters > 0 ? t("search.filterToggleCount", { count: activeFilters }) : t("search.filterToggle")}
                {activeFilters > 0 && <span class="ds-sr-only"> – {t("search.filtersActive", { count: activeFilters })}</span>}
              </summary>
              <div class="stack search-filters-body">
                <h2 class="ds-heading" data-size="xs" id="filters-heading">
                  {activeFilters > 0 ? t("search.filterToggleCount", { count: activeFilters }) : t("search.filters")}
                </h2>
                <Select
                  name="within"
                  label="search.within"
                  value={input.within ? String(input.within) : ""}
                  error={props.errors?.within}
                  options={[
                    { value: "", label: t("search.within.any") },
                    ...WITHIN_KM.map((km) => ({ value: String(km), label: t("search.within.km", { km }) })),
                  ]}
                />
                <Select
                  name="sort"
                  label="search.sort"
                  value={input.sort}
                  error={props.errors?.sort}
                  options={[
                    { value: "relevance", label: t("search.sort.relevance") },
                    { value: "distance", label: t("search.sort.distance") },
                    { value: "newest", label: t("search.sort.newest") },
                  ]}
                />
                {facets.map(([key, options]) => (
                  <Checkboxes
                    name={key}
                    legend={facetLegends[key]}
                    options={options.map((o) => ({ value: o.value, label: `${o.label} (${fmt.number(o.count)})` }))}
                    chosen={options.filter((o) => o.checked).map((o) => o.value)}
                  />
                ))}
                <div class="search-apply">
                  <Button variant="secondary">{t("search.applyFilters")}</Button>
                </div>
              </div>
            </details>
          </form>
        </search>
        {result && (
          <section class="stack search-results" aria-labelledby="results-heading">
            <h2 class="ds-heading" data-size="sm" id="results-heading">
              {result.placeName ? t("search.countNear", { count: result.total, place: result.placeName }) : t("search.count", { count: result.total })}
            </h2>
            {result.total === 0 ? (
              <EmptyState title="search.empty" text="search.emptyText" action={<Link href="/search">{t("search.clear")}</Link>} />
            ) : (
              <>
                <PlacesMap label={t("map.label")} />
                <ul class="ds-list--unstyled stack">
                  {result.hits.map((hit) => (
                    <ResultCard hit={hit} />
                  ))}
                </ul>
                <Pagination page={input.page} pages={result.pages} href={(page) => searchHref(input, { page })} />
                <Link href={`/search/export.csv${searchHref({ ...input, page: 1 }, {}, "")}`}>{t("table.exportCsv")}</Link>
              </>
            )}
            {actor.kind === "person" && (
              <Form action="/search/saved" class="actions" aria-label={t("saved.save")}>
                <input type="hidden" name="query" value={searchHref({ ...input, page: 1 }, {}, "").replace(/^\?/, "")} />
                <Select
                  name="frequency"
                  label="saved.frequency"
                  value="weekly"
                  options={[
                    { value: "daily", label: t("saved.daily") },
                    { value: "weekly", label: t("saved.weekly") },
                  ]}
                />
                <Button variant="secondary">{t("saved.save")}</Button>
                <Link href="/search/saved">{t("saved.title")}</Link>
              </Form>
            )}
          </section>
        )}
      </div>
    </div>
  );
}

export function SavedSearchesPage(props: { rows: { id: string; query: string; frequency: "daily" | "weekly" }[] }) {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("saved.title")}</Heading>
      <P>{t("saved.intro")}</P>
      {props.rows.length === 0 ? (
        <EmptyState title="saved.empty" action={<Link href="/search">{t("search.title")}</Link>} />
      ) : (
        <DataTable
          caption={t("saved.title")}
          rows={props.rows}
          columns={[
            {
              key: "query",
              label: "saved.search",
              cell: (r) => <Link href={`/search?${r.query}`}>{decodeURIComponent(r.query.replace(/\+/g, " ")) || t("saved.everything")}</Link>,
            },
            { key: "frequency", label: "saved.frequency", cell: (r) => t(r.frequency === "daily" ? "saved.daily" : "saved.weekly") },
            {
              key: "delete",
              label: "saved.stop",
              cell: (r) => (
                <Form action={`/search/saved/${r.id}/delete`} aria-label={t("saved.stop")}>
                  <Button variant="tertiary">{t("saved.stop")}</Button>
                </Form>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}

/** The tenant administrator's list of words that mean the same, a textarea per language. */
export function SynonymsPage(props: { langs: { lang: Lang; text: string }[]; errors?: FieldErrors }) {
  const { t } = usePage();
  return (
    <div class="stack">
      <Heading>{t("search.synonyms.title")}</Heading>
      <P>{t("search.synonyms.intro")}</P>
      {props.errors && <ErrorSummary errors={props.errors} />}
      <Form action="/search/synonyms" class="stack" aria-label={t("search.synonyms.title")}>
        {props.langs.map(({ lang, text }) => {
          const id = `f-${lang}`;
          const error = props.errors?.[lang];
          return (
            <div class="ds-field">
              <label class="ds-label" for={id}>
                {t("search.synonyms.for", { language: languageNames[lang] })}
              </label>
              <div class="ds-paragraph" data-field="description" id={`${id}-hint`}>
                {t("search.synonyms.hint")}
              </div>
              <textarea
                id={id}
                name={lang}
                lang={lang}
                class="ds-input synonyms-text"
                rows={10}
                aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
                aria-invalid={error ? "true" : undefined}
              >
                {text}
              </textarea>
              <ValidationMessage id={`${id}-error`} error={error} />
            </div>
          );
        })}
        <div>
          <Button variant="primary">{t("search.synonyms.save")}</Button>
        </div>
      </Form>
    </div>
  );
}
