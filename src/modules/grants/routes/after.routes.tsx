import { type Context, Hono } from "hono";
import { csvResponse } from "../../../platform/http/csv.js";
import type { AppEnv } from "../../../platform/http/env.js";
import { type FieldErrors, formFailure } from "../../../platform/http/errors.js";
import { parseForm } from "../../../platform/http/forms.js";
import { render } from "../../../platform/http/render.js";
import { formats } from "../../../platform/i18n/format.js";
import { serviceContext } from "../../../platform/service-context.js";
import { countryProfile } from "../../../platform/tenants/countries.js";
import { paidInput, planInput, type ReportInput, reportFormInput, reviewInput } from "../after.schema.js";
import { markPayoutsPaid, paymentRows, payoutCases, planPayouts } from "../payouts.js";
import { openReport, recordRepaid, reportFormValues, reportsOverview, reviewReport, saveReport } from "../reports.js";
import { PayoutsPage, type PlanForm } from "../views/payout-views.js";
import { ReportPage, ReportsPage, reportStateLabels } from "../views/report-views.js";

type FormStatus = 409 | 413 | 415 | 422 | 429;

async function showPayouts(
  c: Context<AppEnv>,
  shown: { values?: PlanForm; errors?: FieldErrors; paidErrors?: FieldErrors } = {},
  status: FormStatus | 200 = 200,
) {
  const { round, cases, today } = await payoutCases(serviceContext(c), c.req.param("id") ?? "");
  return render(
    c,
    c.get("t")("grants.payouts.title", { round: round.title }),
    <PayoutsPage round={round} cases={cases} today={today} currency={countryProfile(c.get("tenant").country).currency} {...shown} />,
    status,
  );
}

async function showReport(
  c: Context<AppEnv>,
  shown: { values?: Record<string, string>; errors?: FieldErrors; reviewValues?: { note?: string }; reviewErrors?: FieldErrors } = {},
  status: FormStatus | 200 = 200,
) {
  const found = await openReport(serviceContext(c), c.req.param("id") ?? "");
  return render(
    c,
    c.get("t")("grants.report.title", { title: found.application.title }),
    <ReportPage c={found} values={shown.values ?? reportFormValues(found, c.get("lang"))} {...shown} />,
    status,
  );
}

/** Payouts of a decided round, and the reports grants owe: the board's form and the caseworker's review and list. */
export const afterRoutes = new Hono<AppEnv>()
  .get("/rounds/:id/payouts", (c) => showPayouts(c))
  .post("/rounds/:id/payouts", async (c) => {
    const ctx = serviceContext(c);
    await payoutCases(ctx, c.req.param("id"));
    const form = await parseForm(c, planInput);
    if (!form.ok) return showPayouts(c, { values: form.values, errors: form.errors }, 422);
    try {
      await planPayouts(ctx, c.req.param("id"), form.data);
    } catch (e) {
      const f = formFailure(e);
      return showPayouts(c, { values: form.values, errors: f.fields }, f.status);
    }
    return c.redirect(`/grants/rounds/${c.req.param("id")}/payouts?notice=grantsPayoutsPlanned`, 303);
  })
  .post("/rounds/:id/payouts/paid", async (c) => {
    const ctx = serviceContext(c);
    await payoutCases(ctx, c.req.param("id"));
    const form = await parseForm(c, paidInput, ["payout"]);
    if (!form.ok) return showPayouts(c, { paidErrors: form.errors }, 422);
    try {
      await markPayoutsPaid(ctx, c.req.param("id"), form.data.payout);
    } catch (e) {
      const f = formFailure(e);
      return showPayouts(c, { paidErrors: f.fields }, f.status);
    }
    return c.redirect(`/grants/rounds/${c.req.param("id")}/payouts?notice=grantsPayoutsPaid`, 303);
  })
  .get("/rounds/:id/payouts.csv", async (c) => {
    const rows = await paymentRows(serviceContext(c), c.req.param("id"));
    const t = c.get("t");
    const fmt = formats(c.get("lang"), c.get("tenant").timeZone);
    return csvResponse(
      c,
      "payments.csv",
      [
        t("grants.csv.association"),
        t("grants.csv.registrationNumber"),
        t("grants.csv.bankAccount"),
        t("grants.csv.amount"),
        t("grants.csv.text"),
        t("grants.csv.due"),
      ],
      rows.map((r) => [
        r.name,
        r.registrationNumber,
        r.bankAccount,
        r.amount / 100,
        t("grants.csv.paymentText", { reference: r.reference }),
        fmt.date(r.dueOn),
      ]),
    );
  })
  .get("/applications/:id/report", (c) => showReport(c))
  .post("/applications/:id/report", async (c) => {
    const ctx = serviceContext(c);
    const found = await openReport(ctx, c.req.param("id"));
    const form = await parseForm(c, reportFormInput({ cost: found.budget.cost.length, income: found.budget.income.length }));
    if (!form.ok) return showReport(c, { values: form.values, errors: form.errors }, 422);
    let sent = false;
    try {
      const report = await saveReport(ctx, found.application.id, form.data as ReportInput);
      sent = report.status === "submitted";
    } catch (e) {
      const f = formFailure(e);
      return showReport(c, { values: form.values, errors: f.fields }, f.status);
    }
    return c.redirect(`/grants/applications/${found.application.id}/report?notice=${sent ? "grantsReportSent" : "grantsReportSaved"}`, 303);
  })
  .post("/applications/:id/report/review", async (c) => {
    const ctx = serviceContext(c);
    await openReport(ctx, c.req.param("id"));
    const form = await parseForm(c, reviewInput);
    if (!form.ok) return showReport(c, { reviewValues: form.values, reviewErrors: form.errors }, 422);
    try {
      await reviewReport(ctx, c.req.param("id"), form.data);
    } catch (e) {
      const f = formFailure(e);
      return showReport(c, { reviewValues: form.values, reviewErrors: f.fields }, f.status);
    }
    return c.redirect(
      `/grants/applications/${c.req.param("id")}/report?notice=${form.data.decision === "approve" ? "grantsReportApproved" : "grantsReportMore"}`,
      303,
    );
  })
  .post("/applications/:id/report/repaid", async (c) => {
    await recordRepaid(serviceContext(c), c.req.param("id"));
    return c.redirect(`/grants/applications/${c.req.param("id")}/report?notice=grantsRepaid`, 303);
  })
  .get("/reports", async (c) => {
    const { rows, currency } = await reportsOverview(serviceContext(c));
    return render(c, c.get("t")("grants.reports.title"), <ReportsPage rows={rows} currency={currency} />);
  })
  .get("/reports.csv", async (c) => {
    const { rows } = await reportsOverview(serviceContext(c));
    const t = c.get("t");
    const fmt = formats(c.get("lang"), c.get("tenant").timeZone);
    return csvResponse(
      c,
      "reports.csv",
      [
        t("grants.csv.association"),
        t("grants.report.reference"),
        t("grants.reports.grant"),
        t("grants.csv.amount"),
        t("grants.report.dueOn"),
        t("grants.report.status"),
        t("grants.reports.toRepay"),
        t("grants.reports.repaid"),
      ],
      rows.map((r) => [
        r.associationName,
        r.reference,
        r.title,
        r.grantedAmount / 100,
        fmt.date(r.dueOn),
        t(reportStateLabels[r.state], { count: 1 }),
        r.toRepay === null ? null : r.toRepay / 100,
        r.repaidAt ? fmt.date(r.repaidAt) : "",
      ]),
    );
  });
