import type { Kysely } from "kysely";
import { addTenantReference, dropTenantReference } from "../portable.js";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // An event only for the members of one of the centre's member groups; null is open to everyone.
  await db.schema
    .alterTable("events")
    // Checked by the tenant reference below (a plain foreign key would keep SQLite from ever dropping the column again).
    .addColumn("member_group_id", "text")
    .execute();
  await db.schema.createIndex("events_member_group").on("events").columns(["tenant_id", "member_group_id"]).execute();
  await addTenantReference(db, "events", "member_group_id", "member_groups");
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await dropTenantReference(db, "events", "member_group_id");
  await db.schema.dropIndex("events_member_group").execute();
  await db.schema.alterTable("events").dropColumn("member_group_id").execute();
}
