import type { Kysely } from "kysely";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Where the map's background comes from ({z}/{x}/{y} template) and whose it is; no URL, no map.
  await db.schema.alterTable("tenants").addColumn("map_tile_url", "text").execute();
  await db.schema.alterTable("tenants").addColumn("map_attribution", "text").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("tenants").dropColumn("map_attribution").execute();
  await db.schema.alterTable("tenants").dropColumn("map_tile_url").execute();
}
