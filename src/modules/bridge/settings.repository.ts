import type { Database } from "../../db/database.js";
import { listOf } from "../../db/lists.js";
import { type BridgeSettings, DEFAULT_SETTINGS } from "./bridge.model.js";

export async function findSettings(db: Database, tenantId: string): Promise<BridgeSettings> {
  const row = await db.selectFrom("bridge_settings").selectAll().where("tenant_id", "=", tenantId).executeTakeFirst();
  if (!row) return DEFAULT_SETTINGS;
  return {
    followUpMonths: listOf(row.follow_up_months).map(Number),
    retentionMonths: row.retention_months,
    welcomeItems: JSON.parse(row.welcome_items) as string[],
  };
}

export async function saveSettings(db: Database, tenantId: string, s: BridgeSettings, at: string): Promise<void> {
  const columns = {
    follow_up_months: s.followUpMonths.join(","),
    retention_months: s.retentionMonths,
    welcome_items: JSON.stringify(s.welcomeItems),
    updated_at: at,
  };
  await db
    .insertInto("bridge_settings")
    .values({ tenant_id: tenantId, ...columns })
    .onConflict((oc) => oc.column("tenant_id").doUpdateSet(columns))
    .execute();
}
