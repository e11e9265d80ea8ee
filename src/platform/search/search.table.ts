import type { Generated } from "kysely";

export interface SearchDocumentsTable {
  tenant_id: string;
  kind: string;
  ref_id: string;
  visible: number;
  updated_at: string;
  /** 1 when written; the database adds one at each update (a trigger). */
  version: Generated<number>;
  /** The SearchDocument as JSON. */
  body: string;
}

export interface SearchSnapshotsTable {
  tenant_id: string;
  /** 0, 1, 2 …: each part holds at most SNAPSHOT_PART_SIZE documents. */
  part: number;
  watermark: string;
  built_at: string;
  doc_count: number;
  /** The serialised index segment (segment.ts). */
  data: Buffer;
}

/** How many rows of the tenant's search documents have been written: a trigger counts in the transaction of each write. */
export interface SearchChangesTable {
  tenant_id: string;
  count: number;
}

export interface PostcodesTable {
  country: string;
  code: string;
  name: string;
  lat: number;
  lon: number;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    search_documents: SearchDocumentsTable;
    search_snapshots: SearchSnapshotsTable;
    search_changes: SearchChangesTable;
    postcodes: PostcodesTable;
  }
}
