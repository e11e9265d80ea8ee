import { Hono } from "hono";
import { tokenInput } from "../../platform/auth/auth.schema.js";
import { csvResponse } from "../../platform/http/csv.js";
import type { AppEnv } from "../../platform/http/env.js";
import { type FieldErrors, formFailure, invalid } from "../../platform/http/errors.js";
import { parseForm, safeBack } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { formats } from "../../platform/i18n/format.js";
import { serviceContext } from "../../platform/service-context.js";
import { logoHref } from "../associations/index.js";
import { certificateStages } from "../certificates/index.js";
import { categoryLabel, getVisible, OpportunityPage } from "../opportunities/index.js";
import { answerSpeed } from "./answer-speed.js";
import { applicants, moveApplication, myApplications } from "./applicants.js";
import * as threads from "./application-threads.js";
import { stepLabels } from "./applications.labels.js";
import { applicantReplyInput, applicationStatusInput, applyInput, threadMessageInput } from "./applications.schema.js";
import { type ApplyOutcome, apply, confirmApplication } from "./apply.js";
import type { FigureRow } from "./figures.js";
import { figuresReport, waitingApplicants } from "./follow-up.js";
import { ApplicantsPage } from "./views/applicants-page.js";
import { ApplicationSentPage } from "./views/application-sent-page.js";
import { FiguresPage } from "./views/figures-views.js";
import { MessagePage } from "./views/message-page.js";
import { MyApplicationsPage } from "./views/my-applications-page.js";
import { ApplicantThreadPage, AssociationThreadPage } from "./views/thread-views.js";
import { WaitingPage } from "./views/waiting-page.js";

/** Applying for a job and the association's work with its applicants, under the job's own path. Mounted before the jobs' pages. */
export const applicantRoutes = new Hono<AppEnv>()
  .get("/figures", async (c) => {
    const report = await figuresReport(serviceContext(c));
    return render(c, c.get("t")("figures.title"), <FiguresPage {...report} />);
  })
  .get("/figures.csv", async (c) => {
    const { byMonth, byCategory } = await figuresReport(serviceContext(c));
    const t = c.get("t");
    const fmt = formats(c.get("lang"), c.get("tenant").timeZone);
    const row = (label: string, r: FigureRow) => [label, r.jobs, r.applications, r.answered, r.medianDaysToAnswer, r.starts];
    return csvResponse(
      c,
      "figures.csv",
      [t("figures.period"), t("figures.jobs"), t("figures.applications"), t("figures.answered"), t("figures.medianDays"), t("figures.starts")],
      [...byMonth.map((r) => row(fmt.month(r.key), r)), ...byCategory.map((r) => row(r.key, r))],
    );
  })
  .get("/waiting.csv", async (c) => {
    const rows = await waitingApplicants(serviceContext(c), "csv");
    const t = c.get("t");
    const fmt = formats(c.get("lang"), c.get("tenant").timeZone);
    return csvResponse(
      c,
      "waiting.csv",
      [t("auth.name"), t("opportunity.title"), t("association.name"), t("waiting.since")],
      rows.map((r) => [r.name, r.title, r.associationName, r.confirmedAt ? fmt.dateTime(r.confirmedAt) : ""]),
    );
  })
  .get("/waiting", async (c) => {
    const rows = await waitingApplicants(serviceContext(c), "page");
    return render(c, c.get("t")("waiting.title"), <WaitingPage rows={rows} />);
  })
  .post("/:id/apply", async (c) => {
    const ctx = serviceContext(c);
    const o = await getVisible(ctx, c.req.param("id"));
    const form = await parseForm(c, applyInput);
    const again = async (errors: FieldErrors, status: 422 | 429) =>
      render(
        c,
        o.title,
        <OpportunityPage
          o={o}
          category={await categoryLabel(ctx, o)}
          mayManage={false}
          apply={{ values: form.values, errors }}
          logo={await logoHref(ctx, o.associationId)}
          answerDays={(await answerSpeed(ctx, o.associationId))?.medianDays ?? null}
        />,
        status,
      );
    if (!form.ok) return again(form.errors, 422);
    let outcome: ApplyOutcome;
    try {
      outcome = await apply(ctx, o.id, form.data);
    } catch (error) {
      const failure = formFailure(error);
      return again(failure.fields, failure.status === 429 ? 429 : 422);
    }
    const t = c.get("t");
    if (outcome.kind === "already")
      return render(
        c,
        t("application.already.title"),
        <ApplicationSentPage already application={outcome.application} job={o} signedIn={ctx.actor.kind === "person"} />,
      );
    return outcome.kind === "sent"
      ? render(
          c,
          t("application.sent.title"),
          <MessagePage title="application.sent.title" text="application.sent.text" values={{ association: o.associationName }} />,
        )
      : render(
          c,
          t("auth.checkEmail.title"),
          <MessagePage title="auth.checkEmail.title" text="application.confirmFirst" values={{ email: form.data.email }} />,
        );
  })
  .get("/:id/applications.csv", async (c) => {
    const { applications } = await applicants(serviceContext(c), c.req.param("id"), "csv");
    const t = c.get("t");
    const fmt = formats(c.get("lang"), c.get("tenant").timeZone);
    return csvResponse(
      c,
      "applications.csv",
      [t("auth.name"), t("auth.email"), t("association.phone"), t("application.message"), t("table.created"), t("application.status")],
      applications.map((a) => [a.name, a.email, a.phone, a.message, fmt.dateTime(a.createdAt), t(stepLabels[a.status])]),
    );
  })
  .get("/:id/applications", async (c) => {
    const ctx = serviceContext(c);
    const { opportunity, applications } = await applicants(ctx, c.req.param("id"), "page");
    // For a job that needs a child-protection certificate: where each applicant is, by their e-mail within the association.
    const certificates = opportunity.needsCertificate
      ? await certificateStages(
          ctx,
          opportunity.associationId,
          applications.map((a) => a.email),
        )
      : undefined;
    return render(c, c.get("t")("application.list.title"), <ApplicantsPage o={opportunity} rows={applications} certificates={certificates} />);
  })
  .post("/:id/applications/:applicationId", async (c) => {
    const form = await parseForm(c, applicationStatusInput);
    if (!form.ok) throw invalid({});
    await moveApplication(serviceContext(c), c.req.param("id"), c.req.param("applicationId"), form.data.status);
    return c.redirect(`${safeBack(form.values.back, `/opportunities/${c.req.param("id")}/applications`)}?notice=saved`, 303);
  })
  .get("/:id/applications/:applicationId", async (c) => {
    const thread = await threads.threadForAssociation(serviceContext(c), c.req.param("id"), c.req.param("applicationId"));
    const page = <AssociationThreadPage thread={thread} sent={c.req.query("notice") === "sent"} />;
    return render(c, c.get("t")("thread.withApplicant", { name: thread.application.name }), page);
  })
  .post("/:id/applications/:applicationId/messages", async (c) => {
    const ctx = serviceContext(c);
    const [id, applicationId] = [c.req.param("id"), c.req.param("applicationId")];
    const form = await parseForm(c, threadMessageInput);
    if (!form.ok) {
      const thread = await threads.threadForAssociation(ctx, id, applicationId);
      const page = <AssociationThreadPage thread={thread} values={form.values} errors={form.errors} />;
      return render(c, c.get("t")("thread.withApplicant", { name: thread.application.name }), page, 422);
    }
    await threads.writeToApplicant(ctx, id, applicationId, form.data.body);
    return c.redirect(`/opportunities/${id}/applications/${applicationId}?notice=sent`, 303);
  });

