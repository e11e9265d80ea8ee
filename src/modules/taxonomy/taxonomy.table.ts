export interface TaxonomyTermsTable {
  id: string;
  tenant_id: string;
  kind: "category" | "target_group";
  code: string;
  /** JSON: the term's name in each language, e.g. {"da":"Ældre","en":"Older people",…} */
  labels: string;
  position: number;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    taxonomy_terms: TaxonomyTermsTable;
  }
}
