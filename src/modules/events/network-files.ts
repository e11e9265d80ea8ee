import { audit } from "../../platform/audit/audit.js";
import { authorize } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { documentUpload } from "../../platform/files/documents.js";
import { deleteFiles, readStoredFile, storeFile } from "../../platform/files/images.js";
import { notFound } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import * as events from "./events.repository.js";
import type { MeetingFile } from "./network.model.js";
import { canOrganiseNetwork } from "./network.policy.js";
import * as repo from "./network.repository.js";
import { seeMeeting } from "./network-access.js";

/** The largest file a meeting takes: slides and a scanned attendance list fit. */
export const MEETING_FILE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * An uploaded file, checked by its bytes and its name together (a renamed program is refused): its
 * bytes, its type as Sammen decides it, and its name. Null when no file was chosen.
 */
export const meetingFileUpload = (file: unknown, field: string) =>
  documentUpload(file, field, { maxBytes: MEETING_FILE_MAX_BYTES, tooLarge: "networks.files.tooLarge", wrongType: "networks.files.type" });

async function organisersMeeting(ctx: ServiceContext, networkId: string, eventId: string) {
  const event = await events.findEvent(ctx.db, ctx.tenant.id, eventId);
  const view = await seeMeeting(ctx, event, networkId);
  authorize(ctx.actor, canOrganiseNetwork, view.access);
  return event as NonNullable<typeof event>;
}

/** An organiser attaches a file to a meeting (the slides, the minutes as a document); members download it. */
export async function addMeetingFile(ctx: ServiceContext, networkId: string, eventId: string, file: { data: Buffer; contentType: string; name: string }) {
  const event = await organisersMeeting(ctx, networkId, eventId);
  const actor = ctx.actor;
  await inTransaction(ctx, async (tx) => {
    const fileId = await storeFile(tx.db, tx.clock, tx.tenant.id, { data: file.data, contentType: file.contentType });
    const row: MeetingFile = {
      id: newId(),
      eventId: event.id,
      fileId,
      name: file.name,
      contentType: file.contentType,
      size: file.data.length,
      createdAt: isoNow(tx.clock),
    };
    await repo.insertMeetingFile(tx.db, tx.tenant.id, row, actor.kind === "person" ? actor.userId : null);
    await audit(tx, "network.file_added", { type: "event", id: event.id }, { file: row.id });
  });
}

export async function removeMeetingFile(ctx: ServiceContext, networkId: string, eventId: string, id: string) {
  const event = await organisersMeeting(ctx, networkId, eventId);
  const file = await repo.findMeetingFile(ctx.db, ctx.tenant.id, event.id, id);
  if (!file) throw notFound();
  await inTransaction(ctx, async (tx) => {
    await repo.deleteMeetingFile(tx.db, tx.tenant.id, event.id, file.id);
    await deleteFiles(tx.db, tx.tenant.id, [file.fileId]);
    await audit(tx, "network.file_removed", { type: "event", id: event.id }, { file: file.id });
  });
}

/** A meeting's file for a member (or staff); a 404 for anyone else, as for the meeting itself. */
export async function meetingFile(ctx: ServiceContext, networkId: string, eventId: string, id: string) {
  const event = await events.findEvent(ctx.db, ctx.tenant.id, eventId);
  await seeMeeting(ctx, event, networkId);
  const file = await repo.findMeetingFile(ctx.db, ctx.tenant.id, eventId, id);
  const stored = file && (await readStoredFile(ctx.db, ctx.tenant.id, file.fileId));
  if (!file || !stored) throw notFound();
  return { file, data: stored.data };
}
