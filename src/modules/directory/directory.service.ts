import type { Database } from "../../db/database.js";
import { audit } from "../../platform/audit/audit.js";
import { authorize, can } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { invalidField, notFound } from "../../platform/http/errors.js";
import { parseTranslations } from "../../platform/i18n/localized.js";
import { newId } from "../../platform/ids.js";
import { mailDecision } from "../../platform/moderation/decision-mail.js";
import { changedFields, waitsForApproval } from "../../platform/moderation/pending-change.js";
import { hideDocument, putDocument } from "../../platform/search/documents.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { actFor, publicProfile } from "../associations/index.js";
import { publicRecords as publicJobs } from "../opportunities/index.js";
import { terms } from "../taxonomy/index.js";
import { isPublic, OFFER_FIELDS, type Offer, type OfferContent, staleSince } from "./directory.model.js";
import { canManageOffers, canModerateOffers } from "./directory.policy.js";
import * as repo from "./directory.repository.js";
import { offerDocument } from "./directory.search.js";

// The yearly confirmation job asks these of the directory; an association's page is the associations module's.
export { staleSince } from "./directory.model.js";

/** Keeps the offer's entry in search in step with it. Call inside the changing transaction. */
export async function syncOfferSearch(db: Database, ctx: Pick<ServiceContext, "clock" | "tenant">, id: string) {
  const o = await repo.findById(db, ctx.tenant.id, id);
  if (!o || !isPublic(o)) return hideDocument(db, ctx.clock, ctx.tenant.id, "offer", id);
  const groups = new Map((await terms(db, ctx.tenant, "target_group", ctx.tenant.defaultLanguage)).map((g) => [g.code, g.label]));
  await putDocument(db, ctx.clock, ctx.tenant.id, ctx.tenant.country, offerDocument(o, ctx.tenant.defaultLanguage, groups));
}

const mayManage = (ctx: ServiceContext, associationId: string) => can(ctx.actor, canManageOffers, { tenantId: ctx.tenant.id, associationId });

/** An offer anyone may see once public; its own association and staff see it in any state. */
async function getVisible(ctx: ServiceContext, id: string): Promise<Offer> {
  const o = await repo.findById(ctx.db, ctx.tenant.id, id);
  if (!o || (!isPublic(o) && !mayManage(ctx, o.associationId))) throw notFound();
  return o;
}

/** The public page of an offer, with its labels, and whether its association should confirm it. */
export async function offerPage(ctx: ServiceContext, id: string) {
  const offer = await getVisible(ctx, id);
  const [categories, groups] = await Promise.all([terms(ctx.db, ctx.tenant, "category", ctx.lang), terms(ctx.db, ctx.tenant, "target_group", ctx.lang)]);
  return {
    offer,
    categoryLabel: categories.find((x) => x.id === offer.categoryId)?.label ?? null,
    targetGroups: groups.filter((g) => offer.targetGroups.includes(g.code)).map((g) => g.label),
    mayManage: mayManage(ctx, offer.associationId),
    stale: offer.confirmedAt < staleSince(ctx.clock.now()) || offer.hiddenAt !== null,
  };
}

export async function getForEdit(ctx: ServiceContext, id: string): Promise<Offer> {
  const o = await repo.findById(ctx.db, ctx.tenant.id, id);
  if (!o) throw notFound();
  authorize(ctx.actor, canManageOffers, { tenantId: ctx.tenant.id, associationId: o.associationId });
  return o;
}

/** Whether this person may write offers for the association; a 404 or 403 when not. */
export async function mayWriteFor(ctx: ServiceContext, associationId: string): Promise<void> {
  await actFor(ctx, canManageOffers, associationId);
}

export async function listForAssociation(ctx: ServiceContext, associationId: string): Promise<Offer[]> {
  await mayWriteFor(ctx, associationId);
  return repo.listForAssociation(ctx.db, ctx.tenant.id, associationId);
}

/** Checks the offer's category and target groups against the tenant's own lists. */
async function checkTerms(ctx: ServiceContext, o: OfferContent) {
  const [categories, groups] = await Promise.all([terms(ctx.db, ctx.tenant, "category", ctx.lang), terms(ctx.db, ctx.tenant, "target_group", ctx.lang)]);
  if (!categories.some((c) => c.id === o.categoryId)) throw invalidField("categoryId", "opportunity.category.required");
  if (o.targetGroups.some((g) => !groups.some((x) => x.code === g))) throw invalidField("targetGroups", "validation.invalid");
}

/** A saved offer is confirmed for another year and shown again. */
export const freshState = (status: Offer["status"], now: string) => ({
  status,
  reviewNote: null,
  updatedAt: now,
  confirmedAt: now,
  staleNotifiedAt: null,
  hiddenAt: null,
});

/**
 * Saves an offer: public at once under post-moderation, after staff approval under pre-moderation.
 * A change to an approved offer under pre-moderation waits beside it while the approved version stays public.
 */
