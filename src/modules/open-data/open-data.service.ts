import { listOf } from "../../db/lists.js";
import { notFound } from "../../platform/http/errors.js";
import type { Lang } from "../../platform/i18n/i18n.js";
import { findPostcode, findPostcodes } from "../../platform/search/postcodes.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { publicAssociations } from "../associations/index.js";
import { type Offer, publicOffers } from "../directory/index.js";
import { type PublicJob, publicRecords } from "../opportunities/index.js";
import { type TermKind, terms } from "../taxonomy/index.js";
import * as hsds from "./hsds.mapper.js";
import type { LatestJob, ServiceRecord } from "./open-data.model.js";

export interface ListQuery {
  page: number;
  per_page: number;
  search?: string | undefined;
  modified_after?: string | undefined;
}

const site = (ctx: ServiceContext): hsds.Site => ({
  baseUrl: ctx.baseUrl,
  tenantId: ctx.tenant.id,
  tenantName: ctx.tenant.name,
  country: ctx.tenant.country,
  lang: ctx.tenant.defaultLanguage,
});
const window = (q: ListQuery) => ({ offset: (q.page - 1) * q.per_page, limit: q.per_page, search: q.search ?? null, modifiedAfter: q.modified_after ?? null });

export async function organizations(ctx: ServiceContext, q: ListQuery) {
  const { rows, total } = await publicAssociations(ctx, window(q));
  return hsds.page(
    rows.map((a) => hsds.organization(a, site(ctx))),
    total,
    q.page,
    q.per_page,
  );
}

type Window = ReturnType<typeof window> & { id?: string; associationId?: string; placed?: boolean };

// The opportunities module hands its public jobs over as stored; they are read here, once, as services.
const jobService = (j: PublicJob): ServiceRecord => ({
  kind: "job",
  id: j.id,
  associationId: j.association_id,
  associationName: j.association_name,
  title: j.title,
  description: j.tasks,
  benefits: j.benefits,
  contactEmail: j.contact_email,
  minAge: j.min_age,
  languages: listOf(j.languages),
  place: j.place,
  postcode: j.postcode,
  remote: Boolean(j.remote),
  updatedAt: j.updated_at,
  category:
    j.category_id && j.category_code
      ? { id: j.category_id, code: j.category_code, labels: JSON.parse(j.category_labels ?? "{}") as Partial<Record<Lang, string>> }
      : null,
});

const offerService = (o: Offer): ServiceRecord => ({
  kind: "offer",
  id: o.id,
  associationId: o.associationId,
  associationName: o.associationName,
  title: o.title,
  description: o.description,
  benefits: o.priceText ?? "",
  contactEmail: o.contactEmail,
  minAge: null,
  languages: o.languages,
  place: o.placeName,
  postcode: o.postcode,
  remote: o.online && !o.postcode && !o.placeName,
  updatedAt: o.updatedAt,
  category: o.categoryId && o.category ? { id: o.categoryId, ...o.category } : null,
});

/** Jobs first, then offers: one list of services, paged across both. */
async function serviceRecords(ctx: ServiceContext, w: Window): Promise<{ rows: ServiceRecord[]; total: number }> {
  const jobs = await publicRecords(ctx, w);
  const offers = await publicOffers(ctx, { ...w, offset: Math.max(0, w.offset - jobs.total), limit: w.limit - jobs.rows.length });
  return { rows: [...jobs.rows.map(jobService), ...offers.rows.map(offerService)], total: jobs.total + offers.total };
}

/** The newest published jobs, for the feed and the embed, narrowed to a category when one is chosen. */
export async function latestJobs(ctx: ServiceContext, categoryCode: string | null, limit: number): Promise<LatestJob[]> {
  const { rows } = await publicRecords(ctx, { offset: 0, limit, search: null, modifiedAfter: null, categoryCode }, "newest");
  return rows.map((j) => ({
    id: j.id,
    title: j.title,
    text: j.tasks,
    associationName: j.association_name,
    place: j.place,
    remote: Boolean(j.remote),
    updatedAt: j.updated_at,
    publishedAt: j.published_at,
  }));
}

