import { type Context, Hono } from "hono";
import { authorize } from "../../platform/auth/policy.js";
import { csvResponse } from "../../platform/http/csv.js";
import type { AppEnv } from "../../platform/http/env.js";
import { invalid } from "../../platform/http/errors.js";
import { issuesToFieldErrors, parseForm } from "../../platform/http/forms.js";
import { keptPages } from "../../platform/http/page-cache.js";
import { render } from "../../platform/http/render.js";
import { localized } from "../../platform/i18n/localized.js";
import { kindLabels } from "../../platform/search/labels.js";
import { serviceContext } from "../../platform/service-context.js";
import * as saved from "./saved-searches.js";
import { canEditSynonyms, canSaveSearches } from "./search.policy.js";
import { rawSearchQuery, type SearchInput, saveSearchInput, searchInput, synonymsInput } from "./search.schema.js";
import * as service from "./search.service.js";
import * as synonyms from "./synonyms.js";
import { SavedSearchesPage, SearchPage, SynonymsPage } from "./views/search-views.js";

/** The context of one who may keep searches; anyone else is asked to sign in. */
function mayKeep(c: Context<AppEnv>) {
  const ctx = serviceContext(c);
  authorize(ctx.actor, canSaveSearches, { tenantId: ctx.tenant.id });
  return ctx;
}

const blank: SearchInput = searchInput.parse({});
/** A list to work with in a spreadsheet, not the whole country: the first this many results. */
const EXPORT_LIMIT = 5000;

export const searchRoutes = new Hono<AppEnv>()
  .get("/saved", async (c) => {
    const rows = await saved.mySavedSearches(mayKeep(c));
    return render(c, c.get("t")("saved.title"), <SavedSearchesPage rows={rows} />);
  })
  .post("/saved", async (c) => {
    const form = await parseForm(c, saveSearchInput);
    if (!form.ok) throw invalid(form.errors);
    await saved.saveSearch(mayKeep(c), form.data);
    return c.redirect("/search/saved?notice=saved", 303);
  })
  .post("/saved/:id/delete", async (c) => {
    await saved.deleteSavedSearch(mayKeep(c), c.req.param("id"));
    return c.redirect("/search/saved?notice=saved", 303);
  })
  .get("/synonyms", async (c) => {
    const ctx = serviceContext(c);
    authorize(ctx.actor, canEditSynonyms, { tenantId: ctx.tenant.id });
    return render(c, c.get("t")("search.synonyms.title"), <SynonymsPage langs={await synonyms.synonymSettings(ctx)} />);
  })
  .post("/synonyms", async (c) => {
    const ctx = serviceContext(c);
    authorize(ctx.actor, canEditSynonyms, { tenantId: ctx.tenant.id });
    const form = await parseForm(c, synonymsInput);
    if (!form.ok) {
      const langs = ctx.tenant.languages.map((lang) => ({ lang, text: form.values[lang] ?? "" }));
      return render(c, c.get("t")("search.synonyms.title"), <SynonymsPage langs={langs} errors={form.errors} />, 422);
    }
    await synonyms.saveSynonyms(ctx, form.data);
    return c.redirect("/search/synonyms?notice=synonymsSaved", 303);
  })
  .get("/export.csv", async (c) => {
    const parsed = searchInput.safeParse(
      rawSearchQuery(
        (k) => c.req.query(k),
        (k) => c.req.queries(k),
      ),
    );
    const outcome = parsed.success ? await service.search(serviceContext(c), { ...parsed.data, page: 1 }, EXPORT_LIMIT) : null;
    // A query the page would refuse goes to the page, which says what is wrong.
    if (!outcome?.ok) return c.redirect(`/search${new URL(c.req.url).search}`, 303);
    const t = c.get("t");
    return csvResponse(
      c,
      "search.csv",
      [t("search.facet.kind"), t("opportunity.title"), t("association.name"), t("search.distanceKm"), "URL"],
      outcome.hits.map((h) => [t(kindLabels[h.doc.kind]), h.doc.title, h.doc.subtitle, h.distanceKm, `${new URL(c.req.url).origin}${h.doc.url}`]),
    );
  })
  .get(
    "/",
    keptPages((c) => service.searchesVersion(serviceContext(c))),
    async (c) => {
      const t = c.get("t");
      const parsed = searchInput.safeParse(
        rawSearchQuery(
          (k) => c.req.query(k),
          (k) => c.req.queries(k),
        ),
      );
      if (!parsed.success) {
        return render(
          c,
          t("search.title"),
          <SearchPage input={{ ...blank, q: c.req.query("q")?.slice(0, 200) ?? "" }} errors={issuesToFieldErrors(parsed.error.issues)} />,
          400,
        );
      }
      const found = await service.search(serviceContext(c), parsed.data);
      // Each hit in the reader's language where its association has translated it.
      const outcome = found.ok ? { ...found, hits: found.hits.map((h) => ({ ...h, doc: localized(h.doc, c.get("lang")) })) } : found;
      if (!outcome.ok) return render(c, t("search.title"), <SearchPage input={parsed.data} errors={outcome.errors} />, 400);
      return render(
        c,
        parsed.data.q ? t("search.titleFor", { q: parsed.data.q }) : t("search.title"),
        <SearchPage input={parsed.data} result={{ ...outcome, placeName: outcome.place ? `${outcome.place.code} ${outcome.place.name}` : null }} />,
      );
    },
  );
