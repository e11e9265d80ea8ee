export interface SearchDocumentsTable {
  tenant_id: string;
  kind: string;
  ref_id: string;
  visible: number;
  updated_at: string;
  /** The SearchDocument as JSON. */
  body: string;
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
    postcodes: PostcodesTable;
  }
}
