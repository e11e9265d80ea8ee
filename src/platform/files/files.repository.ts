import type { Database } from "../../db/database.js";
import type {} from "./files.table.js"; // its tables join the database interface

/** A stored upload: its bytes and what they are. */
export interface StoredFile {
  contentType: string;
  data: Buffer;
  createdAt: string;
}

export async function insertFile(db: Database, tenantId: string, file: { id: string; contentType: string; data: Buffer; createdAt: string }): Promise<void> {
  await db
    .insertInto("files")
    .values({ id: file.id, tenant_id: tenantId, content_type: file.contentType, size: file.data.length, data: file.data, created_at: file.createdAt })
    .execute();
}

export async function findFile(db: Database, tenantId: string, id: string): Promise<StoredFile | undefined> {
  const row = await db
    .selectFrom("files")
    .select(["content_type", "data", "created_at"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && { contentType: row.content_type, data: row.data, createdAt: row.created_at };
}

export async function deleteFilesById(db: Database, tenantId: string, ids: string[]): Promise<void> {
  await db.deleteFrom("files").where("tenant_id", "=", tenantId).where("id", "in", ids).execute();
}
