import type { Context } from "hono";
import { Hono } from "hono";
import { tokenInput } from "../../platform/auth/auth.schema.js";
import { isPerson } from "../../platform/auth/policy.js";
import { csvResponse } from "../../platform/http/csv.js";
import type { AppEnv } from "../../platform/http/env.js";
import { AppError, type FieldErrors } from "../../platform/http/errors.js";
import { parseForm, safeBack } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { serviceContext } from "../../platform/service-context.js";
import { terms } from "../taxonomy/index.js";
import * as threads from "./application-threads.js";
import type { ChecklistItem } from "./checklist.js";
import type { FigureRow } from "./figures.js";
import { canManageOpportunities } from "./opportunities.policy.js";
import { PAGE_SIZE } from "./opportunities.repository.js";
import {
  applicantReplyInput,
  applicationStatusInput,
  applyInput,
  LIST_FIELDS,
  opportunityInput,
  reviewInput,
  threadMessageInput,
} from "./opportunities.schema.js";
import * as service from "./opportunities.service.js";
import { FiguresPage } from "./views/figures-views.js";
import {
  ApplicationsPage,
  AssociationOpportunitiesPage,
  MessagePage,
  ModerationPage,
  MyApplicationsPage,
  OpportunityFormPage,
  OpportunityListPage,
  OpportunityPage,
  stepLabels,
  WaitingPage,
} from "./views/opportunity-views.js";
import { ApplicantThreadPage, AssociationThreadPage } from "./views/thread-views.js";

const asFormValues = (o: service.Opportunity): Record<string, string> => ({
  title: o.title,
  categoryId: o.category_id ?? "",
  tasks: o.tasks,
  benefits: o.benefits,
  commitment: o.commitment,
  hoursPerWeek: o.hours_per_week?.toString() ?? "",
  oneOffDate: o.one_off_date ?? "",
  place: o.place ?? "",
  postcode: o.postcode ?? "",
  remote: o.remote ? "on" : "",
  startDate: o.start_date ?? "",
  needsCertificate: o.needs_certificate ? "on" : "",
  minAge: o.min_age?.toString() ?? "",
  languages: o.languages,
  suits: o.suits,
  slots: o.time_slots,
  setting: o.setting,
  stepFree: o.step_free ? "on" : "",
  contactName: o.contact_name,
  contactEmail: o.contact_email,
  expiresOn: o.expires_on,
});

async function showForm(
  c: Context<AppEnv>,
  action: string,
  associationId: string,
  values: Record<string, string>,
  extra: {
    errors?: FieldErrors;
    checklist?: { items: ChecklistItem[]; score: number; ready?: boolean };
    preview?: { o: service.Opportunity; category: string | null };
  } = {},
  status: 200 | 422 = 200,
) {
  const categories = await terms(c.get("deps").db, c.get("tenant").id, "category", c.get("lang"));
  const t = c.get("t");
  return render(
    c,
    t(action === "/opportunities/new" ? "opportunity.new.title" : "opportunity.edit"),
    <OpportunityFormPage
      action={action}
      associationId={associationId}
      categories={categories}
      values={values}
      errors={extra.errors}
      checklist={extra.checklist}
      preview={extra.preview}
    />,
    status,
  );
}

/** Saves a new or edited posting; a failed check re-shows the form with everything kept. */
async function savePosting(c: Context<AppEnv>, id: string | null) {
  const ctx = serviceContext(c);
  const action = id ? `/opportunities/${id}/edit` : "/opportunities/new";
  const form = await parseForm(c, opportunityInput, LIST_FIELDS);
  const associationId = id ? (await service.getForEdit(ctx, id)).association_id : (form.values.associationId ?? "");
  if (!form.ok) return showForm(c, action, associationId, form.values, { errors: form.errors }, 422);
  try {
    if (form.values.intent === "preview") {
      const { o, category, review } = await service.preview(ctx, { associationId, id, posting: form.data });
      return showForm(c, action, associationId, form.values, { preview: { o, category }, checklist: review });
    }
    const result = await service.save(ctx, { associationId, id, posting: form.data, submit: form.values.intent !== "draft" });
    if (!result.ok) return showForm(c, action, associationId, form.values, { checklist: result.review }, 422);
    return c.redirect(`/opportunities/${result.id}?notice=saved`, 303);
  } catch (error) {
    if (error instanceof AppError && error.status === 422) return showForm(c, action, associationId, form.values, { errors: error.fields }, 422);
    throw error;
  }
}