export async function save(
  ctx: ServiceContext,
  input: { associationId: string; id: string | null; offer: OfferContent },
): Promise<{ id: string; waits: boolean }> {
  await actFor(ctx, canManageOffers, input.associationId, "associationId");
  await checkTerms(ctx, input.offer);
  const now = isoNow(ctx.clock);
  const state = freshState(ctx.tenant.moderation === "post" ? "published" : "pending", now);
  const id = input.id ?? newId();
  return inTransaction(ctx, async (tx) => {
    if (input.id) {
      const existing = await repo.findById(tx.db, tx.tenant.id, input.id);
      if (existing?.associationId !== input.associationId) throw notFound();
      if (waitsForApproval(tx.tenant.moderation, existing.status === "published")) {
        await repo.setPendingChange(tx.db, tx.tenant.id, id, { content: input.offer, since: now });
        // Someone looked after the offer: the approved version counts as confirmed for another year.
        await repo.update(tx.db, tx.tenant.id, id, { confirmedAt: now, staleNotifiedAt: null, hiddenAt: null });
        await syncOfferSearch(tx.db, tx, id);
        await audit(tx, "offer.change_submitted", { type: "offer", id }, { fields: changedFields(existing, input.offer, OFFER_FIELDS).join(",") });
        return { id, waits: true };
      }
      await repo.update(tx.db, tx.tenant.id, input.id, { ...input.offer, ...state });
      await repo.setPendingChange(tx.db, tx.tenant.id, id, null);
    } else {
      await repo.insert(tx.db, tx.tenant.id, { ...input.offer, ...state, id, associationId: input.associationId, createdAt: now });
    }
    await syncOfferSearch(tx.db, tx, id);
    await audit(tx, "offer.saved", { type: "offer", id });
    return { id, waits: false };
  });
}

/** The offer for its edit form, with the change that waits beside it (the form then shows the change). */
export async function getForEditWithChange(ctx: ServiceContext, id: string) {
  const found = await repo.findWithChange(ctx.db, ctx.tenant.id, id);
  if (!found) throw notFound();
  authorize(ctx.actor, canManageOffers, { tenantId: ctx.tenant.id, associationId: found.offer.associationId });
  return found;
}

/** The editor takes back a change that waits; the approved version stays as it is. */
export async function withdrawChange(ctx: ServiceContext, id: string): Promise<void> {
  const { change } = await getForEditWithChange(ctx, id);
  if (!change) throw notFound();
  await inTransaction(ctx, async (tx) => {
    await repo.setPendingChange(tx.db, tx.tenant.id, id, null);
    await audit(tx, "offer.change_withdrawn", { type: "offer", id });
  });
}

/** New offers and changes to approved ones, for staff to decide on. */
export async function moderationQueue(ctx: ServiceContext) {
  authorize(ctx.actor, canModerateOffers, { tenantId: ctx.tenant.id });
  return repo.listPending(ctx.db, ctx.tenant.id);
}

/**
 * Staff approve a new offer (it goes public) or a change (it replaces the approved version, and search
 * follows), or say no with a note: a new offer is sent back, a change is dropped and the approved version
 * stays. The offer's contact hears either way. Returns what was decided on.
 */
export async function decide(ctx: ServiceContext, id: string, decision: "approve" | "reject", note: string): Promise<{ change: boolean }> {
  authorize(ctx.actor, canModerateOffers, { tenantId: ctx.tenant.id });
  const found = await repo.findWithChange(ctx.db, ctx.tenant.id, id);
  if (!found || (found.offer.status !== "pending" && !found.change)) throw notFound();
  if (decision === "reject" && !note) throw invalidField("note", "moderation.note.required");
  const { offer: o, change } = found;
  await inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    if (change) {
      if (decision === "approve") await repo.update(tx.db, tx.tenant.id, id, { ...change.content, updatedAt: now });
      await repo.setPendingChange(tx.db, tx.tenant.id, id, null);
      await audit(
        tx,
        `offer.change_${decision === "approve" ? "approved" : "rejected"}`,
        { type: "offer", id },
        {
          fields: changedFields(o, change.content, OFFER_FIELDS).join(","),
        },
      );
    } else {
      const status = decision === "approve" ? "published" : "rejected";
      await repo.update(tx.db, tx.tenant.id, id, { status, reviewNote: decision === "reject" ? note : null, updatedAt: now });
      await audit(tx, `offer.${status === "published" ? "approved" : "rejected"}`, { type: "offer", id });
    }
    await syncOfferSearch(tx.db, tx, id);
    const shown = change && decision === "approve" ? change.content : o;
    await mailDecision(tx, {
      decision,
      change: Boolean(change),
      note,
      to: (change?.content ?? o).contactEmail,
      title: shown.title,
      path: `/directory/offers/${id}`,
    });
  });
  return { change: Boolean(change) };
}

/** The association says the offer is still right: it is shown again and asked again in a year. */
export async function confirm(ctx: ServiceContext, id: string) {
  const o = await getForEdit(ctx, id);
  await inTransaction(ctx, async (tx) => {
    await repo.update(tx.db, tx.tenant.id, o.id, { confirmedAt: isoNow(tx.clock), staleNotifiedAt: null, hiddenAt: null });
    await syncOfferSearch(tx.db, tx, o.id);
  });
}

/** An association's public page: what it says about itself, its offers and its volunteer jobs. */
export async function associationPage(ctx: ServiceContext, associationId: string) {
  const { association, mayEdit } = await publicProfile(ctx, associationId);
  const [offers, jobs] = await Promise.all([
    repo.listPublic(ctx.db, ctx.tenant.id, associationId),
    publicJobs(ctx, { offset: 0, limit: 100, search: null, modifiedAfter: null, associationId }, "newest"),
  ]);
  const stale = association.updatedAt < staleSince(ctx.clock.now()) || association.hiddenAt !== null;
  return { association, offers, jobs: jobs.rows.map((j) => ({ id: j.id, title: j.title, translations: parseTranslations(j.translations) })), mayEdit, stale };
}

/** Public offers for open data. */
export async function publicOffers(ctx: ServiceContext, filter: repo.PublicRecordFilter) {
  return repo.listPublicRecords(ctx.db, ctx.tenant.id, filter);
}
