export interface FilesTable {
  id: string;
  tenant_id: string;
  content_type: string;
  size: number;
  data: Buffer;
  created_at: string;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    files: FilesTable;
  }
}
