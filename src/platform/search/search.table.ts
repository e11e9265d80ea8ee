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
