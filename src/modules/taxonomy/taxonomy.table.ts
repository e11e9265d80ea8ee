export interface TaxonomyTermsTable {
  id: string;
  tenant_id: string;
  kind: "category" | "target_group";
  code: string;
  /** JSON: the term's name in each language, e.g. {"da":"Ældre","en":"Older people",…} */
  labels: string;
  position: number;
}
