import type { Database } from "../../db/database.js";
import { authorize, can } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { notFound } from "../../platform/http/errors.js";
import type { PersonalDataSource } from "../../platform/privacy/data-subject.js";
import { hideDocument, putDocument } from "../../platform/search/documents.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { actFor } from "../associations/index.js";
import { terms } from "../taxonomy/index.js";
import { isPublic, type Opportunity } from "./opportunities.model.js";
import { canManageOpportunities } from "./opportunities.policy.js";
import * as repo from "./opportunities.repository.js";
import { opportunityDocument } from "./opportunities.search.js";

export const today = (ctx: ServiceContext) => isoNow(ctx.clock).slice(0, 10);

/** Keeps the job's entry in search in step with it: findable only while published. Call inside the changing transaction. */
export async function syncSearch(tx: ServiceContext, id: string) {
  const o = await repo.findById(tx.db, tx.tenant.id, id);
  if (o?.status !== "published") return hideDocument(tx.db, tx.clock, tx.tenant.id, "opportunity", id);
  const category = (await terms(tx.db, tx.tenant, "category", tx.tenant.defaultLanguage)).find((c) => c.id === o.categoryId);
  await putDocument(tx.db, tx.clock, tx.tenant.id, tx.tenant.country, opportunityDocument(o, category));
}

/** Published jobs as open data, feeds and embeds show them. */
export async function publicRecords(ctx: ServiceContext, filter: repo.PublicRecordFilter, order: "id" | "newest" = "id") {
  return repo.listPublicRecords(ctx.db, ctx.tenant.id, today(ctx), filter, order);
}
export type PublicJob = Awaited<ReturnType<typeof publicRecords>>["rows"][number];

export async function listPublished(ctx: ServiceContext, page: number) {
  return repo.listPublished(ctx.db, ctx.tenant.id, today(ctx), page);
}

/** Whether this person may edit the job and see who applied. */
export const mayManage = (ctx: ServiceContext, o: Pick<Opportunity, "tenantId" | "associationId">) =>
  can(ctx.actor, canManageOpportunities, { tenantId: o.tenantId, associationId: o.associationId });

/** A job anyone may see: published and not expired; its own association and staff see it in any state. */
export async function getVisible(ctx: ServiceContext, id: string): Promise<Opportunity> {
  const o = await repo.findById(ctx.db, ctx.tenant.id, id);
  if (!o || !(isPublic(o, today(ctx)) || mayManage(ctx, o))) throw notFound();
  return o;
}

export async function getForEdit(ctx: ServiceContext, id: string): Promise<Opportunity> {
  const o = await repo.findById(ctx.db, ctx.tenant.id, id);
  if (!o) throw notFound();
  authorize(ctx.actor, canManageOpportunities, { tenantId: o.tenantId, associationId: o.associationId });
  return o;
}

/** A job by id whatever its state, for another module that has checked what it may show. */
export async function findJob(ctx: ServiceContext, id: string): Promise<Opportunity | undefined> {
  return repo.findById(ctx.db, ctx.tenant.id, id);
}

/** Several jobs by id, in one query. */
export async function jobsByIds(db: Database, tenantId: string, ids: string[]): Promise<Map<string, Opportunity>> {
  return new Map((await repo.findByIds(db, tenantId, [...new Set(ids)])).map((o) => [o.id, o]));
}

/** The association a posting is for, named by the path or by the form's field, that this person may post for. */
export const postingFor = (ctx: ServiceContext, associationId: string, field?: string) => actFor(ctx, canManageOpportunities, associationId, field);

export async function listForAssociation(ctx: ServiceContext, associationId: string) {
  await postingFor(ctx, associationId);
  return repo.listForAssociation(ctx.db, ctx.tenant.id, associationId);
}

/** When each job published since a day went out, with its category, for the centre's figures. */
export async function publishedSince(ctx: ServiceContext, since: string) {
  return repo.publishedSince(ctx.db, ctx.tenant.id, since);
}

/** The postings that name the person as their association's contact. */
export const personalData: PersonalDataSource = {
  columns: [],
  async read(db, _ring, subject) {
    return { volunteer_jobs_naming_you_as_contact: subject.email ? await repo.postingsWithContact(db, subject.tenantId, subject.email) : [] };
  },
  async erase() {},
};

/** The name of the job's category in the person's language, if it has one. */
export async function categoryLabel(ctx: ServiceContext, o: Pick<Opportunity, "categoryId">): Promise<string | null> {
  return (await terms(ctx.db, ctx.tenant, "category", ctx.lang)).find((t) => t.id === o.categoryId)?.label ?? null;
}
