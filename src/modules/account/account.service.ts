import type { Database } from "../../db/database.js";
import { isoNow } from "../../platform/clock.js";
import type { ServiceContext } from "../../platform/service-context.js";

export async function profile(db: Database, tenantId: string, userId: string) {
  return db
    .selectFrom("users")
    .select(["id", "name", "email", "language", "email_verified_at", "created_at", "password_hash"])
    .where("tenant_id", "=", tenantId)
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
}

export async function updateProfile(ctx: ServiceContext, userId: string, input: { name: string; language: string }) {
  await ctx.db
    .updateTable("users")
    .set({ name: input.name, language: input.language, updated_at: isoNow(ctx.clock) })
    .where("tenant_id", "=", ctx.tenant.id)
    .where("id", "=", userId)
    .execute();
}
