export interface FilesTable {
  id: string;
  tenant_id: string;
  content_type: string;
  size: number;
  data: Buffer;
  created_at: string;
}