export const opportunityRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const page = Math.max(1, Math.min(10_000, Number(c.req.query("page")) || 1));
    const { rows, total } = await service.listPublished(serviceContext(c), page);
    return render(c, c.get("t")("opportunity.list.title"), <OpportunityListPage rows={rows} total={total} page={page} pages={Math.ceil(total / PAGE_SIZE)} />);
  })
  .get("/new", async (c) => {
    const associationId = c.req.query("association") ?? "";
    const { actor } = await service.postingFor(serviceContext(c), associationId);
    const from = c.req.query("from");
    if (from) {
      // A copy of an earlier posting: everything but its dates, which belong to the old one.
      const old = await service.getForEdit(serviceContext(c), from);
      if (old.association_id !== associationId) throw new AppError(404, "not_found", "error.notFound.text");
      return showForm(c, "/opportunities/new", associationId, { ...asFormValues(old), expiresOn: "", oneOffDate: "", startDate: "" });
    }
    return showForm(c, "/opportunities/new", associationId, { contactName: actor.name, contactEmail: actor.email, languages: c.get("tenant").defaultLanguage });
  })
  .post("/new", (c) => savePosting(c, null))
  .get("/figures", async (c) => {
    const report = await service.figuresReport(serviceContext(c));
    return render(c, c.get("t")("figures.title"), <FiguresPage {...report} />);
  })
  .get("/figures.csv", async (c) => {
    const { byMonth, byCategory } = await service.figuresReport(serviceContext(c));
    const t = c.get("t");
    const row = (label: string, r: FigureRow) => [label, r.jobs, r.applications, r.answered, r.medianDaysToAnswer, r.starts];
    return csvResponse(
      c,
      "figures.csv",
      [t("figures.period"), t("figures.jobs"), t("figures.applications"), t("figures.answered"), t("figures.medianDays"), t("figures.starts")],
      [...byMonth.map((r) => row(r.key, r)), ...byCategory.map((r) => row(r.key, r))],
    );
  })
  .get("/waiting.csv", async (c) => {
    const rows = await service.waitingApplicants(serviceContext(c), "csv");
    const t = c.get("t");
    return csvResponse(
      c,
      "waiting.csv",
      [t("auth.name"), t("opportunity.title"), t("association.name"), t("waiting.since")],
      rows.map((r) => [r.name, r.title, r.association_name, r.confirmed_at]),
    );
  })
  .get("/waiting", async (c) => {
    const rows = await service.waitingApplicants(serviceContext(c), "page");
    return render(c, c.get("t")("waiting.title"), <WaitingPage rows={rows} />);
  })
  .get("/moderation", async (c) => render(c, c.get("t")("moderation.title"), <ModerationPage rows={await service.moderationQueue(serviceContext(c))} />))
  .get("/association/:associationId", async (c) => {
    const associationId = c.req.param("associationId");
    const rows = await service.listForAssociation(serviceContext(c), associationId);
    return render(c, c.get("t")("opportunity.mine.title"), <AssociationOpportunitiesPage associationId={associationId} rows={rows} />);
  })
  .get("/:id", async (c) => {
    const ctx = serviceContext(c);
    const o = await service.getVisible(ctx, c.req.param("id"));
    const category = (await terms(ctx.db, ctx.tenant.id, "category", ctx.lang)).find((t) => t.id === o.category_id)?.label ?? null;
    const canManage = isPerson(ctx.actor) && canManageOpportunities(ctx.actor, { tenantId: o.tenant_id, associationId: o.association_id });
    return render(c, o.title, <OpportunityPage o={o} category={category} canManage={canManage} />);
  })
  .get("/:id/edit", async (c) => {
    const o = await service.getForEdit(serviceContext(c), c.req.param("id"));
    return showForm(c, `/opportunities/${o.id}/edit`, o.association_id, asFormValues(o));
  })
  .post("/:id/edit", (c) => savePosting(c, c.req.param("id")))
  .post("/:id/decision", async (c) => {
    const form = await parseForm(c, reviewInput);
    if (!form.ok) throw new AppError(422, "validation_failed", "validation.invalid");
    await service.decide(serviceContext(c), c.req.param("id"), form.data.decision, form.data.note);
    return c.redirect("/opportunities/moderation?notice=saved", 303);
  })
  .post("/:id/apply", async (c) => {
    const ctx = serviceContext(c);
    const o = await service.getVisible(ctx, c.req.param("id"));
    const form = await parseForm(c, applyInput);
    const again = async (errors: FieldErrors, status: 422 | 429) => {
      const category = (await terms(ctx.db, ctx.tenant.id, "category", ctx.lang)).find((t) => t.id === o.category_id)?.label ?? null;
      return render(c, o.title, <OpportunityPage o={o} category={category} canManage={false} apply={{ values: form.values, errors }} />, status);
    };
    if (!form.ok) return again(form.errors, 422);
    let confirmed: boolean;
    try {
      ({ confirmed } = await service.apply(ctx, o.id, form.data));
    } catch (error) {
      if (error instanceof AppError && error.status === 429) return again(error.fields, 429);
      throw error;
    }
    const t = c.get("t");
    return confirmed
      ? render(
          c,
          t("application.sent.title"),
          <MessagePage title="application.sent.title" text="application.sent.text" values={{ association: o.association_name }} />,
        )
      : render(
          c,
          t("auth.checkEmail.title"),
          <MessagePage title="auth.checkEmail.title" text="application.confirmFirst" values={{ email: form.data.email }} />,
        );
  })
  .get("/:id/applications.csv", async (c) => {
    const { applications } = await service.applications(serviceContext(c), c.req.param("id"), "csv");
    const t = c.get("t");
    return csvResponse(
      c,
      "applications.csv",
      [t("auth.name"), t("auth.email"), t("association.phone"), t("application.message"), t("table.created"), t("application.status")],
      applications.map((a) => [a.name, a.email, a.phone, a.message, a.created_at, t(stepLabels[a.status])]),
    );
  })
  .get("/:id/applications", async (c) => {
    const { opportunity, applications } = await service.applications(serviceContext(c), c.req.param("id"), "page");
    return render(c, c.get("t")("application.list.title"), <ApplicationsPage o={opportunity} rows={applications} />);
  })
  .post("/:id/applications/:applicationId", async (c) => {
    const form = await parseForm(c, applicationStatusInput);
    if (!form.ok) throw new AppError(422, "validation_failed", "validation.invalid");
    await service.moveApplication(serviceContext(c), c.req.param("id"), c.req.param("applicationId"), form.data.status);
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

export const applicationRoutes = new Hono<AppEnv>()
  .get("/confirm", async (c) => {
    const token = tokenInput.safeParse({ token: c.req.query("token") });
    const o = token.success ? await service.confirmApplication(serviceContext(c), token.data.token) : null;
    const t = c.get("t");
    if (!o) return render(c, t("auth.linkInvalid.title"), <MessagePage title="auth.linkInvalid.title" text="error.linkInvalid" />, 400);
    return render(
      c,
      t("application.sent.title"),
      <MessagePage title="application.sent.title" text="application.sent.text" values={{ association: o.association_name }} />,
    );
  })
  .get("/thread", async (c) => {
    const key = c.req.query("key") ?? "";
    const thread = await threads.threadForApplicant(serviceContext(c), key);
    const page = <ApplicantThreadPage thread={thread} keyValue={key} sent={c.req.query("notice") === "sent"} />;
    return render(c, c.get("t")("thread.withAssociation", { association: thread.opportunity.association_name }), page);
  })
  .post("/thread", async (c) => {
    const ctx = serviceContext(c);
    const form = await parseForm(c, applicantReplyInput);
    const key = form.values.key ?? "";
    if (!form.ok) {
      const thread = await threads.threadForApplicant(ctx, key);
      const page = <ApplicantThreadPage thread={thread} keyValue={key} values={form.values} errors={form.errors} />;
      return render(c, c.get("t")("thread.withAssociation", { association: thread.opportunity.association_name }), page, 422);
    }
    await threads.answerAssociation(ctx, form.data.key, form.data.body);
    return c.redirect(`/applications/thread?key=${encodeURIComponent(form.data.key)}&notice=sent`, 303);
  })
  .get("/mine", async (c) => {
    const rows = await service.myApplications(serviceContext(c));
    return render(c, c.get("t")("application.mine.title"), <MyApplicationsPage rows={rows} />);
  });
