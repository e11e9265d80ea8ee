import { Temporal } from "temporal-polyfill";
import { audit } from "../../platform/audit/audit.js";
import { authorize, can, isPerson } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, type FieldErrors, invalid, notFound } from "../../platform/http/errors.js";
import { moneyText } from "../../platform/http/fields.js";
import { formats } from "../../platform/i18n/format.js";
import { translator } from "../../platform/i18n/i18n.js";
import { type MailTemplate, sendTemplateMail } from "../../platform/mail/template-mail.js";
import type { WaitingItem } from "../../platform/modules.js";
import { inTransaction, type ServiceContext, tenantToday } from "../../platform/service-context.js";
import { countryProfile } from "../../platform/tenants/countries.js";
import { adminAddresses, associationNames } from "../associations/index.js";
import * as after from "./after.repository.js";
import { accountField, MAX_EXTRA_LINES, type ReportInput } from "./after.schema.js";
import { allFields, type BudgetAnswer } from "./form.model.js";
import { openApplication } from "./grants.js";
import type { AccountLine, Application, Report, Scheme } from "./grants.model.js";
import { canApplyFor, canHandleGrants } from "./grants.policy.js";
import { reportOf, updateReport } from "./reports.repository.js";
import { findFormVersion } from "./schemes.repository.js";

/** Reports fall due soon within this many days (the caseworker's list, the board's start page). */
export const SOON_DAYS = 30;

export interface ReportCase {
  application: Application;
  scheme: Scheme;
  report: Report;
  /** The budget the application was granted on; empty sides when it had none. */
  budget: BudgetAnswer;
  currency: string;
  /** The board may fill in and send it (due, or more asked for). */
  mayEdit: boolean;
  /** A caseworker may approve it or ask for more (sent). */
  mayReview: boolean;
  /** A caseworker may record the money owed back as received. */
  mayRecordRepaid: boolean;
  /** Whoever looks is the association's board. */
  asBoard: boolean;
}

const EMPTY_BUDGET: BudgetAnswer = { cost: [], income: [] };
const isBudget = (v: unknown): v is BudgetAnswer =>
  typeof v === "object" && v !== null && Array.isArray((v as BudgetAnswer).cost) && Array.isArray((v as BudgetAnswer).income);

async function budgetOf(ctx: ServiceContext, application: Application): Promise<BudgetAnswer> {
  const form = await findFormVersion(ctx.db, ctx.tenant.id, application.formVersionId);
  const field = form && allFields(form.definition).find((f) => f.type === "budget");
  const answer = field ? application.answers[field.key] : undefined;
  return isBudget(answer) ? answer : EMPTY_BUDGET;
}

/**
 * A grant's report, for its association's board (to fill in and send) and for caseworkers (to read and
 * approve). Anyone else, and an application that owes no report, finds nothing.
 */
export async function openReport(ctx: ServiceContext, applicationId: string): Promise<ReportCase> {
  const { application, scheme } = await openApplication(ctx, applicationId);
  const record = { tenantId: ctx.tenant.id, associationId: application.associationId };
  const asBoard = can(ctx.actor, canApplyFor, record);
  const asCaseworker = can(ctx.actor, canHandleGrants, record);
  if (!asBoard && !asCaseworker) throw notFound();
  const report = await reportOf(ctx.db, ctx.tenant.id, application.id);
  if (!report) throw notFound();
  return {
    application,
    scheme,
    report,
    budget: await budgetOf(ctx, application),
    currency: countryProfile(ctx.tenant.country).currency,
    mayEdit: asBoard && (report.status === "due" || report.status === "more"),
    mayReview: asCaseworker && report.status === "submitted",
    mayRecordRepaid: asCaseworker && (report.status === "submitted" || report.status === "approved") && (report.toRepay ?? 0) > 0 && !report.repaidAt,
    asBoard,
  };
}

/** The accounts as written on the form: the budget's lines with what they came to, then the lines added. */
export function accountsFrom(input: ReportInput, budget: BudgetAnswer): { accounts: Report["accounts"]; missing: string[] } {
  const missing: string[] = [];
  const side = (name: "cost" | "income"): AccountLine[] => {
    const lines: AccountLine[] = budget[name].map((line, i) => {
      const actual = input[accountField.actual(name, i)];
      if (typeof actual !== "number") missing.push(accountField.actual(name, i));
      return { label: line.label, amount: line.amount, actual: typeof actual === "number" ? actual : 0 };
    });
    for (let i = 0; i < MAX_EXTRA_LINES; i++) {
      const label = String(input[accountField.extraLabel(name, i)] ?? "");
      const actual = input[accountField.extraActual(name, i)];
      if (label === "" && typeof actual !== "number") continue;
      if (label === "") missing.push(accountField.extraLabel(name, i));
      if (typeof actual !== "number") missing.push(accountField.extraActual(name, i));
      lines.push({ label, amount: 0, actual: typeof actual === "number" ? actual : 0 });
    }
    return lines;
  };
  return { accounts: { cost: side("cost"), income: side("income") }, missing };
}

