import type { Database } from "../../db/database.js";
import { listOf } from "../../db/lists.js";
import { auditEntry } from "../../platform/audit/audit.js";
import { authorize, isPerson } from "../../platform/auth/policy.js";
import { DAY_MS, isoNow } from "../../platform/clock.js";
import { deleteFiles, readStoredFile, storeFile } from "../../platform/files/images.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { hideDocument, putDocument } from "../../platform/search/documents.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { actFor } from "../associations/index.js";
import { publicRecords as publicJobs } from "../opportunities/index.js";
import { terms } from "../taxonomy/index.js";
import { canManageOffers, canModerateOffers } from "./directory.policy.js";
import * as repo from "./directory.repository.js";
import type { OfferInput } from "./directory.schema.js";
import { associationDocument, offerDocument } from "./directory.search.js";

export type Offer = repo.OfferRow;

const isPublic = (o: Offer) => o.status === "published" && o.hidden_at === null;

/** Keeps the offer's entry in search in step with it. Call inside the changing transaction. */
export async function syncOfferSearch(db: Database, ctx: Pick<ServiceContext, "clock" | "tenant">, id: string) {
  const o = await repo.findById(db, ctx.tenant.id, id);
  if (!o || !isPublic(o)) return hideDocument(db, ctx.clock, ctx.tenant.id, "offer", id);
  const groups = new Map((await terms(db, ctx.tenant.id, "target_group", ctx.tenant.defaultLanguage)).map((g) => [g.code, g.label]));
  await putDocument(db, ctx.clock, ctx.tenant.id, ctx.tenant.country, offerDocument(o, ctx.tenant.defaultLanguage, groups));
}

export async function getVisible(ctx: ServiceContext, id: string): Promise<Offer> {
  const o = await repo.findById(ctx.db, ctx.tenant.id, id);
  if (!o) throw notFound();
  if (!isPublic(o) && !canManage(ctx, o.association_id)) throw notFound();
  return o;
}

/** A page nobody has confirmed for this long may be out of date; its association is asked, and it is hidden in the end. */
export const STALE_AFTER_DAYS = 365;
export const staleSince = (now: Date) => new Date(now.getTime() - STALE_AFTER_DAYS * DAY_MS).toISOString();

/** The public page of an offer, with its labels, and whether its association should confirm it. */
export async function offerPage(ctx: ServiceContext, id: string) {
  const o = await getVisible(ctx, id);
  const [categories, groups] = await Promise.all([terms(ctx.db, ctx.tenant.id, "category", ctx.lang), terms(ctx.db, ctx.tenant.id, "target_group", ctx.lang)]);
  const chosen = listOf(o.target_groups);
  return {
    o,
    categoryLabel: categories.find((x) => x.id === o.category_id)?.label ?? null,
    targetGroups: groups.filter((g) => chosen.includes(g.code)).map((g) => g.label),
    canManage: canManage(ctx, o.association_id),
    stale: o.confirmed_at < staleSince(ctx.clock.now()) || o.hidden_at !== null,
  };
}

export const canManage = (ctx: ServiceContext, associationId: string) =>
  isPerson(ctx.actor) && canManageOffers(ctx.actor, { tenantId: ctx.tenant.id, associationId });

export async function getForEdit(ctx: ServiceContext, id: string): Promise<Offer> {
  const o = await repo.findById(ctx.db, ctx.tenant.id, id);
  if (!o) throw notFound();
  authorize(ctx.actor, canManageOffers, { tenantId: ctx.tenant.id, associationId: o.association_id });
  return o;
}

export async function listForAssociation(ctx: ServiceContext, associationId: string) {
  await actFor(ctx, canManageOffers, associationId);
  return repo.listForAssociation(ctx.db, ctx.tenant.id, associationId);
}

/** What the form says, as the offer's columns; saving confirms it for another year. */
export const offerColumns = (o: OfferInput, status: "pending" | "published", now: string) => ({
  kind: o.kind,
  title: o.title,
  description: o.description,
  category_id: o.categoryId,
  target_groups: o.targetGroups.join(","),
  place_name: o.placeName,
  address: o.address,
  postcode: o.postcode,
  online: o.online ? 1 : 0,
  time_slots: o.slots.join(","),
  time_text: o.timeText,
  accessibility: o.accessibility.join(","),
  languages: o.languages.join(","),
  price: o.price,
  price_text: o.priceText,
  contact_email: o.contactEmail,
  contact_phone: o.contactPhone,
  link_url: o.linkUrl,
  status,
  review_note: null,
  updated_at: now,
  confirmed_at: now,
  stale_notified_at: null,
  hidden_at: null,
});

