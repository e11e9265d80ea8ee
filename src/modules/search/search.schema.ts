import { z } from "zod";
import { LANGUAGES, type Lang } from "../../platform/i18n/i18n.js";
import { FILTER_KEYS, type FilterKey, SORTS } from "../../platform/search/query.js";

export const WITHIN_KM = [2, 5, 10, 25, 50] as const;
export const SEARCH_PAGE_SIZE = 20;

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const filterValues = z.array(z.string().trim().min(1).max(80, "search.filter.unknown")).max(50, "search.filter.unknown").default([]);

/** A search as the query string (of the page or the API) states it. */
export const searchInput = z.object({
  q: z.string().trim().max(200, "search.q.tooLong").default(""),
  near: z.string().trim().max(20, "search.near.unknown").default(""),
  within: z.preprocess(
    blankToUndefined,
    z.coerce
      .number()
      .refine((n) => (WITHIN_KM as readonly number[]).includes(n), "search.within.invalid")
      .optional(),
  ),
  sort: z.preprocess(blankToUndefined, z.enum(SORTS, "search.sort.invalid").default("relevance")),
  page: z.preprocess(
    blankToUndefined,
    z.coerce.number("validation.number").int("validation.number").min(1, "validation.number").max(500, "validation.number").default(1),
  ),
  ...(Object.fromEntries(FILTER_KEYS.map((k) => [k, filterValues])) as Record<FilterKey, typeof filterValues>),
});
export type SearchInput = z.output<typeof searchInput>;

/** Reads a query string into the shape searchInput expects: filters may repeat. */
export function rawSearchQuery(query: (key: string) => string | undefined, queries: (key: string) => string[] | undefined) {
  return {
    q: query("q"),
    near: query("near"),
    within: query("within"),
    sort: query("sort"),
    page: query("page"),
    ...Object.fromEntries(FILTER_KEYS.map((k) => [k, queries(k) ?? []])),
  };
}

/** The query string that gives this search again, on another page or with another sort. */
export function searchHref(input: SearchInput, change: Partial<SearchInput> = {}, path = "/search"): string {
  const merged = { ...input, ...change };
  const params = new URLSearchParams();
  if (merged.q) params.set("q", merged.q);
  for (const k of FILTER_KEYS) for (const v of merged[k]) params.append(k, v);
  if (merged.near) params.set("near", merged.near);
  if (merged.within) params.set("within", String(merged.within));
  if (merged.sort !== "relevance") params.set("sort", merged.sort);
  if (merged.page > 1) params.set("page", String(merged.page));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** How many filters narrow a search: each chosen facet value, and a distance. Shown on the "Filtrér (2)" button. */
export function activeFilterCount(input: SearchInput): number {
  return FILTER_KEYS.reduce((n, k) => n + input[k].length, 0) + (input.within ? 1 : 0);
}

export const FREQUENCIES = ["daily", "weekly"] as const;
export const saveSearchInput = z.object({ query: z.string().max(2000), frequency: z.enum(FREQUENCIES, "validation.invalid") });

/** The synonyms page: one text per language, a line a group. */
export const synonymsInput = z.object(
  Object.fromEntries(LANGUAGES.map((l) => [l, z.string().max(20_000, "search.synonyms.tooLong").optional()])) as Record<Lang, z.ZodOptional<z.ZodString>>,
);
