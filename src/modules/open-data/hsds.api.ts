import { createRoute, z } from "@hono/zod-openapi";
import type { Api } from "../../platform/api/api.js";
import { problemResponses } from "../../platform/api/api.js";
import { serviceContext } from "../../platform/service-context.js";
import * as openData from "./open-data.service.js";

const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).openapi({ description: "Page number, from 1" }),
  per_page: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: "Items per page, at most 200" }),
  search: z.string().trim().max(200).optional().openapi({ description: "Only items whose name (or text) contains this" }),
  modified_after: z
    .union([z.iso.datetime({ offset: true }), z.iso.date()])
    .optional()
    .openapi({ description: "Only items changed after this instant" }),
});
const idParam = z.object({ id: z.string().max(100) });
const hsdsObject = (name: string) =>
  z.looseObject({}).openapi(name, { description: `An HSDS 3.0 ${name} (https://docs.openreferral.org/en/latest/hsds/schema_reference.html)` });

type Resource = {
  path: string;
  name: string;
  list: (ctx: ReturnType<typeof serviceContext>, q: openData.ListQuery) => Promise<unknown>;
  one: (ctx: ReturnType<typeof serviceContext>, id: string) => Promise<unknown>;
};

const resources: Resource[] = [
  { path: "organizations", name: "organization", list: openData.organizations, one: openData.organization },
  { path: "services", name: "service", list: openData.services, one: openData.service },
  { path: "service_at_locations", name: "service_at_location", list: openData.serviceAtLocations, one: openData.serviceAtLocation },
  { path: "taxonomies", name: "taxonomy", list: openData.taxonomies, one: openData.taxonomy },
  { path: "taxonomy_terms", name: "taxonomy_term", list: openData.taxonomyTerms, one: openData.taxonomyTerm },
];

/** Open Referral HSDS 3.0: the directory as open data. Associations are organizations; published volunteer jobs and offers are services. */
export function registerHsdsApi(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/hsds",
      tags: ["Open data (HSDS)"],
      summary: "Which HSDS version this is",
      responses: { 200: { description: "Version and profile", content: { "application/json": { schema: z.looseObject({}) } } } },
    }),
    (c) => c.json({ version: "3.0", profile: "https://openreferral.org/", openapi_url: `${new URL(c.req.url).origin}/api/openapi.json` }, 200),
  );
  for (const r of resources) {
    const schema = hsdsObject(r.name);
    api.openapi(
      createRoute({
        method: "get",
        path: `/hsds/${r.path}`,
        tags: ["Open data (HSDS)"],
        summary: `Page through ${r.path}`,
        request: { query: listQuery },
        responses: {
          200: { description: `A page of ${r.path}`, content: { "application/json": { schema: z.looseObject({ contents: z.array(schema) }) } } },
          422: problemResponses[422],
        },
      }),
      async (c) => c.json((await r.list(serviceContext(c), c.req.valid("query"))) as { contents: Record<string, unknown>[] }, 200),
    );
    api.openapi(
      createRoute({
        method: "get",
        path: `/hsds/${r.path}/{id}`,
        tags: ["Open data (HSDS)"],
        summary: `One of ${r.path}, with what belongs to it`,
        request: { params: idParam },
        responses: { 200: { description: `The ${r.name}`, content: { "application/json": { schema } } }, 404: { description: "Not found" } },
      }),
      async (c) => c.json((await r.one(serviceContext(c), c.req.valid("param").id)) as Record<string, unknown>, 200),
    );
  }
}
