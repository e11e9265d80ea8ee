import { createRoute, z } from "@hono/zod-openapi";
import { type Api, problemResponses } from "../../platform/api/api.js";
import { invalid } from "../../platform/http/errors.js";
import { issuesToFieldErrors } from "../../platform/http/forms.js";
import { baseUrl } from "../../platform/http/middleware.js";
import { FACETS, SEARCH_KINDS } from "../../platform/search/documents.js";
import { FILTER_KEYS, SORTS } from "../../platform/search/query.js";
import { serviceContext } from "../../platform/service-context.js";
import { rawSearchQuery, SEARCH_PAGE_SIZE, searchInput } from "./search.schema.js";
import * as service from "./search.service.js";

const repeatable = z.union([z.string(), z.array(z.string())]).optional();

const SearchQuery = z.object({
  q: z.string().optional().openapi({ description: "Words to find; stemmed and typo-tolerant", example: "besøgsven" }),
  near: z.string().optional().openapi({ description: "A postcode to measure distance from", example: "8000" }),
  within: z.string().optional().openapi({ description: "Kilometres from `near`: 2, 5, 10, 25 or 50" }),
  sort: z.enum(SORTS).optional(),
  page: z.string().optional(),
  ...Object.fromEntries(FILTER_KEYS.map((k) => [k, repeatable.openapi({ description: `Filter by ${k}; repeat for several values` })])),
});

const Hit = z
  .object({
    kind: z.enum(SEARCH_KINDS),
    id: z.string(),
    title: z.string(),
    subtitle: z.string(),
    url: z.string(),
    distanceKm: z.number().nullable(),
    remote: z.boolean(),
    publishedAt: z.string(),
    until: z.string().nullable(),
    facets: z.partialRecord(z.enum(FACETS), z.array(z.string())),
  })
  .openapi("SearchHit");

const Facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.number() }));

export function registerSearchApi(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/search",
      tags: ["Search"],
      summary: "Search associations, offers and volunteer jobs",
      description: "The same search as the public page /search, with the same filters. Open to anyone; no token needed.",
      request: { query: SearchQuery },
      responses: {
        200: {
          description: "A page of results with facet counts",
          content: {
            "application/json": {
              schema: z.object({ data: z.array(Hit), total: z.number(), page: z.number(), pageSize: z.number(), facets: z.record(z.string(), Facet) }),
            },
          },
        },
        422: problemResponses[422],
      },
    }),
    async (c) => {
      const parsed = searchInput.safeParse(
        rawSearchQuery(
          (k) => c.req.query(k),
          (k) => c.req.queries(k),
        ),
      );
      if (!parsed.success) throw invalid(issuesToFieldErrors(parsed.error.issues), "api.validationFailed");
      const outcome = await service.search(serviceContext(c), parsed.data);
      if (!outcome.ok) throw invalid(outcome.errors, "api.validationFailed");
      const base = baseUrl(c);
      return c.json(
        {
          data: outcome.hits.map(({ doc, distanceKm }) => ({
            kind: doc.kind,
            id: doc.id,
            title: doc.title,
            subtitle: doc.subtitle,
            url: `${base}${doc.url}`,
            distanceKm,
            remote: doc.remote,
            publishedAt: doc.publishedAt,
            until: doc.until,
            facets: doc.facets,
          })),
          total: outcome.total,
          page: parsed.data.page,
          pageSize: SEARCH_PAGE_SIZE,
          facets: Object.fromEntries(
            Object.entries(outcome.facets).map(([k, options]) => [k, options.map(({ value, label, count }) => ({ value, label, count }))]),
          ),
        },
        200,
      );
    },
  );
}
