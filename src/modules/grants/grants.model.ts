import type { Translations } from "../../platform/i18n/localized.js";
import type { Answers, BudgetLine, FormDefinition, LocalText } from "./form.model.js";
import type { GrantApplicationsTable, GrantReportsTable, GrantRoundsTable, GrantSchemesTable } from "./grants.table.js";

/** What a scheme's report may ask for. */
export const REPORT_PARTS = ["activities", "participants", "hours", "accounts"] as const;
export type ReportPart = (typeof REPORT_PARTS)[number];
export const DECISIONS = ["granted", "reduced", "rejected"] as const;
export type Decision = (typeof DECISIONS)[number];
export type SchemeStatus = GrantSchemesTable["status"];
export type RoundStatus = GrantRoundsTable["status"];
export type ApplicationStatus = GrantApplicationsTable["status"];
export type ReportStatus = GrantReportsTable["status"];

/** A score is a whole number from 0 to this on every criterion; the weights say how much each counts. */
export const MAX_SCORE = 5;
/** Most caseworkers who score one application. */
export const MAX_REVIEWERS = 2;
/** Attachments: the largest file, and how many one application may carry. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_FILES = 20;

export interface Criterion {
  key: string;
  label: LocalText;
  /** How much the criterion counts, a whole number from 1 to 10. */
  weight: number;
}

export interface Scheme {
  id: string;
  tenantId: string;
  title: string;
  purpose: string;
  rules: string;
  whoMayApply: string;
  translations: Translations<"title" | "purpose" | "rules" | "whoMayApply">;
  maxAmount: number;
  requiresRegistration: boolean;
  criteria: Criterion[];
  reportDemands: ReportPart[];
  reportMonths: number;
  allYear: boolean;
  status: SchemeStatus;
  createdAt: string;
  updatedAt: string;
}

export interface FormVersion {
  id: string;
  schemeId: string;
  version: number;
  definition: FormDefinition;
  createdAt: string;
  frozenAt: string | null;
}

export interface Round {
  id: string;
  tenantId: string;
  schemeId: string;
  title: string;
  opensAt: string;
  deadlineAt: string | null;
  secondDeadlineAt: string | null;
  budget: number;
  status: RoundStatus;
  decisionBody: string;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BoardMember {
  name: string;
  role: string;
}

/** The association's facts kept once and filled into every application. */
export interface ApplicationProfile {
  associationId: string;
  name: string;
  registrationNumber: string | null;
  email: string;
  bankAccount: string;
  board: BoardMember[];
  memberCount: number | null;
  activities: string;
  updatedAt: string | null;
}

export interface EligibilityCheck {
  /** registered, no_overdue_report, within_max. */
  key: "registered" | "no_overdue_report" | "within_max";
  ok: boolean;
}
export interface Eligibility {
  checks: EligibilityCheck[];
  /** The caseworker's verdict after the checks and notes; null until given. */
  verdict: "eligible" | "not_eligible" | null;
  by: string | null;
  at: string | null;
}

export interface Application {
  id: string;
  tenantId: string;
  roundId: string;
  schemeId: string;
  associationId: string;
  formVersionId: string;
  reference: string;
  status: ApplicationStatus;
  title: string;
  amountRequested: number;
  answers: Answers;
  profile: ApplicationProfile | null;
  reopened: string[];
  language: string;
  createdBy: string | null;
  createdAt: string;
  updatedBy: string | null;
  updatedAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  eligibility: Eligibility | null;
  recommendedAmount: number | null;
  recommendation: string | null;
  recommendedBy: string | null;
  recommendedAt: string | null;
  decision: Decision | null;
  grantedAmount: number | null;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  letterSentAt: string | null;
}

export interface ApplicationFile {
  id: string;
  applicationId: string;
  fieldKey: string;
  fileId: string;
  name: string;
  contentType: string;
  size: number;
  createdAt: string;
}

export interface AccountLine extends BudgetLine {
  /** What it came to; the budget's figure is `amount`. */
  actual: number;
}

export interface Report {
  id: string;
  tenantId: string;
  applicationId: string;
  associationId: string;
  dueOn: string;
  status: ReportStatus;
  whatWasDone: string;
  participants: number | null;
  volunteerHours: number | null;
  accounts: { cost: AccountLine[]; income: AccountLine[] };
  spent: number | null;
  toRepay: number | null;
  repaidAt: string | null;
  reminders: ("before" | "on" | "after")[];
  submittedBy: string | null;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
}

/** The report a grant owes from the day it is decided: nothing written yet, falling due on `dueOn`. */
export const dueReport = (id: string, application: Pick<Application, "id" | "tenantId" | "associationId">, dueOn: string): Report => ({
  id,
  tenantId: application.tenantId,
  applicationId: application.id,
  associationId: application.associationId,
  dueOn,
  status: "due",
  whatWasDone: "",
  participants: null,
  volunteerHours: null,
  accounts: { cost: [], income: [] },
  spent: null,
  toRepay: null,
  repaidAt: null,
  reminders: [],
  submittedBy: null,
  submittedAt: null,
  reviewedBy: null,
  reviewedAt: null,
  reviewNote: null,
});

export interface Payout {
  id: string;
  applicationId: string;
  amount: number;
  dueOn: string;
  paidAt: string | null;
  paidBy: string | null;
}

/** A grant made: an application granted (in full or reduced) in a round whose decisions are sent. */
export interface AwardedGrant {
  applicationId: string;
  reference: string;
  title: string;
  answers: Answers;
  amount: number;
  decidedAt: string;
  updatedAt: string;
  associationId: string;
  associationName: string;
  registrationNumber: string | null;
  roundId: string;
  roundTitle: string;
  schemeTitle: string;
  schemePurpose: string;
}
