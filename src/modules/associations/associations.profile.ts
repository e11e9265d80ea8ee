import type { Database } from "../../db/database.js";
import { audit } from "../../platform/audit/audit.js";
import { authorize, can } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { deleteFiles, readStoredFile, storeFile } from "../../platform/files/images.js";
import { invalidField, notFound } from "../../platform/http/errors.js";
import { mailDecision } from "../../platform/moderation/decision-mail.js";
import { changedFields, waitsForApproval } from "../../platform/moderation/pending-change.js";
import { hideDocument, putDocument } from "../../platform/search/documents.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { type Association, PROFILE_FIELDS, type ProfileChange, type ProfileContent } from "./associations.model.js";
import { canEditAssociation, canModerateProfiles } from "./associations.policy.js";
import * as repo from "./associations.repository.js";
import { associationDocument } from "./associations.search.js";
import { load } from "./associations.service.js";

/**
 * What an association tells the public about itself (its text, website and logo), shown on its page
 * in the directory and found by search once it says what it does.
 */

/** The association as its public page shows it; a page hidden for not being confirmed is shown only to those who may edit it. */
export async function publicProfile(ctx: ServiceContext, id: string): Promise<{ association: Association; mayEdit: boolean }> {
  const association = await repo.findById(ctx.db, ctx.tenant.id, id);
  const mayEdit = can(ctx.actor, canEditAssociation, { tenantId: ctx.tenant.id, id });
  if (!association || (association.hiddenAt && !mayEdit)) throw notFound();
  return { association, mayEdit };
}

/** Where an association's approved logo is shown from, for the pages that name it (a job, an activity); null when it has none. */
export async function logoHref(ctx: ServiceContext, id: string): Promise<string | null> {
  const a = await repo.findById(ctx.db, ctx.tenant.id, id);
  return a?.logoFileId ? `/directory/associations/${a.id}/logo?v=${a.logoFileId}` : null;
}

export async function profileForEdit(ctx: ServiceContext, id: string): Promise<Association> {
  const a = await load(ctx, id);
  authorize(ctx.actor, canEditAssociation, { tenantId: a.tenantId, id: a.id });
  return a;
}

/**
 * Saves what the association says about itself; a new logo replaces the old one, which is deleted.
 * Under pre-moderation the change waits for staff beside the page, which keeps showing what it said.
 * Returns whether it waits.
 */
export async function updateProfile(ctx: ServiceContext, id: string, change: ProfileChange): Promise<{ waits: boolean }> {
  const before = await profileForEdit(ctx, id);
  const waiting = (await repo.findWithChange(ctx.db, ctx.tenant.id, id))?.change ?? null;
  return inTransaction(ctx, async (tx) => {
    const logoFileId = change.logo ? await storeFile(tx.db, tx.clock, tx.tenant.id, change.logo) : undefined;
    const now = isoNow(tx.clock);
    if (waitsForApproval(tx.tenant.moderation, true)) {
      // A logo sent with an earlier change that is now replaced is not needed any more.
      const keptLogo = logoFileId ?? waiting?.content.logoFileId ?? before.logoFileId;
      if (waiting && waiting.content.logoFileId !== keptLogo && waiting.content.logoFileId !== before.logoFileId)
        await deleteFiles(tx.db, tx.tenant.id, [waiting.content.logoFileId]);
      const content: ProfileContent = { description: change.description, website: change.website, logoFileId: keptLogo };
      await repo.setProfileChange(tx.db, tx.tenant.id, id, { content, since: now });
      await repo.touchProfile(tx.db, tx.tenant.id, id, now);
      await syncAssociationSearch(tx.db, tx, id);
      await audit(
        tx,
        "association.profile_change_submitted",
        { type: "association", id },
        { fields: changedFields(before, content, PROFILE_FIELDS).join(",") },
      );
      return { waits: true };
    }
    await repo.touchProfile(tx.db, tx.tenant.id, id, now, { description: change.description, website: change.website, logoFileId });
    if (logoFileId) await deleteFiles(tx.db, tx.tenant.id, [before.logoFileId]);
    await syncAssociationSearch(tx.db, tx, id);
    await audit(tx, "association.profile_updated", { type: "association", id });
    return { waits: false };
  });
}

/** The page for its edit form, with the change that waits beside it (the form then shows the change). */
export async function profileWithChange(ctx: ServiceContext, id: string) {
  const a = await profileForEdit(ctx, id);
  const found = await repo.findWithChange(ctx.db, ctx.tenant.id, a.id);
  return { association: a, change: found?.change ?? null };
}