/** What the grant paid for: the costs as they came to, less the other income. */
export const spentOf = (accounts: Report["accounts"]) =>
  Math.max(0, accounts.cost.reduce((s, l) => s + l.actual, 0) - accounts.income.reduce((s, l) => s + l.actual, 0));

/**
 * Keeps the board's report, or sends it: sending needs what the scheme asks for, works out what was
 * spent of the grant and what is to be paid back, and puts it before the caseworkers.
 */
export async function saveReport(ctx: ServiceContext, applicationId: string, input: ReportInput): Promise<Report> {
  const c = await openReport(ctx, applicationId);
  if (!c.asBoard) throw notFound();
  if (!c.mayEdit) throw conflict("conflict", c.report.status === "approved" ? "grants.report.locked" : "grants.report.waiting");
  if (!isPerson(ctx.actor)) throw notFound();
  const demands = new Set(c.scheme.reportDemands);
  const sending = input.intent === "send";
  const { accounts, missing } = accountsFrom(input, demands.has("accounts") ? c.budget : EMPTY_BUDGET);
  const errors: FieldErrors = {};
  for (const field of missing) if (sending || !field.includes("Actual") || field.includes("Extra")) errors[field] = "grants.report.required";
  if (sending) {
    if (demands.has("activities") && !input.whatWasDone) errors.whatWasDone = "grants.report.required";
    if (demands.has("participants") && input.participants === null) errors.participants = "grants.report.required";
    if (demands.has("hours") && input.volunteerHours === null) errors.volunteerHours = "grants.report.required";
  }
  if (Object.keys(errors).length > 0) throw invalid(errors);
  const granted = c.application.grantedAmount ?? 0;
  const spent = demands.has("accounts") ? spentOf(accounts) : null;
  const now = isoNow(ctx.clock);
  const report: Report = {
    ...c.report,
    whatWasDone: input.whatWasDone,
    participants: input.participants,
    volunteerHours: input.volunteerHours,
    accounts,
    ...(sending
      ? { status: "submitted" as const, spent, toRepay: spent === null ? null : Math.max(0, granted - spent), submittedBy: ctx.actor.userId, submittedAt: now }
      : {}),
  };
  await inTransaction(ctx, async (tx) => {
    await updateReport(tx.db, tx.tenant.id, report, now);
    await audit(tx, sending ? "grants.report_submitted" : "grants.report_saved", { type: "grant_application", id: c.application.id });
  });
  return report;
}

const MORE_MAIL: MailTemplate = {
  subject: "grants.mail.reportMore.subject",
  paragraphs: ["grants.mail.reportMore.body", "grants.mail.reportMore.note"],
  action: "grants.mail.report.action",
};
const APPROVED_MAIL: MailTemplate = {
  subject: "grants.mail.reportApproved.subject",
  paragraphs: ["grants.mail.reportApproved.body"],
  action: "grants.mail.report.action",
};

/** A caseworker approves a sent report, or asks for more (saying what): the board is told either way. */
export async function reviewReport(ctx: ServiceContext, applicationId: string, input: { decision: "approve" | "more"; note: string }): Promise<void> {
  const c = await openReport(ctx, applicationId);
  authorize(ctx.actor, canHandleGrants, { tenantId: ctx.tenant.id });
  if (!c.mayReview) throw conflict("conflict", c.report.status === "approved" ? "grants.report.locked" : "grants.report.notSent");
  const now = isoNow(ctx.clock);
  const report: Report = {
    ...c.report,
    status: input.decision === "approve" ? "approved" : "more",
    reviewedBy: ctx.actor.userId,
    reviewedAt: now,
    reviewNote: input.note || null,
  };
  await inTransaction(ctx, async (tx) => {
    await updateReport(tx.db, tx.tenant.id, report, now);
    await audit(tx, input.decision === "approve" ? "grants.report_approved" : "grants.report_more", { type: "grant_application", id: c.application.id });
    for (const to of await adminAddresses(tx, c.application.associationId)) {
      await sendTemplateMail(tx, {
        to,
        template: input.decision === "approve" ? APPROVED_MAIL : MORE_MAIL,
        values: { title: c.application.title, reference: c.application.reference, note: input.note },
        link: `/grants/applications/${c.application.id}/report`,
      });
    }
  });
}

