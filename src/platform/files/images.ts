import { imageSize } from "image-size";
import type { Database } from "../../db/database.js";
import { type Clock, isoNow } from "../clock.js";
import { AppError } from "../http/errors.js";
import { newId } from "../ids.js";

const TYPES: Record<string, string> = { png: "image/png", jpg: "image/jpeg", webp: "image/webp" };
const MAX_SIDE = 4000;

/**
 * An uploaded picture, checked by its bytes (not its name or claimed type): PNG, JPEG or WebP only
 * (no SVG, which can carry script), at most maxBytes and a sane size.
 */
export async function imageUpload(file: unknown, field: string, maxBytes: number): Promise<{ data: Buffer; contentType: string } | null> {
  if (!(file instanceof File) || file.size === 0) return null;
  if (file.size > maxBytes) throw new AppError(413, "too_large", "image.tooLarge", { [field]: "image.tooLarge" });
  const data = Buffer.from(await file.arrayBuffer());
  let size: ReturnType<typeof imageSize> | null = null;
  try {
    size = imageSize(data);
  } catch {
    size = null;
  }
  const contentType = size?.type ? TYPES[size.type] : undefined;
  if (!size || !contentType) throw new AppError(415, "unsupported_media_type", "image.type", { [field]: "image.type" });
  if (size.width > MAX_SIDE || size.height > MAX_SIDE) throw new AppError(422, "invalid", "image.dimensions", { [field]: "image.dimensions" });
  return { data, contentType };
}

export async function storeFile(db: Database, clock: Clock, tenantId: string, file: { data: Buffer; contentType: string }): Promise<string> {
  const id = newId();
  await db
    .insertInto("files")
    .values({ id, tenant_id: tenantId, content_type: file.contentType, size: file.data.length, data: file.data, created_at: isoNow(clock) })
    .execute();
  return id;
}

export async function readStoredFile(db: Database, tenantId: string, id: string) {
  return db.selectFrom("files").select(["content_type", "data", "created_at"]).where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
}
