import { audit } from "../../platform/audit/audit.js";
import { can, isPerson } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { documentUpload } from "../../platform/files/documents.js";
import { deleteFiles, readStoredFile, storeFile } from "../../platform/files/images.js";
import { notFound } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import type { AgreementDocument } from "./agreements.model.js";
import { canSeeAgreement } from "./agreements.policy.js";
import * as repo from "./agreements.repository.js";
import { mayManage, namesOf } from "./agreements.service.js";

/** The largest document an agreement takes: a scanned, signed agreement fits. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

export const agreementDocumentUpload = (file: unknown) =>
  documentUpload(file, "file", { maxBytes: DOCUMENT_MAX_BYTES, tooLarge: "agreements.files.tooLarge", wrongType: "agreements.files.type" });

async function managed(ctx: ServiceContext, id: string) {
  mayManage(ctx);
  const a = await repo.findAgreement(ctx.db, ctx.tenant.id, id, namesOf(ctx));
  if (!a) throw notFound();
  return a;
}

export async function addDocument(ctx: ServiceContext, agreementId: string, file: { data: Buffer; contentType: string; name: string }) {
  const a = await managed(ctx, agreementId);
  const by = isPerson(ctx.actor) ? ctx.actor.userId : null;
  await inTransaction(ctx, async (tx) => {
    const fileId = await storeFile(tx.db, tx.clock, tx.tenant.id, { data: file.data, contentType: file.contentType });
    const doc: AgreementDocument = {
      id: newId(),
      agreementId: a.id,
      fileId,
      name: file.name,
      contentType: file.contentType,
      size: file.data.length,
      createdAt: isoNow(tx.clock),
    };
    await repo.insertDocument(tx.db, tx.tenant.id, doc, by);
    await audit(tx, "agreements.document_added", { type: "agreement", id: a.id }, { document: doc.id });
  });
}

export async function removeDocument(ctx: ServiceContext, agreementId: string, id: string) {
  const a = await managed(ctx, agreementId);
  const doc = await repo.findDocument(ctx.db, ctx.tenant.id, a.id, id);
  if (!doc) throw notFound();
  await inTransaction(ctx, async (tx) => {
    await repo.deleteDocument(tx.db, tx.tenant.id, doc.id);
    await deleteFiles(tx.db, tx.tenant.id, [doc.fileId]);
    await audit(tx, "agreements.document_removed", { type: "agreement", id: a.id }, { document: doc.id });
  });
}

/** A document for those who see the agreement in full; a 404 for anyone else. */
export async function documentFile(ctx: ServiceContext, agreementId: string, id: string) {
  const a = await repo.findAgreement(ctx.db, ctx.tenant.id, agreementId, namesOf(ctx));
  if (!a || !can(ctx.actor, canSeeAgreement, { tenantId: a.tenantId, associationIds: a.parties.map((p) => p.associationId) })) throw notFound();
  const doc = await repo.findDocument(ctx.db, ctx.tenant.id, a.id, id);
  const stored = doc && (await readStoredFile(ctx.db, ctx.tenant.id, doc.fileId));
  if (!doc || !stored) throw notFound();
  return { doc, data: stored.data };
}
