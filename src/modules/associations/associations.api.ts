import { createRoute, z } from "@hono/zod-openapi";
import { type Api, problemResponses, requireScope } from "../../platform/api/api.js";
import { invalid, notFound } from "../../platform/http/errors.js";
import { issuesToFieldErrors } from "../../platform/http/forms.js";
import { serviceContext } from "../../platform/service-context.js";
import type { Association } from "./associations.model.js";
import { PAGE_SIZE } from "./associations.repository.js";
import { associationInput, listQuery } from "./associations.schema.js";
import * as service from "./associations.service.js";

const AssociationJson = z
  .object({
    id: z.string(),
    name: z.string(),
    registrationNumber: z.string().nullable(),
    email: z.string(),
    phone: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Association");

const AssociationBody = z
  .object({
    name: z.string().openapi({ example: "Sønderby Besøgsvenner" }),
    registrationNumber: z.string().optional().openapi({ description: "CVR (DK), organisasjonsnummer (NO) or KvK-nummer (NL)" }),
    email: z.string().openapi({ example: "kontakt@besogsvenner.dk" }),
    phone: z.string().optional(),
  })
  .openapi("AssociationInput");

const toJson = (a: Association) => ({
  id: a.id,
  name: a.name,
  registrationNumber: a.registrationNumber,
  email: a.email,
  phone: a.phone,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
});

const security = [{ bearer: [] }];

export function registerAssociationsApi(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/associations",
      tags: ["Associations"],
      summary: "List associations",
      security,
      request: { query: z.object({ q: z.string().optional(), page: z.string().optional() }) },
      responses: {
        200: {
          description: "A page of associations",
          content: { "application/json": { schema: z.object({ data: z.array(AssociationJson), page: z.number(), total: z.number(), pageSize: z.number() }) } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      requireScope(c, "associations:read");
      const query = listQuery.parse(c.req.query());
      const { rows, total } = await service.listForApi(serviceContext(c), query);
      return c.json({ data: rows.map(toJson), page: query.page, total, pageSize: PAGE_SIZE }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/associations/{id}",
      tags: ["Associations"],
      summary: "One association",
      security,
      request: { params: z.object({ id: z.string() }) },
      responses: {
        200: { description: "The association", content: { "application/json": { schema: AssociationJson } } },
        404: { description: "Not found" },
        ...problemResponses,
      },
    }),
    async (c) => {
      requireScope(c, "associations:read");
      const a = await service.findForApi(serviceContext(c), c.req.valid("param").id);
      if (!a) throw notFound();
      return c.json(toJson(a), 200);
    },
  );
  api.openapi(
    createRoute({
      method: "post",
      path: "/associations",
      tags: ["Associations"],
      summary: "Register an association",
      security,
      request: { body: { required: true, content: { "application/json": { schema: AssociationBody } } } },
      responses: { 201: { description: "Created", content: { "application/json": { schema: AssociationJson } } }, ...problemResponses },
    }),
    async (c) => {
      const caller = requireScope(c, "associations:write");
      const ctx = serviceContext(c);
      const body = c.req.valid("json");
      const parsed = associationInput(ctx.tenant.country).safeParse({ registrationNumber: "", phone: "", ...body });
      if (!parsed.success) throw invalid(issuesToFieldErrors(parsed.error.issues), "api.validationFailed");
      return c.json(toJson(await service.createViaApi(ctx, parsed.data, caller.tokenId)), 201);
    },
  );
}
