import type { Kysely } from "kysely";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The order in which kinds of activity get premises: 1 children and young people, 2 adult education,
  // 3 other adult activities (the Danish folkeoplysning default).
  await db.schema
    .alterTable("tenants")
    .addColumn("allocation_order", "text", (c) => c.notNull().defaultTo("1,2,3"))
    .execute();
  // A season's allocation: open for applications, allocating (a proposal staff adjust), published.
  await db.schema
    .createTable("allocation_rounds")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("season_from", "text", (c) => c.notNull())
    .addColumn("season_to", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .execute();
  await db.schema.createIndex("allocation_rounds_tenant").on("allocation_rounds").columns(["tenant_id", "season_from"]).execute();

  // An association's wish for one weekly slot, and what it was given.
  await db.schema
    .createTable("allocation_applications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("round_id", "text", (c) => c.notNull().references("allocation_rounds.id").onDelete("cascade"))
    .addColumn("association_id", "text", (c) => c.notNull().references("associations.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("participants", "integer", (c) => c.notNull())
    .addColumn("priority", "integer", (c) => c.notNull())
    .addColumn("disability_use", "integer", (c) => c.notNull())
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("first_premise_id", "text", (c) => c.notNull().references("premises.id"))
    .addColumn("first_weekday", "integer", (c) => c.notNull())
    .addColumn("first_start", "text", (c) => c.notNull())
    .addColumn("second_premise_id", "text", (c) => c.references("premises.id"))
    .addColumn("second_weekday", "integer")
    .addColumn("second_start", "text")
    .addColumn("window_from", "text")
    .addColumn("window_to", "text")
    .addColumn("placed_premise_id", "text", (c) => c.references("premises.id"))
    .addColumn("placed_weekday", "integer")
    .addColumn("placed_start", "text")
    .addColumn("placed_choice", "text")
    .addColumn("booking_id", "text", (c) => c.references("bookings.id"))
    .addColumn("response", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  // Photos of premises, each with the text a screen reader says instead.
  await db.schema
    .createTable("premise_photos")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("premise_id", "text", (c) => c.notNull().references("premises.id").onDelete("cascade"))
    .addColumn("file_id", "text", (c) => c.notNull().references("files.id"))
    .addColumn("alt", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("premise_photos_premise").on("premise_photos").columns(["tenant_id", "premise_id"]).execute();
  await db.schema.createIndex("allocation_applications_round").on("allocation_applications").columns(["tenant_id", "round_id", "association_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("premise_photos").execute();
  await db.schema.dropTable("allocation_applications").execute();
  await db.schema.dropTable("allocation_rounds").execute();
  await db.schema.alterTable("tenants").dropColumn("allocation_order").execute();
}
