import { notFound } from "../../platform/http/errors.js";
import { findPostcode, findPostcodes } from "../../platform/search/postcodes.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { publicAssociations } from "../associations/index.js";
import { publicOfferRecords } from "../directory/index.js";
import { publicRecords } from "../opportunities/index.js";
import { type TermKind, terms } from "../taxonomy/index.js";
import * as hsds from "./hsds.mapper.js";

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

/** Jobs first, then offers: one list of services, paged across both. */
async function serviceRecords(ctx: ServiceContext, w: Window): Promise<{ rows: hsds.ServiceRecord[]; total: number }> {
  const jobs = await publicRecords(ctx, w);
  const offers = await publicOfferRecords(ctx, { ...w, offset: Math.max(0, w.offset - jobs.total), limit: w.limit - jobs.rows.length });
  return { rows: [...jobs.rows.map((j) => ({ ...j, kind: "job" as const })), ...offers.rows], total: jobs.total + offers.total };
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
  const [a] = (await publicAssociations(ctx, { offset: 0, limit: 1, search: null, modifiedAfter: null, id: j.association_id })).rows;
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
    KINDS.map(async (k) => (await terms(ctx.db, ctx.tenant.id, k, ctx.tenant.defaultLanguage)).map((t) => hsds.taxonomyTerm(t, k, site(ctx)))),
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
