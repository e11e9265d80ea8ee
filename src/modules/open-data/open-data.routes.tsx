import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../platform/http/env.js";
import { AppError } from "../../platform/http/errors.js";
import { baseUrl } from "../../platform/http/middleware.js";
import { render, themeVersion } from "../../platform/http/render.js";
import { type ServiceContext, serviceContext } from "../../platform/service-context.js";
import { terms } from "../taxonomy/index.js";
import { atomFeed } from "./atom.js";
import { latestJobs } from "./open-data.service.js";
import { EmbedDocument, OpenDataPage } from "./views/open-data-views.js";

const FEED_SIZE = 50;
const EMBED_SIZE = 20;
const categoryQuery = z.object({ category: z.string().trim().max(80).optional() });

/** The category a feed or embed is narrowed to, checked against the tenant's own list. */
async function chosenCategory(ctx: ServiceContext, raw: string | undefined) {
  const code = categoryQuery.safeParse({ category: raw }).data?.category || null;
  if (!code) return null;
  const found = (await terms(ctx.db, ctx.tenant, "category", ctx.tenant.defaultLanguage)).find((c) => c.code === code);
  if (!found) throw new AppError(404, "not_found", "search.filter.unknown");
  return found;
}

export const openDataRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const ctx = serviceContext(c);
  const categories = await terms(ctx.db, ctx.tenant, "category", ctx.lang);
  const category = categories.find((x) => x.code === c.req.query("category"))?.code ?? "";
  return render(c, c.get("t")("openData.title"), <OpenDataPage baseUrl={baseUrl(c)} categories={categories} category={category} />);
});

export const feedRoutes = new Hono<AppEnv>().get("/jobs.atom", async (c) => {
  const ctx = serviceContext(c);
  const category = await chosenCategory(ctx, c.req.query("category"));
  const jobs = await latestJobs(ctx, category?.code ?? null, FEED_SIZE);
  const base = baseUrl(c);
  const t = c.get("t");
  const title = category ? t("feed.titleCategory", { tenant: ctx.tenant.name, category: category.label }) : t("feed.title", { tenant: ctx.tenant.name });
  const self = `${base}/feeds/jobs.atom${category ? `?category=${encodeURIComponent(category.code)}` : ""}`;
  const feed = atomFeed({
    title,
    id: self,
    link: `${base}/opportunities`,
    self,
    language: ctx.tenant.defaultLanguage,
    rights: ctx.tenant.name,
    updated: new Date(jobs[0]?.publishedAt ?? jobs[0]?.updatedAt ?? ctx.clock.now().toISOString()),
    entries: jobs.map((j) => ({
      id: `${base}/opportunities/${j.id}`,
      link: `${base}/opportunities/${j.id}`,
      title: j.title,
      summary: j.text,
      author: j.associationName,
      updated: new Date(j.updatedAt),
      published: new Date(j.publishedAt ?? j.updatedAt),
    })),
  });
  c.header("Cache-Control", "public, max-age=300");
  return c.body(feed, 200, { "Content-Type": "application/atom+xml; charset=utf-8" });
});

export const embedRoutes = new Hono<AppEnv>().get("/jobs", async (c) => {
  const ctx = serviceContext(c);
  const category = await chosenCategory(ctx, c.req.query("category"));
  const jobs = await latestJobs(ctx, category?.code ?? null, EMBED_SIZE);
  const t = c.get("t");
  const page = (
    <EmbedDocument
      t={t}
      lang={c.get("lang")}
      tenantName={ctx.tenant.name}
      baseUrl={baseUrl(c)}
      heading={category ? t("embed.headingCategory", { category: category.label }) : t("embed.heading")}
      jobs={jobs}
      themeVersion={themeVersion(ctx.tenant.colorPrimary)}
    />
  );
  c.header("Cache-Control", "public, max-age=300");
  return c.html(`<!doctype html>${await page}`);
});
