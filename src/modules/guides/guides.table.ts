/** Guides' one table. Instants are ISO strings in UTC; `texts` is JSON read by the repository's mapper. */
export interface GuidesTable {
  id: string;
  tenant_id: string;
  /** The address of the published article, made from the title in the tenant's default language. */
  slug: string;
  /** A code of GUIDE_CATEGORIES (the catalogs name them). */
  category: string;
  status: "draft" | "published";
  /** JSON: `{ da: { title, summary, body }, en: { … } }`; the body is Markdown. */
  texts: string;
  created_at: string;
  updated_at: string;
  /** When it was first published; null while it never was. */
  published_at: string | null;
}

declare module "../../db/schema.js" {
  interface DB {
    guides: GuidesTable;
  }
}
