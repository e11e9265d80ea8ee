/**
 * Grants' tables. Sums are whole minor units (øre, cents) in the tenant's currency; instants are ISO
 * strings in UTC, days `YYYY-MM-DD` in the tenant's zone; JSON columns are read by the repositories' mappers.
 */
export interface GrantSettingsTable {
  tenant_id: string;
  /** The funder's organisation identifier in open data (org-id.guide, e.g. "DK-CVR-29189919"). */
  funder_id: string | null;
  funder_name: string | null;
  /** The 360Giving identifier prefix the tenant registered ("360G-sonderby"). */
  id_prefix: string | null;
  /** JSON: `{ granted: { da: { subject, body } }, reduced: …, rejected: … }`; missing ones use the catalog's text. */
  letter_templates: string;
  /** JSON: the appeal note per language. */
  appeal_note: string;
  updated_at: string;
}

export interface GrantSchemesTable {
  id: string;
  tenant_id: string;
  title: string;
  purpose: string;
  rules: string;
  who_may_apply: string;
  /** JSON: the texts above in other languages. */
  translations: string;
  max_amount: number;
  /** 1 when only associations with a register number may apply. */
  requires_registration: number;
  /** JSON list of `{ key, label, weight, translations }`. */
  criteria: string;
  /** Comma-separated parts the report asks for: activities, participants, hours, accounts. */
  report_demands: string;
  /** Months after the decision the report falls due. */
  report_months: number;
  /** 1 for a scheme one applies to all year (its rounds have no deadline). */
  all_year: number;
  status: "draft" | "active" | "archived";
  created_at: string;
  updated_at: string;
}

export interface GrantFormVersionsTable {
  id: string;
  tenant_id: string;
  scheme_id: string;
  version: number;
  /** JSON: the form's sections and fields (form.model.ts). */
  definition: string;
  created_by: string | null;
  created_at: string;
  /** Set when the first application is made on it; a frozen version is never changed again. */
  frozen_at: string | null;
}

export interface GrantRoundsTable {
  id: string;
  tenant_id: string;
  scheme_id: string;
  title: string;
  opens_at: string;
  /** null: open all year. */
  deadline_at: string | null;
  second_deadline_at: string | null;
  budget: number;
  /** open: applications come in (until the deadline); deciding: the committee's list; decided: letters sent. */
  status: "open" | "deciding" | "decided";
  /** Who decides, as the tenant names it ("Frivillighedsrådet"). */
  decision_body: string;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface GrantProfilesTable {
  tenant_id: string;
  association_id: string;
  bank_account: string;
  /** JSON list of `{ name, role }`. */
  board: string;
  member_count: number | null;
  activities: string;
  updated_by: string | null;
  updated_at: string;
}

export interface GrantApplicationsTable {
  id: string;
  tenant_id: string;
  round_id: string;
  scheme_id: string;
  association_id: string;
  form_version_id: string;
  /** The number the association and the caseworker speak of ("2026-0007"). */
  reference: string;
  status: "draft" | "submitted" | "questioned" | "assessed" | "decided" | "withdrawn";
  title: string;
  amount_requested: number;
  /** JSON: the answers by field key (form.model.ts). */
  answers: string;
  /** JSON: the application profile as it was when submitted. */
  profile: string | null;
  /** JSON list of field keys a question has opened again. */
  reopened: string;
  /** The association's language for letters and mail. */
  language: string;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
  submitted_by: string | null;
  submitted_at: string | null;
  /** JSON: the automatic checks' results and the caseworker's verdict (`{ checks, verdict, by, at }`). */
  eligibility: string | null;
  recommended_amount: number | null;
  recommendation: string | null;
  recommended_by: string | null;
  recommended_at: string | null;
  decision: "granted" | "reduced" | "rejected" | null;
  granted_amount: number | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  letter_sent_at: string | null;
}

export interface GrantApplicationFilesTable {
  id: string;
  tenant_id: string;
  application_id: string;
  field_key: string;
  file_id: string;
  name: string;
  content_type: string;
  size: number;
  created_by: string | null;
  created_at: string;
}

export interface GrantScoresTable {
  tenant_id: string;
  application_id: string;
  reviewer_id: string;
  criterion_key: string;
  score: number;
  created_at: string;
}

export interface GrantConflictsTable {
  tenant_id: string;
  application_id: string;
  user_id: string;
  conflict: number;
  note: string;
  declared_at: string;
}

export interface GrantNotesTable {
  id: string;
  tenant_id: string;
  application_id: string;
  author_id: string | null;
  kind: "note" | "eligibility";
  body: string;
  created_at: string;
}

export interface GrantQuestionsTable {
  id: string;
  tenant_id: string;
  application_id: string;
  asked_by: string | null;
  question: string;
  /** JSON list of the field keys opened again. */
  field_keys: string;
  asked_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

export interface GrantLettersTable {
  id: string;
  tenant_id: string;
  application_id: string;
  kind: "decision";
  language: string;
  subject: string;
  body: string;
  created_at: string;
}

export interface GrantPayoutsTable {
  id: string;
  tenant_id: string;
  application_id: string;
  amount: number;
  due_on: string;
  paid_at: string | null;
  paid_by: string | null;
  created_at: string;
}

export interface GrantReportsTable {
  id: string;
  tenant_id: string;
  application_id: string;
  association_id: string;
  due_on: string;
  /** due: not yet sent; submitted: waits for the caseworker; more: more was asked for; approved. */
  status: "due" | "submitted" | "more" | "approved";
  what_was_done: string;
  participants: number | null;
  volunteer_hours: number | null;
  /** JSON: `{ income: [{ label, amount, actual }], cost: [...] }`, amount being the budget's figure. */
  accounts: string;
  spent: number | null;
  to_repay: number | null;
  repaid_at: string | null;
  /** Comma-separated reminders sent: before, on, after. */
  reminders: string;
  submitted_by: string | null;
  submitted_at: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_note: string | null;
  created_at: string;
  updated_at: string;
}

declare module "../../db/schema.js" {
  interface DB {
    grant_settings: GrantSettingsTable;
    grant_schemes: GrantSchemesTable;
    grant_form_versions: GrantFormVersionsTable;
    grant_rounds: GrantRoundsTable;
    grant_profiles: GrantProfilesTable;
    grant_applications: GrantApplicationsTable;
    grant_application_files: GrantApplicationFilesTable;
    grant_scores: GrantScoresTable;
    grant_conflicts: GrantConflictsTable;
    grant_notes: GrantNotesTable;
    grant_questions: GrantQuestionsTable;
    grant_letters: GrantLettersTable;
    grant_payouts: GrantPayoutsTable;
    grant_reports: GrantReportsTable;
  }
}