/** A caseworker records that the money owed back has come in. */
export async function recordRepaid(ctx: ServiceContext, applicationId: string): Promise<void> {
  const c = await openReport(ctx, applicationId);
  authorize(ctx.actor, canHandleGrants, { tenantId: ctx.tenant.id });
  if (!c.mayRecordRepaid) throw conflict("conflict", "grants.report.nothingToRepay");
  const now = isoNow(ctx.clock);
  await inTransaction(ctx, async (tx) => {
    await updateReport(tx.db, tx.tenant.id, { ...c.report, repaidAt: now }, now);
    await audit(tx, "grants.repayment_received", { type: "grant_application", id: c.application.id }, { amount: c.report.toRepay ?? 0 });
  });
}

export const REPORT_STATES = ["submitted", "overdue", "soon", "more", "later", "approved"] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** Where a report stands on a given day, as the caseworker's list groups them. */
export function reportState(r: { status: Report["status"]; dueOn: string }, today: string): ReportState {
  if (r.status === "submitted" || r.status === "approved") return r.status;
  if (r.dueOn < today) return "overdue";
  if (r.status === "more") return "more";
  return r.dueOn <= Temporal.PlainDate.from(today).add({ days: SOON_DAYS }).toString() ? "soon" : "later";
}

export interface ReportOverviewRow extends after.ReportListRow {
  associationName: string;
  state: ReportState;
}

/** The caseworker's list of the tenant's reports, by where they stand. */
export async function reportsOverview(ctx: ServiceContext): Promise<{ rows: ReportOverviewRow[]; today: string; currency: string }> {
  authorize(ctx.actor, canHandleGrants, { tenantId: ctx.tenant.id });
  const rows = await after.tenantReports(ctx.db, ctx.tenant.id);
  const names = await associationNames(ctx, [...new Set(rows.map((r) => r.associationId))]);
  const today = tenantToday(ctx);
  return {
    rows: rows.map((r) => ({ ...r, associationName: names.get(r.associationId) ?? "", state: reportState(r, today) })),
    today,
    currency: countryProfile(ctx.tenant.country).currency,
  };
}

/** The start page: for caseworkers the reports waiting for approval; for a board the reports it has still to send. */
export async function waitingInReports(ctx: ServiceContext): Promise<WaitingItem[]> {
  if (!isPerson(ctx.actor)) return [];
  const items: WaitingItem[] = [];
  if (can(ctx.actor, canHandleGrants, { tenantId: ctx.tenant.id })) {
    items.push({
      group: "centre",
      label: "start.grants.reportsToApprove",
      count: await after.submittedCount(ctx.db, ctx.tenant.id),
      href: "/grants/reports",
      toDo: true,
    });
  }
  const boards = [...ctx.actor.memberships].filter(([, role]) => role === "admin").map(([id]) => id);
  if (boards.length > 0) {
    const due = await after.unsentReportsOf(ctx.db, ctx.tenant.id, boards);
    if (due.length > 0) {
      const t = translator(ctx.lang);
      const fmt = formats(ctx.lang, ctx.tenant.timeZone);
      items.push({
        group: "association",
        label: "start.grants.reportsDue",
        count: due.length,
        href: `/grants/applications/${due[0]?.applicationId}/report`,
        toDo: true,
        examples: due.slice(0, 3).map((r) => ({
          text: t("start.grants.reportDueOn", { title: r.title, date: fmt.date(r.dueOn) }),
          href: `/grants/applications/${r.applicationId}/report`,
        })),
      });
    }
  }
  return items;
}

/** The report's form filled with what is kept: the texts and counts, the actual sums per budget line, and the lines added. */
export function reportFormValues(c: ReportCase, lang: string): Record<string, string> {
  const r = c.report;
  const values: Record<string, string> = {
    whatWasDone: r.whatWasDone,
    participants: r.participants === null ? "" : String(r.participants),
    volunteerHours: r.volunteerHours === null ? "" : String(r.volunteerHours),
  };
  for (const side of ["cost", "income"] as const) {
    const kept = r.accounts[side];
    const budgetCount = c.budget[side].length;
    c.budget[side].forEach((line, i) => {
      const same = kept[i];
      if (same && same.label === line.label) values[accountField.actual(side, i)] = moneyText(same.actual, lang);
    });
    kept.slice(budgetCount).forEach((line, j) => {
      values[accountField.extraLabel(side, j)] = line.label;
      values[accountField.extraActual(side, j)] = moneyText(line.actual, lang);
    });
  }
  return values;
}