/** The applicant's own pages: confirming by the e-mail link, the conversation by its key, and their list. */
export const applicationRoutes = new Hono<AppEnv>()
  .get("/confirm", async (c) => {
    const token = tokenInput.safeParse({ token: c.req.query("token") });
    const confirmed = token.success ? await confirmApplication(serviceContext(c), token.data.token) : null;
    const t = c.get("t");
    if (!confirmed) return render(c, t("auth.linkInvalid.title"), <MessagePage title="auth.linkInvalid.title" text="error.linkInvalid" />, 400);
    return render(
      c,
      t("application.confirmed.title"),
      <ApplicationSentPage already={false} application={confirmed.application} job={confirmed.opportunity} signedIn={c.get("actor").kind === "person"} />,
    );
  })
  .get("/thread", async (c) => {
    const key = c.req.query("key") ?? "";
    const thread = await threads.threadForApplicant(serviceContext(c), key);
    const page = <ApplicantThreadPage thread={thread} keyValue={key} sent={c.req.query("notice") === "sent"} />;
    return render(c, c.get("t")("thread.withAssociation", { association: thread.opportunity.associationName }), page);
  })
  .post("/thread", async (c) => {
    const ctx = serviceContext(c);
    const form = await parseForm(c, applicantReplyInput);
    const key = form.values.key ?? "";
    if (!form.ok) {
      const thread = await threads.threadForApplicant(ctx, key);
      const page = <ApplicantThreadPage thread={thread} keyValue={key} values={form.values} errors={form.errors} />;
      return render(c, c.get("t")("thread.withAssociation", { association: thread.opportunity.associationName }), page, 422);
    }
    await threads.answerAssociation(ctx, form.data.key, form.data.body);
    return c.redirect(`/applications/thread?key=${encodeURIComponent(form.data.key)}&notice=sent`, 303);
  })
  .get("/mine", async (c) => {
    const rows = await myApplications(serviceContext(c));
    return render(c, c.get("t")("application.mine.title"), <MyApplicationsPage rows={rows} />);
  });