/** The association takes back a change that waits; its page stays as it is. */
export async function withdrawProfileChange(ctx: ServiceContext, id: string): Promise<void> {
  const { association: a, change } = await profileWithChange(ctx, id);
  if (!change) throw notFound();
  await inTransaction(ctx, async (tx) => {
    await repo.setProfileChange(tx.db, tx.tenant.id, id, null);
    if (change.content.logoFileId !== a.logoFileId) await deleteFiles(tx.db, tx.tenant.id, [change.content.logoFileId]);
    await audit(tx, "association.profile_change_withdrawn", { type: "association", id });
  });
}

/** Associations whose page has a change waiting, for staff to decide on. */
export async function profileChangeQueue(ctx: ServiceContext) {
  authorize(ctx.actor, canModerateProfiles, { tenantId: ctx.tenant.id });
  return repo.listProfileChanges(ctx.db, ctx.tenant.id);
}

/**
 * Staff approve a change to an association's page (the page and search show it) or reject it with a
 * note (the page keeps what it said); the association hears either way.
 */
export async function decideProfileChange(ctx: ServiceContext, id: string, decision: "approve" | "reject", note: string): Promise<void> {
  authorize(ctx.actor, canModerateProfiles, { tenantId: ctx.tenant.id });
  const found = await repo.findWithChange(ctx.db, ctx.tenant.id, id);
  if (!found?.change) throw notFound();
  if (decision === "reject" && !note) throw invalidField("note", "moderation.note.required");
  const { association: a, change } = found;
  await inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    const newLogo = change.content.logoFileId !== a.logoFileId ? change.content.logoFileId : null;
    if (decision === "approve") {
      await repo.touchProfile(tx.db, tx.tenant.id, id, now, {
        description: change.content.description,
        website: change.content.website,
        logoFileId: newLogo ?? undefined,
      });
      if (newLogo) await deleteFiles(tx.db, tx.tenant.id, [a.logoFileId]);
    } else if (newLogo) {
      await deleteFiles(tx.db, tx.tenant.id, [newLogo]);
    }
    await repo.setProfileChange(tx.db, tx.tenant.id, id, null);
    await syncAssociationSearch(tx.db, tx, id);
    await audit(
      tx,
      `association.profile_change_${decision === "approve" ? "approved" : "rejected"}`,
      { type: "association", id },
      {
        fields: changedFields(a, change.content, PROFILE_FIELDS).join(","),
      },
    );
    await mailDecision(tx, { decision, change: true, note, to: a.email, title: a.name, path: `/directory/associations/${id}` });
  });
}

/** The association says its page is still right: it is shown again and asked again in a year. */
export async function confirmProfile(ctx: ServiceContext, id: string): Promise<void> {
  await profileForEdit(ctx, id);
  await inTransaction(ctx, async (tx) => {
    await repo.touchProfile(tx.db, tx.tenant.id, id, isoNow(tx.clock));
    await syncAssociationSearch(tx.db, tx, id);
  });
}

/** The association's logo, for its pages; only this tenant's. */
export async function logoOf(ctx: ServiceContext, id: string) {
  const fileId = (await repo.findById(ctx.db, ctx.tenant.id, id))?.logoFileId;
  const file = fileId ? await readStoredFile(ctx.db, ctx.tenant.id, fileId) : undefined;
  if (!file) throw notFound();
  return file;
}

/** An association is findable once it has told the public what it does. Call inside the changing transaction. */
export async function syncAssociationSearch(db: Database, ctx: Pick<ServiceContext, "clock" | "tenant">, id: string): Promise<void> {
  const a = await repo.findById(db, ctx.tenant.id, id);
  if (!a?.description || a.hiddenAt) return hideDocument(db, ctx.clock, ctx.tenant.id, "association", id);
  await putDocument(db, ctx.clock, ctx.tenant.id, ctx.tenant.country, associationDocument(a));
}

/** Association pages not changed since the moment, for the directory's yearly check. */
export const staleProfiles = (db: Database, tenantId: string, staleBefore: string) => repo.staleProfiles(db, tenantId, staleBefore);

/** Notes that the association was asked to confirm its page, or that the page is hidden until it does. */
export const markStaleProfile = (db: Database, tenantId: string, id: string, mark: { notifiedAt: string } | { hiddenAt: string }) =>
  repo.markStaleProfile(db, tenantId, id, mark);