export async function organization(ctx: ServiceContext, id: string) {
  const [a] = (await publicAssociations(ctx, { offset: 0, limit: 1, search: null, modifiedAfter: null, id })).rows;
  if (!a) throw notFound();
  const { rows } = await serviceRecords(ctx, { offset: 0, limit: 500, search: null, modifiedAfter: null, associationId: a.id });
  return hsds.fullOrganization(a, site(ctx), rows);
}

export async function services(ctx: ServiceContext, q: ListQuery) {
  const { rows, total } = await serviceRecords(ctx, window(q));
  return hsds.page(
    rows.map((j) => hsds.service(j, site(ctx))),
    total,
    q.page,
    q.per_page,
  );
}

export async function service(ctx: ServiceContext, id: string) {
  const [j] = (await serviceRecords(ctx, { offset: 0, limit: 1, search: null, modifiedAfter: null, id })).rows;
  if (!j) throw notFound();
  const [a] = (await publicAssociations(ctx, { offset: 0, limit: 1, search: null, modifiedAfter: null, id: j.associationId })).rows;
  if (!a) throw notFound();
  const place = j.postcode ? await findPostcode(ctx.db, ctx.tenant.country, j.postcode) : null;
  return hsds.fullService(j, place, site(ctx), a);
}

async function placed(ctx: ServiceContext, filter: Window) {
  const { rows, total } = await serviceRecords(ctx, { ...filter, placed: true });
  const places = await findPostcodes(
    ctx.db,
    ctx.tenant.country,
    rows.flatMap((j) => (j.postcode ? [j.postcode] : [])),
  );
  const contents = rows.flatMap((j) => {
    const link = hsds.serviceAtLocation(j, j.postcode ? (places.get(j.postcode) ?? null) : null, site(ctx));
    return link ? [{ ...link, service: hsds.service(j, site(ctx)) }] : [];
  });
  return { contents, total };
}

export async function serviceAtLocations(ctx: ServiceContext, q: ListQuery) {
  const { contents, total } = await placed(ctx, window(q));
  return hsds.page(contents, total, q.page, q.per_page);
}

export async function serviceAtLocation(ctx: ServiceContext, id: string) {
  const [link] = (await placed(ctx, { offset: 0, limit: 1, search: null, modifiedAfter: null, id })).contents;
  if (!link) throw notFound();
  return link;
}

const KINDS: TermKind[] = ["category", "target_group"];

export async function taxonomies(ctx: ServiceContext, q: ListQuery) {
  const all = KINDS.map((k) => hsds.taxonomy(k, site(ctx))).filter((x) => !q.search || x.name.toLowerCase().includes(q.search.toLowerCase()));
  return hsds.page(all.slice((q.page - 1) * q.per_page, q.page * q.per_page), all.length, q.page, q.per_page);
}

export async function taxonomy(ctx: ServiceContext, id: string) {
  const found = KINDS.map((k) => hsds.taxonomy(k, site(ctx))).find((x) => x.id === id);
  if (!found) throw notFound();
  return found;
}

async function allTerms(ctx: ServiceContext) {
  const lists = await Promise.all(
    KINDS.map(async (k) => (await terms(ctx.db, ctx.tenant, k, ctx.tenant.defaultLanguage)).map((t) => hsds.taxonomyTerm(t, k, site(ctx)))),
  );
  return lists.flat();
}

export async function taxonomyTerms(ctx: ServiceContext, q: ListQuery) {
  const needle = q.search?.toLowerCase();
  const all = (await allTerms(ctx)).filter((t) => !needle || t.name.toLowerCase().includes(needle) || t.code.includes(needle));
  return hsds.page(all.slice((q.page - 1) * q.per_page, q.page * q.per_page), all.length, q.page, q.per_page);
}

export async function taxonomyTerm(ctx: ServiceContext, id: string) {
  const found = (await allTerms(ctx)).find((t) => t.id === id);
  if (!found) throw notFound();
  return found;
}
