import { audit } from "../../platform/audit/audit.js";
import { authorize } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { deleteFiles, readStoredFile, storeFile } from "../../platform/files/images.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import * as events from "./events.repository.js";
import type { MeetingFile } from "./network.model.js";
import { canOrganiseNetwork } from "./network.policy.js";
import * as repo from "./network.repository.js";
import { seeMeeting } from "./network-access.js";

/** The largest file a meeting takes: slides and a scanned attendance list fit. */
export const MEETING_FILE_MAX_BYTES = 10 * 1024 * 1024;

const PK = [0x50, 0x4b, 0x03, 0x04];
/** What a meeting's file may be, known by its first bytes and its name together: PDF, pictures, and office documents. */
const KINDS: { ext: string[]; type: string; magic: number[] }[] = [
  { ext: ["pdf"], type: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { ext: ["png"], type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { ext: ["jpg", "jpeg"], type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
  { ext: ["docx"], type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: PK },
  { ext: ["xlsx"], type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: PK },
  { ext: ["pptx"], type: "application/vnd.openxmlformats-officedocument.presentationml.presentation", magic: PK },
  { ext: ["odt"], type: "application/vnd.oasis.opendocument.text", magic: PK },
  { ext: ["ods"], type: "application/vnd.oasis.opendocument.spreadsheet", magic: PK },
  { ext: ["odp"], type: "application/vnd.oasis.opendocument.presentation", magic: PK },
];

/** A file's name as it is kept and offered again: no folders, no control characters, not too long. */
const cleanName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? "")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim()
    .slice(-120) || "fil";

/**
 * An uploaded file, checked by its bytes and its name together (a renamed program is refused): its
 * bytes, its type as Sammen decides it, and its name. Null when no file was chosen.
 */
export async function meetingFileUpload(file: unknown, field: string): Promise<{ data: Buffer; contentType: string; name: string } | null> {
  if (!(file instanceof File) || file.size === 0) return null;
  if (file.size > MEETING_FILE_MAX_BYTES) throw new AppError(413, "payload_too_large", "networks.files.tooLarge", { [field]: "networks.files.tooLarge" });
  const name = cleanName(file.name);
  const ext = name.includes(".") ? (name.split(".").pop() ?? "").toLowerCase() : "";
  const data = Buffer.from(await file.arrayBuffer());
  const kind = KINDS.find((k) => k.ext.includes(ext) && k.magic.every((b, i) => data[i] === b));
  if (!kind) throw new AppError(415, "unsupported_media_type", "networks.files.type", { [field]: "networks.files.type" });
  return { data, contentType: kind.type, name };
}

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
