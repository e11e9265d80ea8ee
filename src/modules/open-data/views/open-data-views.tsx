import type { Lang, T } from "../../../platform/i18n/i18n.js";
import { assets } from "../../../platform/ui/assets.js";
import { Button, Heading, Link, P, Select } from "../../../platform/ui/components.js";
import { usePage } from "../../../platform/ui/page-context.js";
import type { Term } from "../../taxonomy/index.js";
import type { LatestJob } from "../open-data.model.js";

/** A bare page for an iframe on the municipality's website: the jobs, each opening on Sammen. */
export function EmbedDocument(props: { t: T; lang: Lang; tenantName: string; baseUrl: string; heading: string; jobs: LatestJob[]; themeVersion: string }) {
  const { t } = props;
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.heading} – ${props.tenantName}`}</title>
        <link rel="stylesheet" href={assets.byName["ds-theme.css"].url} />
        <link rel="stylesheet" href={assets.byName["ds.css"].url} />
        <link rel="stylesheet" href={`/theme.css?v=${props.themeVersion}`} />
        <link rel="stylesheet" href={assets.byName["app.css"].url} />
      </head>
      <body>
        <main class="embed stack">
          <h1 class="ds-heading" data-size="sm">
            {props.heading}
          </h1>
          {props.jobs.length === 0 ? (
            <p class="ds-paragraph">{t("embed.empty")}</p>
          ) : (
            <ul class="ds-list--unstyled stack">
              {props.jobs.map((j) => (
                <li>
                  <a class="ds-link" href={`${props.baseUrl}/opportunities/${j.id}`} target="_blank" rel="noopener">
                    {j.title}
                  </a>
                  <p class="ds-paragraph" data-size="sm">
                    {j.associationName}
                    {j.remote ? ` · ${t("opportunity.remote")}` : j.place ? ` · ${j.place}` : ""}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <p class="ds-paragraph" data-size="sm">
            <a class="ds-link" href={`${props.baseUrl}/opportunities`} target="_blank" rel="noopener">
              {t("embed.more", { tenant: props.tenantName })}
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}

/** What Sammen shares and how to take it: the feed, the API, and the embed snippet for a category. */
export function OpenDataPage(props: { baseUrl: string; categories: Term[]; category: string }) {
  const { t } = usePage();
  const query = props.category ? `?category=${encodeURIComponent(props.category)}` : "";
  const snippet = `<iframe src="${props.baseUrl}/embed/jobs${query}" title="${t("embed.frameTitle")}" style="width:100%;min-height:32rem;border:0" loading="lazy"></iframe>`;
  return (
    <div class="stack form">
      <Heading>{t("openData.title")}</Heading>
      <P>{t("openData.intro")}</P>
      <Heading level={2} size="md">
        {t("openData.embed")}
      </Heading>
      <P>{t("openData.embed.text")}</P>
      <form action="/open-data" method="get" class="actions">
        <Select
          name="category"
          label="search.facet.category"
          value={props.category}
          options={[{ value: "", label: t("openData.allCategories") }, ...props.categories.map((c) => ({ value: c.code, label: c.label }))]}
        />
        <Button variant="secondary">{t("openData.makeSnippet")}</Button>
      </form>
      <label class="ds-label" for="snippet">
        {t("openData.snippet")}
      </label>
      <textarea class="ds-input" id="snippet" rows={4} readonly>
        {snippet}
      </textarea>
      <P>
        <Link href={`/embed/jobs${query}`}>{t("openData.preview")}</Link>
      </P>
      <Heading level={2} size="md">
        {t("openData.feed")}
      </Heading>
      <P>
        <Link href={`/feeds/jobs.atom${query}`}>{`${props.baseUrl}/feeds/jobs.atom${query}`}</Link>
      </P>
      <Heading level={2} size="md">
        {t("openData.api")}
      </Heading>
      <P>{t("openData.api.text")}</P>
      <P>
        <Link href="/api/v1/hsds/services">{`${props.baseUrl}/api/v1/hsds/services`}</Link>
      </P>
      <Heading level={2} size="md">
        {t("openData.grants")}
      </Heading>
      <P>{t("openData.grants.text")}</P>
      <P>
        <Link href="/open-data/360giving.json">{`${props.baseUrl}/open-data/360giving.json`}</Link>
      </P>
      <P>
        <Link href="/open-data/360giving.csv">{`${props.baseUrl}/open-data/360giving.csv`}</Link>
      </P>
    </div>
  );
}
