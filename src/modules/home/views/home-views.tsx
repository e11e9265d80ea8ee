import type { MessageKey } from "../../../platform/i18n/i18n.js";
import type { SearchHit } from "../../../platform/search/query.js";
import { countryProfile } from "../../../platform/tenants/countries.js";
import { Button, Heading, Link, P } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import { type FrontPage, ResultCard } from "../../search/index.js";

/** The front door: the search first, the categories as ways in, what is new, and a line for associations and the municipality. */
export function HomePage(props: { front: FrontPage }) {
  const { t, tenant } = usePage();
  const { categories, newestJobs, newestOffers, newestEvents } = props.front;
  return (
    <div class="stack home">
      <section class="home-search stack" aria-labelledby="home-heading">
        <Heading size="xl">
          <span id="home-heading">{t("home.heading", { tenant: tenant.name })}</span>
        </Heading>
        <P>{t("home.intro")}</P>
        <search>
          <form method="get" action="/search" class="home-search-form" aria-label={t("home.searchLabel")}>
            <div class="ds-field what">
              <label class="ds-label" for="home-q">
                {t("search.q")}
              </label>
              <input class="ds-input" id="home-q" name="q" type="search" placeholder={t("search.q.hint")} />
            </div>
            <div class="ds-field where">
              <label class="ds-label" for="home-near">
                {t("search.near")}
              </label>
              <input class="ds-input" id="home-near" name="near" inputmode="numeric" autocomplete="postal-code" />
            </div>
            <Button variant="primary">{t("search.submit")}</Button>
          </form>
        </search>
      </section>
      {categories.length > 0 && (
        <section class="stack" aria-labelledby="home-categories">
          <h2 class="ds-heading" data-size="md" id="home-categories">
            {t("home.categories")}
          </h2>
          <ul class="category-tiles">
            {categories.map((c) => (
              <li>
                <a class="ds-card category-tile" href={`/search?category=${encodeURIComponent(c.value)}`}>
                  <span class="name">{c.label}</span>
                  <span class="count">{t("home.categoryCount", { count: c.count })}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <NewestList id="home-jobs" title="home.newestJobs" all="/search?kind=opportunity&sort=newest" hits={newestJobs} />
      <NewestList id="home-offers" title="home.newestOffers" all="/search?kind=offer&sort=newest" hits={newestOffers} />
      <NewestList id="home-events" title="home.newestEvents" all="/events" hits={newestEvents} />
      <section class="home-lines" aria-label={t("home.forWhom")}>
        <div class="ds-card">
          <h2 class="ds-heading" data-size="xs">
            {t("home.associationsTitle")}
          </h2>
          <P>{t("home.associationsLine")}</P>
          <Link href="/start">{t("home.associationsAction")}</Link>
        </div>
        <div class="ds-card">
          <h2 class="ds-heading" data-size="xs">
            {t("home.municipalityTitle")}
          </h2>
          <P>{t("home.municipalityLine")}</P>
          <Link href="/open-data">{t("home.municipalityAction")}</Link>
        </div>
      </section>
    </div>
  );
}

function NewestList(props: { id: string; title: MessageKey; all: string; hits: SearchHit[] }) {
  const { t } = usePage();
  if (props.hits.length === 0) return null;
  return (
    <section class="stack" aria-labelledby={props.id}>
      <div class="section-head">
        <h2 class="ds-heading" data-size="md" id={props.id}>
          {t(props.title)}
        </h2>
        <Link href={props.all}>{t("home.seeAll")}</Link>
      </div>
      <ul class="result-cards">
        {props.hits.map((hit) => (
          <ResultCard hit={hit} />
        ))}
      </ul>
    </section>
  );
}

export function AccessibilityPage() {
  const { t, tenant } = usePage();
  return (
    <div class="stack">
      <Heading>{t("a11y.title")}</Heading>
      <P>{t("a11y.intro", { tenant: tenant.name })}</P>
      <Heading level={2}>{t("a11y.statusTitle")}</Heading>
      <P>{t("a11y.status")}</P>
      <Heading level={2}>{t("a11y.feedbackTitle")}</Heading>
      <P>{t("a11y.feedback", { email: tenant.contactEmail })}</P>
      <Heading level={2}>{t("a11y.enforcementTitle")}</Heading>
      <P>{t(countryProfile(tenant.country).accessibilityComplaints)}</P>
    </div>
  );
}

export function PrivacyPage() {
  const { t, tenant } = usePage();
  return (
    <div class="stack">
      <Heading>{t("privacy.title")}</Heading>
      <P>{t("privacy.controller", { tenant: tenant.name, email: tenant.contactEmail })}</P>
      <Heading level={2}>{t("privacy.whatTitle")}</Heading>
      <P>{t("privacy.what")}</P>
      <Heading level={2}>{t("privacy.rightsTitle")}</Heading>
      <P>{t("privacy.rights")}</P>
      <P>
        <Link href="/account/data">{t("privacy.toMyData")}</Link>
      </P>
      <P>
        <Link href="/privacy/email">{t("privacy.byEmail")}</Link>
      </P>
    </div>
  );
}
