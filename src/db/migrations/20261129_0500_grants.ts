import type { Kysely } from "kysely";
import { addTenantKey, addTenantReference } from "../portable.js";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // The tenant's choices for grants: who the funder is in open data, the letters' templates, the appeal note.
  await db.schema
    .createTable("grant_settings")
    .addColumn("tenant_id", "text", (c) => c.primaryKey().references("tenants.id").onDelete("cascade"))
    .addColumn("funder_id", "text")
    .addColumn("funder_name", "text")
    .addColumn("id_prefix", "text")
    .addColumn("letter_templates", "text", (c) => c.notNull())
    .addColumn("appeal_note", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("grant_schemes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("rules", "text", (c) => c.notNull())
    .addColumn("who_may_apply", "text", (c) => c.notNull())
    .addColumn("translations", "text", (c) => c.notNull())
    .addColumn("max_amount", "integer", (c) => c.notNull())
    .addColumn("requires_registration", "integer", (c) => c.notNull())
    .addColumn("criteria", "text", (c) => c.notNull())
    .addColumn("report_demands", "text", (c) => c.notNull())
    .addColumn("report_months", "integer", (c) => c.notNull())
    .addColumn("all_year", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("grant_schemes_tenant").on("grant_schemes").columns(["tenant_id", "status"]).execute();

  // An application form as it was at one moment; an application keeps the version it was made on.
  await db.schema
    .createTable("grant_form_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("scheme_id", "text", (c) => c.notNull().references("grant_schemes.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("definition", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("frozen_at", "text")
    .addUniqueConstraint("grant_form_versions_number", ["scheme_id", "version"])
    .execute();

  // A round of a scheme: a deadline (none for a scheme open all year), a budget, then a decision.
  await db.schema
    .createTable("grant_rounds")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("scheme_id", "text", (c) => c.notNull().references("grant_schemes.id").onDelete("cascade"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("opens_at", "text", (c) => c.notNull())
    .addColumn("deadline_at", "text")
    .addColumn("second_deadline_at", "text")
    .addColumn("budget", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("decision_body", "text", (c) => c.notNull())
    .addColumn("decided_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("grant_rounds_scheme").on("grant_rounds").columns(["tenant_id", "scheme_id"]).execute();

  // The facts an association gives once and every application is filled from.
  await db.schema
    .createTable("grant_profiles")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("association_id", "text", (c) => c.notNull().references("associations.id").onDelete("cascade"))
    .addColumn("bank_account", "text", (c) => c.notNull())
    .addColumn("board", "text", (c) => c.notNull())
    .addColumn("member_count", "integer")
    .addColumn("activities", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("grant_profiles_pk", ["tenant_id", "association_id"])
    .execute();

  await db.schema
    .createTable("grant_applications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("round_id", "text", (c) => c.notNull().references("grant_rounds.id").onDelete("cascade"))
    .addColumn("scheme_id", "text", (c) => c.notNull().references("grant_schemes.id").onDelete("cascade"))
    .addColumn("association_id", "text", (c) => c.notNull().references("associations.id").onDelete("cascade"))
    .addColumn("form_version_id", "text", (c) => c.notNull().references("grant_form_versions.id"))
    .addColumn("reference", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("amount_requested", "integer", (c) => c.notNull())
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("profile", "text")
    .addColumn("reopened", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("submitted_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("submitted_at", "text")
    .addColumn("eligibility", "text")
    .addColumn("recommended_amount", "integer")
    .addColumn("recommendation", "text")
    .addColumn("recommended_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("recommended_at", "text")
    .addColumn("decision", "text")
    .addColumn("granted_amount", "integer")
    .addColumn("decision_reason", "text")
    .addColumn("decided_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decided_at", "text")
    .addColumn("letter_sent_at", "text")
    .execute();
  await db.schema.createIndex("grant_applications_round").on("grant_applications").columns(["tenant_id", "round_id", "status"]).execute();
  await db.schema.createIndex("grant_applications_association").on("grant_applications").columns(["tenant_id", "association_id"]).execute();
  await db.schema.createIndex("grant_applications_reference").on("grant_applications").columns(["tenant_id", "reference"]).unique().execute();

  await db.schema
    .createTable("grant_application_files")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("application_id", "text", (c) => c.notNull().references("grant_applications.id").onDelete("cascade"))
    .addColumn("field_key", "text", (c) => c.notNull())
    .addColumn("file_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("grant_application_files_application").on("grant_application_files").columns(["tenant_id", "application_id"]).execute();

  // One caseworker's score of one criterion; a scheme's applications are scored by one or two.
  await db.schema
    .createTable("grant_scores")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("application_id", "text", (c) => c.notNull().references("grant_applications.id").onDelete("cascade"))
    .addColumn("reviewer_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("criterion_key", "text", (c) => c.notNull())
    .addColumn("score", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("grant_scores_pk", ["application_id", "reviewer_id", "criterion_key"])
    .execute();

  // A caseworker's or committee member's declaration about one application: a conflict of interest or none.
  await db.schema
    .createTable("grant_conflicts")
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("application_id", "text", (c) => c.notNull().references("grant_applications.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("conflict", "integer", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addColumn("declared_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("grant_conflicts_pk", ["application_id", "user_id"])
    .execute();

  // The caseworkers' notes on an application (eligibility, assessment); never shown to the applicant.
  await db.schema
    .createTable("grant_notes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("application_id", "text", (c) => c.notNull().references("grant_applications.id").onDelete("cascade"))
    .addColumn("author_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("grant_notes_application").on("grant_notes").columns(["tenant_id", "application_id"]).execute();

  // A question back to the applicant: the fields it names open again until it is answered.
  await db.schema
    .createTable("grant_questions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("application_id", "text", (c) => c.notNull().references("grant_applications.id").onDelete("cascade"))
    .addColumn("asked_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("field_keys", "text", (c) => c.notNull())
    .addColumn("asked_at", "text", (c) => c.notNull())
    .addColumn("answer", "text")
    .addColumn("answered_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("answered_at", "text")
    .execute();
  await db.schema.createIndex("grant_questions_application").on("grant_questions").columns(["tenant_id", "application_id"]).execute();

  // A letter as it was sent: the decision in the association's language, kept so it can be printed again.
  await db.schema
    .createTable("grant_letters")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("application_id", "text", (c) => c.notNull().references("grant_applications.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("grant_letters_application").on("grant_letters").columns(["tenant_id", "application_id"]).execute();

  await db.schema
    .createTable("grant_payouts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("application_id", "text", (c) => c.notNull().references("grant_applications.id").onDelete("cascade"))
    .addColumn("amount", "integer", (c) => c.notNull())
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("paid_at", "text")
    .addColumn("paid_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("grant_payouts_application").on("grant_payouts").columns(["tenant_id", "application_id"]).execute();
  await db.schema.createIndex("grant_payouts_due").on("grant_payouts").columns(["tenant_id", "paid_at", "due_on"]).execute();

  // The report a grant demands, its deadline and its reminders; money not used is to be repaid.
  await db.schema
    .createTable("grant_reports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("tenants.id").onDelete("cascade"))
    .addColumn("application_id", "text", (c) => c.notNull().unique().references("grant_applications.id").onDelete("cascade"))
    .addColumn("association_id", "text", (c) => c.notNull().references("associations.id").onDelete("cascade"))
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("what_was_done", "text", (c) => c.notNull())
    .addColumn("participants", "integer")
    .addColumn("volunteer_hours", "integer")
    .addColumn("accounts", "text", (c) => c.notNull())
    .addColumn("spent", "integer")
    .addColumn("to_repay", "integer")
    .addColumn("repaid_at", "text")
    .addColumn("reminders", "text", (c) => c.notNull())
    .addColumn("submitted_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("submitted_at", "text")
    .addColumn("reviewed_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("reviewed_at", "text")
    .addColumn("review_note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("grant_reports_association").on("grant_reports").columns(["tenant_id", "association_id", "status"]).execute();
  await db.schema.createIndex("grant_reports_due").on("grant_reports").columns(["tenant_id", "status", "due_on"]).execute();

  for (const table of ["grant_schemes", "grant_form_versions", "grant_rounds", "grant_applications"]) await addTenantKey(db, table);
  for (const [table, column, target] of [
    ["grant_form_versions", "scheme_id", "grant_schemes"],
    ["grant_rounds", "scheme_id", "grant_schemes"],
    ["grant_profiles", "association_id", "associations"],
    ["grant_applications", "round_id", "grant_rounds"],
    ["grant_applications", "scheme_id", "grant_schemes"],
    ["grant_applications", "association_id", "associations"],
    ["grant_applications", "form_version_id", "grant_form_versions"],
    ["grant_application_files", "application_id", "grant_applications"],
    ["grant_scores", "application_id", "grant_applications"],
    ["grant_conflicts", "application_id", "grant_applications"],
    ["grant_notes", "application_id", "grant_applications"],
    ["grant_questions", "application_id", "grant_applications"],
    ["grant_letters", "application_id", "grant_applications"],
    ["grant_payouts", "application_id", "grant_applications"],
    ["grant_reports", "application_id", "grant_applications"],
    ["grant_reports", "association_id", "associations"],
  ] as const)
    await addTenantReference(db, table, column, target);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "grant_reports",
    "grant_payouts",
    "grant_letters",
    "grant_questions",
    "grant_notes",
    "grant_conflicts",
    "grant_scores",
    "grant_application_files",
    "grant_applications",
    "grant_profiles",
    "grant_rounds",
    "grant_form_versions",
    "grant_schemes",
    "grant_settings",
  ])
    await db.schema.dropTable(table).execute();
}
