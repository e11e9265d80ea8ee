import type { Kysely } from "kysely";
import { addTenantKey, addTenantReference } from "../portable.js";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The centre's own choices for bridge-building: when follow-ups fall due, how long a case is kept, the welcome list.
  await db.schema
    .createTable("bridge_settings")
    .addColumn("tenant_id", "text", (c) => c.primaryKey().references("tenants.id").onDelete("cascade"))
    .addColumn("follow_up_months", "text", (c) => c.notNull())
    .addColumn("retention_months", "integer", (c) => c.notNull())
    .addColumn("welcome_items", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  // A person referred to the bridge-builders. Text that tells of them is sealed by the application.
  await db.schema
    .createTable("bridge_cases")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("first_name", "text", (c) => c.notNull())
    .addColumn("contact", "text", (c) => c.notNull())
    .addColumn("contact_hash", "text")
    .addColumn("person_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("language", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("source_unit", "text")
    .addColumn("referred_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("referring_association_id", "text")
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("builder_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("consent_at", "text")
    .addColumn("consent_by", "text")
    .addColumn("consent_purposes", "text", (c) => c.notNull())
    .addColumn("consent_how", "text")
    .addColumn("consent_copy", "text")
    .addColumn("wishes", "text", (c) => c.notNull())
    .addColumn("interests", "text", (c) => c.notNull())
    .addColumn("resources", "text", (c) => c.notNull())
    .addColumn("needs", "text", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("time_slots", "text", (c) => c.notNull())
    .addColumn("postcode", "text")
    .addColumn("languages", "text", (c) => c.notNull())
    .addColumn("intake_at", "text")
    .addColumn("share_fields", "text", (c) => c.notNull())
    .addColumn("companion_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("companion_since", "text")
    .addColumn("purge_after", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .execute();
  await db.schema.createIndex("bridge_cases_builder").on("bridge_cases").columns(["tenant_id", "builder_id", "status"]).execute();
  await db.schema.createIndex("bridge_cases_purge").on("bridge_cases").columns(["tenant_id", "purge_after"]).execute();
  await db.schema.createIndex("bridge_cases_contact").on("bridge_cases").columns(["tenant_id", "contact_hash"]).execute();
  await db.schema.createIndex("bridge_cases_person").on("bridge_cases").columns(["tenant_id", "person_id"]).execute();
  await db.schema.createIndex("bridge_cases_companion").on("bridge_cases").columns(["tenant_id", "companion_id"]).execute();

  // Another bridge-builder the case is shared with.
  await db.schema
    .createTable("bridge_case_shares")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("case_id", "text", (c) => c.notNull().references("bridge_cases.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("shared_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("bridge_case_shares_pk", ["case_id", "user_id"])
    .execute();
  await db.schema.createIndex("bridge_case_shares_user").on("bridge_case_shares").columns(["tenant_id", "user_id"]).execute();

  // A dated note on the case by a bridge-builder; sealed.
  await db.schema
    .createTable("bridge_notes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("case_id", "text", (c) => c.notNull().references("bridge_cases.id").onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("bridge_notes_case").on("bridge_notes").columns(["tenant_id", "case_id", "created_at"]).execute();

  // A community, activity, event or volunteer role put forward for the person; `chosen` when the person picks it.
  await db.schema
    .createTable("bridge_picks")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("case_id", "text", (c) => c.notNull().references("bridge_cases.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("target_id", "text", (c) => c.notNull())
    .addColumn("association_id", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("category", "text")
    .addColumn("picked_by", "text", (c) => c.notNull())
    .addColumn("chosen", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("bridge_picks_case").on("bridge_picks").columns(["tenant_id", "case_id"]).execute();

  // The warm handover: a referral to the chosen association, with only what the person agreed to share.
  await db.schema
    .createTable("bridge_referrals")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("case_id", "text", (c) => c.notNull().references("bridge_cases.id").onDelete("cascade"))
    .addColumn("pick_id", "text", (c) => c.references("bridge_picks.id").onDelete("set null"))
    .addColumn("association_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("shared", "text", (c) => c.notNull())
    .addColumn("sent_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("sent_at", "text", (c) => c.notNull())
    .addColumn("answered_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("answered_at", "text")
    .addColumn("decline_reason", "text")
    .addColumn("first_meeting_at", "text")
    .addColumn("meeting_place", "text")
    .addColumn("met_at", "text")
    .addColumn("welcome_items", "text", (c) => c.notNull())
    .addColumn("welcome_done", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("bridge_referrals_association").on("bridge_referrals").columns(["tenant_id", "association_id", "status"]).execute();
  await db.schema.createIndex("bridge_referrals_case").on("bridge_referrals").columns(["tenant_id", "case_id"]).execute();

  // Volunteers trained to come along the first times (følgevenner).
  await db.schema
    .createTable("bridge_companions")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("postcode", "text")
    .addColumn("languages", "text", (c) => c.notNull())
    .addColumn("time_slots", "text", (c) => c.notNull())
    .addColumn("trained_on", "text")
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("bridge_companions_pk", ["tenant_id", "user_id"])
    .execute();

  // Follow-up after 1, 3 and 6 months (or as the centre sets it), with the outcome on a short scale.
  await db.schema
    .createTable("bridge_follow_ups")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("case_id", "text", (c) => c.notNull().references("bridge_cases.id").onDelete("cascade"))
    .addColumn("months", "integer", (c) => c.notNull())
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("done_at", "text")
    .addColumn("outcome", "text")
    .addColumn("why", "text", (c) => c.notNull())
    .addColumn("person_words", "text", (c) => c.notNull())
    .addColumn("recorded_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("reminded_at", "text")
    .execute();
  await db.schema.createIndex("bridge_follow_ups_due").on("bridge_follow_ups").columns(["tenant_id", "done_at", "due_on"]).execute();
  await db.schema.createIndex("bridge_follow_ups_case").on("bridge_follow_ups").columns(["tenant_id", "case_id"]).execute();

  // The mails sent about a case, so that deleting the case deletes them from the outbox too.
  await db.schema
    .createTable("bridge_mails")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("case_id", "text", (c) => c.notNull().references("bridge_cases.id").onDelete("cascade"))
    .addColumn("mail_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("bridge_mails_pk", ["case_id", "mail_id"])
    .execute();

  await addTenantKey(db, "bridge_cases");
  await addTenantKey(db, "bridge_picks");
  for (const [table, column, target] of [
    ["bridge_case_shares", "case_id", "bridge_cases"],
    ["bridge_notes", "case_id", "bridge_cases"],
    ["bridge_picks", "case_id", "bridge_cases"],
    ["bridge_referrals", "case_id", "bridge_cases"],
    ["bridge_cases", "referring_association_id", "associations"],
    ["bridge_referrals", "pick_id", "bridge_picks"],
    ["bridge_referrals", "association_id", "associations"],
    ["bridge_follow_ups", "case_id", "bridge_cases"],
    ["bridge_mails", "case_id", "bridge_cases"],
  ] as const)
    await addTenantReference(db, table, column, target);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "bridge_mails",
    "bridge_follow_ups",
    "bridge_companions",
    "bridge_referrals",
    "bridge_picks",
    "bridge_notes",
    "bridge_case_shares",
    "bridge_cases",
    "bridge_settings",
  ])
    await db.schema.dropTable(table).execute();
}
