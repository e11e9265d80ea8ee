import type { Kysely } from "kysely";
import { addTenantKey, addTenantReference, dropTenantReference } from "../portable.js";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A standing group, such as the coordinators of bridge-building, whose meetings only its members see.
  await db.schema
    .createTable("networks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("networks_tenant").on("networks").columns(["tenant_id", "name"]).execute();

  // A member, invited by e-mail: often staff of another centre. `user_id` is set when she accepts; `left_at` when removed.
  await db.schema
    .createTable("network_members")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("network_id", "text", (c) => c.notNull().references("networks.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("organisation", "text")
    .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("invited_by", "text")
    .addColumn("invited_at", "text", (c) => c.notNull())
    .addColumn("joined_at", "text")
    .addColumn("left_at", "text")
    .execute();
  await db.schema.createIndex("network_members_network").on("network_members").columns(["tenant_id", "network_id", "left_at"]).execute();
  await db.schema.createIndex("network_members_user").on("network_members").columns(["tenant_id", "user_id"]).execute();
  await db.schema.createIndex("network_members_email").on("network_members").columns(["tenant_id", "email"]).execute();

  // A network's meeting is an event that names its network.
  await db.schema
    .alterTable("events")
    // Checked by the tenant reference below (a plain foreign key would keep SQLite from ever dropping the column again).
    .addColumn("network_id", "text")
    .execute();
  await db.schema.createIndex("events_network").on("events").columns(["tenant_id", "network_id", "starts_at"]).execute();

  // A point a member puts on a meeting's agenda before it starts; organisers order and remove them.
  await db.schema
    .createTable("network_agenda_points")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("member_id", "text", (c) => c.references("network_members.id").onDelete("set null"))
    .addColumn("author_name", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("network_agenda_event").on("network_agenda_points").columns(["tenant_id", "event_id", "position"]).execute();

  // A meeting's minutes, written by its organisers; members read them.
  await db.schema
    .createTable("network_minutes")
    .addColumn("event_id", "text", (c) => c.primaryKey().references("events.id").onDelete("cascade"))
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("updated_by", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .execute();

  // Files that go with a meeting (the slides, the minutes as a document); the bytes are in `files`.
  await db.schema
    .createTable("network_files")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("event_id", "text", (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("file_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("uploaded_by", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("network_files_event").on("network_files").columns(["tenant_id", "event_id"]).execute();

  for (const table of ["networks", "network_members"]) await addTenantKey(db, table);
  for (const [table, column, target] of [
    ["network_members", "network_id", "networks"],
    ["network_members", "user_id", "users"],
    ["events", "network_id", "networks"],
    ["network_agenda_points", "event_id", "events"],
    ["network_agenda_points", "member_id", "network_members"],
    ["network_minutes", "event_id", "events"],
    ["network_files", "event_id", "events"],
  ] as const)
    await addTenantReference(db, table, column, target);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["network_files", "network_minutes", "network_agenda_points"]) await db.schema.dropTable(table).execute();
  await dropTenantReference(db, "events", "network_id");
  await db.schema.dropIndex("events_network").execute();
  await db.schema.alterTable("events").dropColumn("network_id").execute();
  for (const table of ["network_members", "networks"]) await db.schema.dropTable(table).execute();
}