/** Saves an offer: public at once under post-moderation, after staff approval under pre-moderation. */
export async function save(ctx: ServiceContext, input: { associationId: string; id: string | null; offer: OfferInput }): Promise<string> {
  const { actor } = await actFor(ctx, canManageOffers, input.associationId, "associationId");
  const [categories, groups] = await Promise.all([terms(ctx.db, ctx.tenant.id, "category", ctx.lang), terms(ctx.db, ctx.tenant.id, "target_group", ctx.lang)]);
  const o = input.offer;
  if (!categories.some((c) => c.id === o.categoryId))
    throw new AppError(422, "validation_failed", "opportunity.category.required", { categoryId: "opportunity.category.required" });
  if (o.targetGroups.some((g) => !groups.some((x) => x.code === g)))
    throw new AppError(422, "validation_failed", "validation.invalid", { targetGroups: "validation.invalid" });
  const values = offerColumns(o, ctx.tenant.moderation === "post" ? "published" : "pending", isoNow(ctx.clock));
  const now = values.updated_at;
  const id = input.id ?? newId();
  await ctx.db.transaction().execute(async (trx) => {
    if (input.id) {
      const existing = await repo.findById(trx, ctx.tenant.id, input.id);
      if (existing?.association_id !== input.associationId) throw notFound();
      await trx.updateTable("offers").set(values).where("tenant_id", "=", ctx.tenant.id).where("id", "=", input.id).execute();
    } else {
      await trx
        .insertInto("offers")
        .values({ ...values, id, tenant_id: ctx.tenant.id, association_id: input.associationId, created_at: now })
        .execute();
    }
    await syncOfferSearch(trx, ctx, id);
    await auditEntry(trx, ctx.clock, { tenantId: ctx.tenant.id, actorId: actor.userId, action: "offer.saved", entityType: "offer", entityId: id, ip: ctx.ip });
  });
  return id;
}

export async function moderationQueue(ctx: ServiceContext) {
  authorize(ctx.actor, canModerateOffers, { tenantId: ctx.tenant.id });
  return repo.listPending(ctx.db, ctx.tenant.id);
}

export async function decide(ctx: ServiceContext, id: string, decision: "approve" | "reject", note: string) {
  authorize(ctx.actor, canModerateOffers, { tenantId: ctx.tenant.id });
  const actor = ctx.actor;
  const o = await repo.findById(ctx.db, ctx.tenant.id, id);
  if (o?.status !== "pending") throw notFound();
  if (decision === "reject" && !note) throw new AppError(422, "validation_failed", "moderation.note.required", { note: "moderation.note.required" });
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("offers")
      .set({ status: decision === "approve" ? "published" : "rejected", review_note: decision === "reject" ? note : null, updated_at: isoNow(ctx.clock) })
      .where("tenant_id", "=", ctx.tenant.id)
      .where("id", "=", id)
      .execute();
    await syncOfferSearch(trx, ctx, id);
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: actor.userId,
      action: `offer.${decision === "approve" ? "approved" : "rejected"}`,
      entityType: "offer",
      entityId: id,
      ip: ctx.ip,
    });
  });
}

/** The association says the offer is still right: it is shown again and asked again in a year. */
export async function confirm(ctx: ServiceContext, id: string) {
  const o = await getForEdit(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("offers")
      .set({ confirmed_at: isoNow(ctx.clock), stale_notified_at: null, hidden_at: null })
      .where("tenant_id", "=", ctx.tenant.id)
      .where("id", "=", o.id)
      .execute();
    await syncOfferSearch(trx, ctx, o.id);
  });
}

