import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { SavedSearchesTable } from "./search.table.js";

/** A search a person asked to hear about: what they searched and how often. */
export interface SavedSearch {
  id: string;
  userId: string;
  /** The query string of the search, as /search takes it. */
  query: string;
  frequency: "daily" | "weekly";
  /** Results published after this are new to the person. */
  lastSentAt: string;
  createdAt: string;
}

/** A saved search with the address its news goes to. */
export interface DueSavedSearch extends SavedSearch {
  email: string;
}

export function toSavedSearch(row: Selectable<SavedSearchesTable>): SavedSearch {
  return { id: row.id, userId: row.user_id, query: row.query, frequency: row.frequency, lastSentAt: row.last_sent_at, createdAt: row.created_at };
}

export async function insertSavedSearch(db: Database, tenantId: string, s: SavedSearch): Promise<void> {
  await db
    .insertInto("saved_searches")
    .values({ id: s.id, tenant_id: tenantId, user_id: s.userId, query: s.query, frequency: s.frequency, last_sent_at: s.lastSentAt, created_at: s.createdAt })
    .execute();
}

/** The person's saved searches, oldest first. */
export async function savedSearchesOf(db: Database, tenantId: string, userId: string): Promise<SavedSearch[]> {
  const rows = await db
    .selectFrom("saved_searches")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("user_id", "=", userId)
    .orderBy("created_at")
    .execute();
  return rows.map(toSavedSearch);
}

/** Deletes one of the person's saved searches; false when they have none by that id. */
export async function deleteSavedSearch(db: Database, tenantId: string, userId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom("saved_searches").where("tenant_id", "=", tenantId).where("user_id", "=", userId).where("id", "=", id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function deleteSavedSearchesOf(db: Database, tenantId: string, userId: string): Promise<void> {
  await db.deleteFrom("saved_searches").where("tenant_id", "=", tenantId).where("user_id", "=", userId).execute();
}

/** Saved searches last mailed before the moment, with their owner's address. */
export async function savedSearchesSentBefore(db: Database, tenantId: string, before: string): Promise<DueSavedSearch[]> {
  const rows = await db
    .selectFrom("saved_searches as s")
    .innerJoin("users as u", (j) => j.onRef("u.id", "=", "s.user_id").onRef("u.tenant_id", "=", "s.tenant_id"))
    .selectAll("s")
    .select("u.email")
    .where("s.tenant_id", "=", tenantId)
    .where("s.last_sent_at", "<=", before)
    .execute();
  return rows.map((r) => ({ ...toSavedSearch(r), email: r.email }));
}

export async function markSavedSearchSent(db: Database, tenantId: string, id: string, at: string): Promise<void> {
  await db.updateTable("saved_searches").set({ last_sent_at: at }).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}
