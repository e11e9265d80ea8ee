import type { Context } from "hono";
import { imageSize } from "image-size";
import type { Database } from "../../db/database.js";
import { type Clock, isoNow } from "../clock.js";
import type { AppEnv } from "../http/env.js";
import { AppError } from "../http/errors.js";
import type { MessageKey } from "../i18n/i18n.js";
import { newId } from "../ids.js";
import { deleteFilesById, findFile, insertFile, type StoredFile } from "./files.repository.js";

const TYPES: Record<string, { contentType: string; format: "png" | "jpeg" | "webp" }> = {
  png: { contentType: "image/png", format: "png" },
  jpg: { contentType: "image/jpeg", format: "jpeg" },
  webp: { contentType: "image/webp", format: "webp" },
};
const MAX_SIDE = 4000;
const CODES = { 413: "payload_too_large", 415: "unsupported_media_type", 422: "validation_failed" } as const;

/**
 * An uploaded picture, checked by its bytes (not its name or claimed type): PNG, JPEG or WebP only
 * (no SVG, which can carry script), at most maxBytes and a sane size. It is then decoded and encoded
 * anew, so what is stored is a picture and nothing else: a file whose first bytes only look like one is
 * refused, and metadata such as where a photo was taken (EXIF GPS) is gone.
 */
export async function imageUpload(file: unknown, field: string, maxBytes: number): Promise<{ data: Buffer; contentType: string } | null> {
  if (!(file instanceof File) || file.size === 0) return null;
  const refuse = (status: keyof typeof CODES, key: MessageKey) => new AppError(status, CODES[status], key, { [field]: key });
  if (file.size > maxBytes) throw refuse(413, "image.tooLarge");
  const input = Buffer.from(await file.arrayBuffer());
  let size: ReturnType<typeof imageSize> | null = null;
  try {
    size = imageSize(input);
  } catch {
    size = null;
  }
  const type = size?.type ? TYPES[size.type] : undefined;
  if (!size || !type) throw refuse(415, "image.type");
  if (size.width > MAX_SIDE || size.height > MAX_SIDE) throw refuse(422, "image.dimensions");
  // Loaded on first upload: the image library holds several megabytes a server without uploads never needs.
  const { default: sharp } = await import("sharp");
  const data = await sharp(input, { limitInputPixels: MAX_SIDE * MAX_SIDE })
    .rotate() // turns the picture as its EXIF says, before the EXIF goes
    .toFormat(type.format)
    .toBuffer()
    .catch(() => null);
  if (!data) throw refuse(422, "image.broken");
  return { data, contentType: type.contentType };
}

export async function storeFile(db: Database, clock: Clock, tenantId: string, file: { data: Buffer; contentType: string }): Promise<string> {
  const id = newId();
  await insertFile(db, tenantId, { id, ...file, createdAt: isoNow(clock) });
  return id;
}

export const readStoredFile = (db: Database, tenantId: string, id: string): Promise<StoredFile | undefined> => findFile(db, tenantId, id);

/** Deletes stored files nothing refers to any more, in the caller's transaction. */
export async function deleteFiles(db: Database, tenantId: string, ids: (string | null | undefined)[]): Promise<void> {
  const gone = ids.filter((id): id is string => Boolean(id));
  if (gone.length > 0) await deleteFilesById(db, tenantId, gone);
}

/**
 * A stored picture as a response. Opened on its own it is never a document that could run anything
 * (its own sandboxing policy, not the pages' one), never sniffed into another type, and saved rather
 * than shown; pages show it through <img>, which none of this hinders.
 */
export function pictureResponse(c: Context<AppEnv>, file: Pick<StoredFile, "contentType" | "data">, name: string) {
  const extension = Object.entries(TYPES).find(([, type]) => type.contentType === file.contentType)?.[0] ?? "bin";
  return c.body(new Uint8Array(file.data), 200, {
    "Content-Type": file.contentType,
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Content-Disposition": `attachment; filename="${name}.${extension}"`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "public, max-age=300",
  });
}