/** An association's public page: what it says about itself, its offers and its volunteer jobs. */
export async function associationPage(ctx: ServiceContext, associationId: string) {
  const association = await ctx.db
    .selectFrom("associations")
    .select(["id", "name", "description", "website", "email", "phone", "logo_file_id", "updated_at", "hidden_at"])
    .where("tenant_id", "=", ctx.tenant.id)
    .where("id", "=", associationId)
    .executeTakeFirst();
  const canEdit = canManage(ctx, associationId);
  if (!association || (association.hidden_at && !canEdit)) throw notFound();
  const [offers, jobs] = await Promise.all([
    repo.listPublic(ctx.db, ctx.tenant.id, associationId),
    publicJobs(ctx, { offset: 0, limit: 100, search: null, modifiedAfter: null, associationId }, "newest"),
  ]);
  const stale = association.updated_at < staleSince(ctx.clock.now()) || association.hidden_at !== null;
  return { association, offers, jobs: jobs.rows, canEdit, stale };
}

/** The association says its page is still right: it is shown again and asked again in a year. */
export async function confirmAssociation(ctx: ServiceContext, associationId: string) {
  await actFor(ctx, canManageOffers, associationId);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("associations")
      .set({ updated_at: isoNow(ctx.clock), stale_notified_at: null, hidden_at: null })
      .where("tenant_id", "=", ctx.tenant.id)
      .where("id", "=", associationId)
      .execute();
    await syncAssociationSearch(trx, ctx, associationId);
  });
}

export async function updateProfile(
  ctx: ServiceContext,
  associationId: string,
  input: { description: string; website: string | null; logo: { data: Buffer; contentType: string } | null },
) {
  const { actor } = await actFor(ctx, canManageOffers, associationId);
  const now = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const replaced = input.logo ? await repo.logoFileOf(trx, ctx.tenant.id, associationId) : null;
    const logo = input.logo ? { logo_file_id: await storeFile(trx, ctx.clock, ctx.tenant.id, input.logo) } : {};
    await trx
      .updateTable("associations")
      .set({ description: input.description, website: input.website, updated_at: now, stale_notified_at: null, hidden_at: null, ...logo })
      .where("tenant_id", "=", ctx.tenant.id)
      .where("id", "=", associationId)
      .execute();
    await deleteFiles(trx, ctx.tenant.id, [replaced]);
    await syncAssociationSearch(trx, ctx, associationId);
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: actor.userId,
      action: "association.profile_updated",
      entityType: "association",
      entityId: associationId,
      ip: ctx.ip,
    });
  });
}

/** The association's logo, for its pages; only this tenant's. */
export async function logoOf(ctx: ServiceContext, associationId: string) {
  const fileId = await repo.logoFileOf(ctx.db, ctx.tenant.id, associationId);
  const file = fileId ? await readStoredFile(ctx.db, ctx.tenant.id, fileId) : undefined;
  if (!file) throw notFound();
  return file;
}

/** An association is findable once it has told the public what it does. */
export async function syncAssociationSearch(db: Database, ctx: Pick<ServiceContext, "clock" | "tenant">, associationId: string) {
  const a = await db
    .selectFrom("associations")
    .select(["id", "name", "description", "created_at", "hidden_at"])
    .where("tenant_id", "=", ctx.tenant.id)
    .where("id", "=", associationId)
    .executeTakeFirst();
  if (!a?.description || a.hidden_at) return hideDocument(db, ctx.clock, ctx.tenant.id, "association", associationId);
  await putDocument(db, ctx.clock, ctx.tenant.id, ctx.tenant.country, associationDocument(a));
}

/** Public offers for open data, in the same shape as public jobs. */
export async function publicOfferRecords(ctx: ServiceContext, filter: repo.PublicRecordFilter) {
  const { rows, total } = await repo.listPublicRecords(ctx.db, ctx.tenant.id, filter);
  return {
    total,
    rows: rows.map((o) => ({
      kind: "offer" as const,
      id: o.id,
      association_id: o.association_id,
      association_name: o.association_name,
      title: o.title,
      tasks: o.description,
      benefits: o.price_text ?? "",
      contact_email: o.contact_email,
      min_age: null,
      languages: o.languages,
      place: o.place_name,
      postcode: o.postcode,
      remote: o.online && !o.postcode && !o.place_name ? 1 : 0,
      updated_at: o.updated_at,
      category_id: o.category_id,
      category_code: o.category_code,
      category_labels: o.category_labels,
    })),
  };
}
