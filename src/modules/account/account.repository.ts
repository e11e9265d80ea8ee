import type { Database } from "../../db/database.js";
import type { Account } from "./account.model.js";

export async function findAccount(db: Database, tenantId: string, userId: string): Promise<Account | undefined> {
  return db.selectFrom("users").select(["id", "name", "email", "language"]).where("tenant_id", "=", tenantId).where("id", "=", userId).executeTakeFirst();
}
