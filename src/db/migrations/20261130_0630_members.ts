import type { Kysely } from "kysely";
import { addTenantKey, addTenantReference } from "../portable.js";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The centre's own groups of members (social associations, self-organised groups, culture and sport, local councils…).
  await db.schema
    .createTable("member_groups")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("member_groups_tenant").on("member_groups").columns(["tenant_id", "name"]).execute();

  // An association that is a member of the centre: its type of membership, when it joined and left.
  await db.schema
    .createTable("members")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("association_id", "text", (c) => c.notNull().references("associations.id").onDelete("cascade"))
    .addColumn("membership_type", "text", (c) => c.notNull())
    .addColumn("joined_on", "text", (c) => c.notNull())
    .addColumn("left_on", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("members_association").on("members").columns(["tenant_id", "association_id"]).unique().execute();

  // Which groups a member is in.
  await db.schema
    .createTable("member_group_links")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("group_id", "text", (c) => c.notNull().references("member_groups.id").onDelete("cascade"))
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("member_group_links_pk", ["group_id", "member_id"])
    .execute();
  await db.schema.createIndex("member_group_links_group").on("member_group_links").columns(["tenant_id", "group_id"]).execute();
  await db.schema.createIndex("member_group_links_member").on("member_group_links").columns(["tenant_id", "member_id"]).execute();

  // The fee of a year as recorded by the centre (no payment is taken here): unpaid, paid or exempt.
  await db.schema
    .createTable("member_fees")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("member_id", "text", (c) => c.notNull().references("members.id").onDelete("cascade"))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("member_fees_pk", ["member_id", "year"])
    .execute();
  await db.schema.createIndex("member_fees_tenant").on("member_fees").columns(["tenant_id", "year"]).execute();

  for (const table of ["member_groups", "members"]) await addTenantKey(db, table);
  for (const [table, column, target] of [
    ["members", "association_id", "associations"],
    ["member_group_links", "group_id", "member_groups"],
    ["member_group_links", "member_id", "members"],
    ["member_fees", "member_id", "members"],
  ] as const)
    await addTenantReference(db, table, column, target);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["member_fees", "member_group_links", "members", "member_groups"]) await db.schema.dropTable(table).execute();
}
