import type { Kysely } from "kysely";
import { addTenantKey, addTenantReference } from "../portable.js";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // A skilled volunteer who gives boards a hand: what they can, how many hours a month, how to reach them.
  await db.schema
    .createTable("expert_profiles")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("skills", "text", (c) => c.notNull())
    .addColumn("experience", "text", (c) => c.notNull())
    .addColumn("hours_per_month", "integer", (c) => c.notNull())
    .addColumn("phone", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("expert_profiles_user", ["tenant_id", "user_id"])
    .execute();
  await db.schema.createIndex("expert_profiles_tenant").on("expert_profiles").columns(["tenant_id", "status"]).execute();

  // A board's request for help with one skill.
  await db.schema
    .createTable("expert_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("association_id", "text", (c) => c.notNull().references("associations.id").onDelete("cascade"))
    .addColumn("skill", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("needed_by", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("asked_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("expert_requests_tenant").on("expert_requests").columns(["tenant_id", "status", "created_at"]).execute();
  await db.schema.createIndex("expert_requests_association").on("expert_requests").columns(["tenant_id", "association_id"]).execute();

  // A request put to one expert by staff: proposed, then accepted or declined, then closed with a rating from each side.
  await db.schema
    .createTable("expert_matches")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("request_id", "text", (c) => c.notNull().references("expert_requests.id").onDelete("cascade"))
    .addColumn("expert_id", "text", (c) => c.notNull().references("expert_profiles.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("proposed_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("proposed_at", "text", (c) => c.notNull())
    .addColumn("answered_at", "text")
    .addColumn("closed_at", "text")
    .addColumn("closed_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("expert_rating", "integer")
    .addColumn("expert_comment", "text")
    .addColumn("board_rating", "integer")
    .addColumn("board_comment", "text")
    .addColumn("board_rated_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("expert_matches_request").on("expert_matches").columns(["tenant_id", "request_id"]).execute();
  await db.schema.createIndex("expert_matches_expert").on("expert_matches").columns(["tenant_id", "expert_id", "status"]).execute();

  // Hours given on a match: a day, how long (in minutes), and what was done.
  await db.schema
    .createTable("expert_hours")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("match_id", "text", (c) => c.notNull().references("expert_matches.id").onDelete("cascade"))
    .addColumn("on_date", "text", (c) => c.notNull())
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("what", "text", (c) => c.notNull())
    .addColumn("logged_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("expert_hours_match").on("expert_hours").columns(["tenant_id", "match_id", "on_date"]).execute();

  // A row names only rows of its own tenant.
  for (const table of ["expert_profiles", "expert_requests", "expert_matches"]) await addTenantKey(db, table);
  for (const [table, column, target] of [
    ["expert_requests", "association_id", "associations"],
    ["expert_matches", "request_id", "expert_requests"],
    ["expert_matches", "expert_id", "expert_profiles"],
    ["expert_hours", "match_id", "expert_matches"],
  ] as const)
    await addTenantReference(db, table, column, target);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["expert_hours", "expert_matches", "expert_requests", "expert_profiles"]) await db.schema.dropTable(table).ifExists().execute();
}
