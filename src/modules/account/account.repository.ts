import type { Database } from "../../db/database.js";
import type { Account, AccountProfile } from "./account.model.js";

export async function findAccount(db: Database, tenantId: string, userId: string): Promise<Account | undefined> {
  return db.selectFrom("users").select(["id", "name", "email", "language"]).where("tenant_id", "=", tenantId).where("id", "=", userId).executeTakeFirst();
}

export async function saveProfile(db: Database, tenantId: string, userId: string, profile: AccountProfile, at: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ name: profile.name, language: profile.language, updated_at: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", userId)
    .execute();
}

/** The language the person last chose from the menu, kept for their mails and next visit. */
export async function saveLanguage(db: Database, tenantId: string, userId: string, language: string): Promise<void> {
  await db.updateTable("users").set({ language }).where("id", "=", userId).where("tenant_id", "=", tenantId).execute();
}
