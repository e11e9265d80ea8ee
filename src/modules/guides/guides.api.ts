import { createRoute, z } from "@hono/zod-openapi";
import { type Api, problemResponses } from "../../platform/api/api.js";
import { notFound } from "../../platform/http/errors.js";
import { baseUrl } from "../../platform/http/middleware.js";
import { LANGUAGES, type Lang } from "../../platform/i18n/i18n.js";
import { renderMarkdown } from "../../platform/markdown/markdown.js";
import { serviceContext } from "../../platform/service-context.js";
import { GUIDE_CATEGORIES, type GuideCategory, type GuideReading } from "./guides.model.js";
import { API_PAGE_SIZE, apiGuide, apiGuides } from "./guides.service.js";

const categories = GUIDE_CATEGORIES as unknown as [GuideCategory, ...GuideCategory[]];
const langs = LANGUAGES as unknown as [Lang, ...Lang[]];

const GuideJson = z
  .object({
    id: z.string(),
    slug: z.string(),
    category: z.enum(categories),
    language: z
      .enum(langs)
      .openapi({ description: "The language the texts are in: the one asked for, or the tenant's default when the guide is not written in it" }),
    languages: z.array(z.enum(langs)).openapi({ description: "Every language the guide is written in" }),
    title: z.string().openapi({ description: "Plain text" }),
    summary: z.string().openapi({ description: "Plain text" }),
    bodyHtml: z.string().openapi({ description: "The article as sanitised HTML: headings, paragraphs, lists, links, tables; no scripts, styles or handlers" }),
    publishedAt: z.string().openapi({ description: "UTC instant it was first published" }),
    updatedAt: z.string().openapi({ description: "UTC instant of the last change" }),
    url: z.string(),
  })
  .openapi("Guide");

const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).openapi({ description: "Page number, from 1" }),
  category: z.enum(categories).optional(),
  lang: z.enum(langs).optional().openapi({ description: "The language to read them in; the tenant's default when a guide is not written in it" }),
});

function toJson(r: GuideReading, base: string) {
  return {
    id: r.guide.id,
    slug: r.guide.slug,
    category: r.guide.category,
    language: r.lang,
    languages: Object.keys(r.guide.texts) as Lang[],
    title: r.text.title,
    summary: r.text.summary,
    bodyHtml: renderMarkdown(r.text.body),
    publishedAt: r.guide.publishedAt ?? r.guide.updatedAt,
    updatedAt: r.guide.updatedAt,
    url: `${base}/guides/${r.guide.slug}`,
  };
}

/** The published guides, for a municipality's or centre's own website. Open to anyone; drafts never. */
export function registerGuidesApi(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/guides",
      tags: ["Guides"],
      summary: "Published guides (knowledge articles for associations), newest first",
      request: { query: listQuery },
      responses: {
        200: {
          description: "A page of guides",
          content: { "application/json": { schema: z.object({ data: z.array(GuideJson), page: z.number(), total: z.number(), pageSize: z.number() }) } },
        },
        422: problemResponses[422],
      },
    }),
    async (c) => {
      const ctx = serviceContext(c);
      const query = c.req.valid("query");
      const { rows, total } = await apiGuides(ctx, query);
      const base = baseUrl(c);
      return c.json({ data: rows.map((r) => toJson(r, base)), page: query.page, total, pageSize: API_PAGE_SIZE }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/guides/{slug}",
      tags: ["Guides"],
      summary: "One published guide",
      request: { params: z.object({ slug: z.string().max(120) }), query: z.object({ lang: z.enum(langs).optional() }) },
      responses: {
        200: { description: "The guide", content: { "application/json": { schema: GuideJson } } },
        404: { description: "No such guide, or not published" },
      },
    }),
    async (c) => {
      const ctx = serviceContext(c);
      const found = await apiGuide(ctx, c.req.valid("param").slug, c.req.valid("query").lang);
      if (!found) throw notFound();
      return c.json(toJson(found, baseUrl(c)), 200);
    },
  );
}
