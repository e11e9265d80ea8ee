import { isoNow } from "../../platform/clock.js";
import type { FieldErrors } from "../../platform/http/errors.js";
import { formats } from "../../platform/i18n/format.js";
import { LANGUAGES, type MessageKey, type T, translator } from "../../platform/i18n/i18n.js";
import { accessibilityLabels, kindLabels, priceLabels } from "../../platform/search/labels.js";
import { findPostcode } from "../../platform/search/postcodes.js";
import { cachedSearch, FILTER_KEYS, type FilterKey } from "../../platform/search/query.js";
import { type TenantIndex, tenantIndex } from "../../platform/search/search-index.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { commitmentLabels, suitsLabels } from "../opportunities/index.js";
import { terms } from "../taxonomy/index.js";
import type { FacetOption, SearchOutcome } from "./search.model.js";
import { SEARCH_PAGE_SIZE, type SearchInput } from "./search.schema.js";
import { synonymGroups } from "./synonyms.js";

const labelled = (labels: Record<string, MessageKey>, t: T) => Object.entries(labels).map(([value, key]) => ({ value, label: t(key) }));

/** Every value each facet may take, in the order it is shown, with its label in the person's language. */
type Vocabulary = Record<FilterKey, { value: string; label: string }[]>;

/** A name on a line of its own, as a filter's option: "Dansk", though Danish writes "dansk" within a sentence. */
const ownLine = (name: string, lang: string) => name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);

async function vocabulary(ctx: ServiceContext): Promise<Vocabulary> {
  const t = translator(ctx.lang);
  // Languages named in the reader's language (Danish, dansk, Deens), as the pages of jobs and activities name them.
  const fmt = formats(ctx.lang, ctx.tenant.timeZone);
  const [categories, targetGroups] = await Promise.all([terms(ctx.db, ctx.tenant, "category", ctx.lang), terms(ctx.db, ctx.tenant, "target_group", ctx.lang)]);
  const fromTerms = (list: { code: string; label: string }[]) => list.map((x) => ({ value: x.code, label: x.label }));
  return {
    kind: labelled(kindLabels, t),
    category: fromTerms(categories),
    target_group: fromTerms(targetGroups),
    commitment: labelled(commitmentLabels, t),
    suits: labelled(suitsLabels, t),
    language: LANGUAGES.map((l) => ({ value: l, label: ownLine(fmt.languages([l]), ctx.lang) })),
    accessibility: labelled(accessibilityLabels, t),
    price: labelled(priceLabels, t),
  };
}

/** The day a search is made on: jobs whose closing date has passed drop out of the results. */
const today = (ctx: ServiceContext) => isoNow(ctx.clock).slice(0, 10);

/**
 * What every search's answer depends on besides its question: the tenant's index (which lives as long as it
 * is in use), its changes so far, the tenant's settings and the day. Read again on every request.
 */
export async function searchesVersion(ctx: ServiceContext): Promise<{ owner: object; version: string }> {
  const index = await tenantIndex(ctx.db, ctx.tenant.id, ctx.tenant.defaultLanguage, ctx.tenant.searchChanges);
  return { owner: index, version: `${ctx.tenant.settingsVersion}:${index.generation}:${today(ctx)}` };
}

/**
 * One search over associations, offers and jobs. A filter value the tenant does not have, or a
 * postcode that does not exist, is reported and nothing is searched.
 */
export async function search(ctx: ServiceContext, input: SearchInput, limit = SEARCH_PAGE_SIZE): Promise<SearchOutcome> {
  return searchWith(ctx, await vocabulary(ctx), input, limit);
}

/** Several searches over the same vocabulary and index, as a page that shows more than one list needs. */
export async function searches(ctx: ServiceContext, asks: { input: SearchInput; limit: number }[]): Promise<SearchOutcome[]> {
  const [vocab, index] = await Promise.all([vocabulary(ctx), tenantIndex(ctx.db, ctx.tenant.id, ctx.tenant.defaultLanguage, ctx.tenant.searchChanges)]);
  const out: SearchOutcome[] = [];
  for (const ask of asks) out.push(await searchWith(ctx, vocab, ask.input, ask.limit, index));
  return out;
}

async function searchWith(ctx: ServiceContext, vocab: Vocabulary, input: SearchInput, limit: number, loaded?: TenantIndex): Promise<SearchOutcome> {
  const errors: FieldErrors = {};
  for (const key of FILTER_KEYS) {
    const known = new Set(vocab[key].map((v) => v.value));
    if (input[key].some((v) => !known.has(v))) errors.filters = "search.filter.unknown";
  }
  const place = input.near ? await findPostcode(ctx.db, ctx.tenant.country, input.near) : null;
  if (input.near && !place) errors.near = "search.near.unknown";
  if (!input.near && (input.within || input.sort === "distance")) errors.near = "search.near.required";
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const [index, synonyms] = await Promise.all([
    loaded ?? tenantIndex(ctx.db, ctx.tenant.id, ctx.tenant.defaultLanguage, ctx.tenant.searchChanges),
    input.q ? synonymGroups(ctx) : [],
  ]);
  const result = await cachedSearch(index, {
    q: input.q,
    synonyms,
    filters: Object.fromEntries(FILTER_KEYS.map((k) => [k, input[k]])),
    origin: place,
    withinKm: input.within ?? null,
    sort: input.sort,
    today: today(ctx),
    offset: (input.page - 1) * limit,
    limit,
  });
  const facets = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, vocab[key].map((v) => ({ ...v, count: result.counts[key][v.value] ?? 0, checked: input[key].includes(v.value) }))]),
  ) as Record<FilterKey, FacetOption[]>;
  return { ok: true, total: result.total, pages: Math.max(1, Math.ceil(result.total / SEARCH_PAGE_SIZE)), hits: result.hits, facets, place };
}
