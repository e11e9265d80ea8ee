import type { Database } from "../../db/database.js";
import { audit } from "../../platform/audit/audit.js";
import { authorize, can } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { deleteFiles, readStoredFile, storeFile } from "../../platform/files/images.js";
import { notFound } from "../../platform/http/errors.js";
import { hideDocument, putDocument } from "../../platform/search/documents.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import type { Association, ProfileChange } from "./associations.model.js";
import { canEditAssociation } from "./associations.policy.js";
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

export async function profileForEdit(ctx: ServiceContext, id: string): Promise<Association> {
  const a = await load(ctx, id);
  authorize(ctx.actor, canEditAssociation, { tenantId: a.tenantId, id: a.id });
  return a;
}

/** Saves what the association says about itself; a new logo replaces the old one, which is deleted. */
export async function updateProfile(ctx: ServiceContext, id: string, change: ProfileChange): Promise<void> {
  const before = await profileForEdit(ctx, id);
  await inTransaction(ctx, async (tx) => {
    const logoFileId = change.logo ? await storeFile(tx.db, tx.clock, tx.tenant.id, change.logo) : undefined;
    await repo.touchProfile(tx.db, tx.tenant.id, id, isoNow(tx.clock), { description: change.description, website: change.website, logoFileId });
    if (logoFileId) await deleteFiles(tx.db, tx.tenant.id, [before.logoFileId]);
    await syncAssociationSearch(tx.db, tx, id);
    await audit(tx, "association.profile_updated", { type: "association", id });
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
