import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { VolunteerProfilesTable } from "./matching.table.js";

export type ProfileRow = Selectable<VolunteerProfilesTable>;

export async function findProfile(db: Database, tenantId: string, userId: string): Promise<ProfileRow | undefined> {
  return db.selectFrom("volunteer_profiles").selectAll().where("tenant_id", "=", tenantId).where("user_id", "=", userId).executeTakeFirst();
}

export async function saveProfile(db: Database, row: ProfileRow) {
  const { tenant_id, user_id, ...rest } = row;
  await db
    .insertInto("volunteer_profiles")
    .values(row)
    .onConflict((oc) => oc.columns(["tenant_id", "user_id"]).doUpdateSet(rest))
    .execute();
}

export async function latestConsent(db: Database, tenantId: string, citizenId: string) {
  return db
    .selectFrom("matching_consents")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("citizen_id", "=", citizenId)
    .orderBy("given_at", "desc")
    .limit(1)
    .executeTakeFirst();
}
