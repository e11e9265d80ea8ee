export interface SavedSearchesTable {
  id: string;
  tenant_id: string;
  user_id: string;
  /** The query string of the search, as /search takes it. */
  query: string;
  frequency: "daily" | "weekly";
  /** Results published after this are new to the person. */
  last_sent_at: string;
  created_at: string;
}

/** A tenant's groups of words that mean the same, for one language. */
export interface SearchSynonymsTable {
  tenant_id: string;
  lang: string;
  /** One group per line, words separated by commas, as the administrator wrote them. */
  groups: string;
  updated_at: string;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    saved_searches: SavedSearchesTable;
    search_synonyms: SearchSynonymsTable;
  }
}
