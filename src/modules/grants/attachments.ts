import { audit } from "../../platform/audit/audit.js";
import { isoNow } from "../../platform/clock.js";
import { type DocumentUpload, documentUpload } from "../../platform/files/documents.js";
import { deleteFiles, readStoredFile, storeFile } from "../../platform/files/images.js";
import { invalidField, notFound } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { inputName } from "./answers.js";
import * as applications from "./applications.repository.js";
import { formOf, openDraft } from "./apply.js";
import { allFields } from "./form.model.js";
import { openApplication } from "./grants.js";
import { type ApplicationFile, MAX_FILE_BYTES, MAX_FILES } from "./grants.model.js";

/** An attachment as it was posted to a file field (`file.<key>`), checked by its bytes; null when none was chosen. */
export const attachmentUpload = (file: unknown, fieldKey: string) =>
  documentUpload(file, inputName(fieldKey), { maxBytes: MAX_FILE_BYTES, tooLarge: "grants.files.tooLarge", wrongType: "grants.files.type" });

/** Adds a checked file to a file field of a draft; at most MAX_FILES to an application. */
export async function addAttachment(ctx: ServiceContext, id: string, fieldKey: string, file: DocumentUpload): Promise<ApplicationFile> {
  const { application } = await openDraft(ctx, id);
  const form = await formOf(ctx, application);
  if (!allFields(form).some((f) => f.key === fieldKey && f.type === "file")) throw notFound();
  const actor = ctx.actor as { userId: string };
  return inTransaction(ctx, async (tx) => {
    const existing = await applications.filesOf(tx.db, tx.tenant.id, application.id);
    if (existing.length >= MAX_FILES) throw invalidField(inputName(fieldKey), { key: "grants.files.tooMany", values: { max: MAX_FILES } });
    const at = isoNow(tx.clock);
    const fileId = await storeFile(tx.db, tx.clock, tx.tenant.id, { data: file.data, contentType: file.contentType });
    const row: ApplicationFile = {
      id: newId(),
      applicationId: application.id,
      fieldKey,
      fileId,
      name: file.name,
      contentType: file.contentType,
      size: file.data.length,
      createdAt: at,
    };
    await applications.insertFile(tx.db, tx.tenant.id, row, actor.userId);
    await audit(tx, "grants.file_added", { type: "grant_application", id: application.id }, { file: row.id });
    return row;
  });
}

export async function removeAttachment(ctx: ServiceContext, id: string, fileId: string) {
  const { application } = await openDraft(ctx, id);
  await inTransaction(ctx, async (tx) => {
    const removed = await applications.deleteFile(tx.db, tx.tenant.id, application.id, fileId);
    if (!removed) throw notFound();
    await deleteFiles(tx.db, tx.tenant.id, [removed.fileId]);
    await audit(tx, "grants.file_removed", { type: "grant_application", id: application.id }, { file: removed.id });
  });
}

/** An attachment for someone who may see the application. */
export async function attachment(ctx: ServiceContext, id: string, fileId: string) {
  const { application } = await openApplication(ctx, id);
  const file = (await applications.filesOf(ctx.db, ctx.tenant.id, application.id)).find((f) => f.id === fileId);
  const stored = file && (await readStoredFile(ctx.db, ctx.tenant.id, file.fileId));
  if (!file || !stored) throw notFound();
  return { file, data: stored.data };
}
