import type { Context } from "hono";
import { Hono } from "hono";
import { listOf } from "../../db/lists.js";
import type { AppEnv } from "../../platform/http/env.js";
import { type FieldErrors, formFailure, invalid, notFound } from "../../platform/http/errors.js";
import { parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { localized } from "../../platform/i18n/localized.js";
import { type ServiceContext, serviceContext } from "../../platform/service-context.js";
import { backToResults } from "../../platform/ui/detail.js";
import { logoHref } from "../associations/index.js";
import { terms } from "../taxonomy/index.js";
import { type ChecklistItem, reviewPosting } from "./checklist.js";
import { decide, getForEditWithChange, moderationQueue, withdrawChange } from "./moderation.js";
import { type Opportunity, postingFormValues } from "./opportunities.model.js";
import { PAGE_SIZE } from "./opportunities.repository.js";
import { LIST_FIELDS, opportunityInput, reviewInput } from "./opportunities.schema.js";
import * as service from "./opportunities.service.js";
import { preview, save } from "./posting.js";
import { AssociationOpportunitiesPage } from "./views/association-opportunities-page.js";
import { ModerationPage } from "./views/moderation-page.js";
import { OpportunityFormPage } from "./views/opportunity-form-page.js";
import { OpportunityListPage } from "./views/opportunity-list-page.js";
import { OpportunityPage } from "./views/opportunity-page.js";

async function showForm(
  c: Context<AppEnv>,
  action: string,
  associationId: string,
  values: Record<string, string>,
  extra: {
    errors?: FieldErrors;
    checklist?: { items: ChecklistItem[]; score: number; ready?: boolean };
    preview?: { o: Opportunity; category: string | null };
    pending?: Parameters<typeof OpportunityFormPage>[0]["pending"];
  } = {},
  status: 200 | 409 | 413 | 415 | 422 | 429 = 200,
) {
  const categories = await terms(c.get("deps").db, c.get("tenant"), "category", c.get("lang"));
  const t = c.get("t");
  const chosen = { languages: listOf(values.languages), suits: listOf(values.suits), slots: listOf(values.slots) };
  return render(
    c,
    t(action === "/opportunities/new" ? "opportunity.new.title" : "opportunity.edit"),
    <OpportunityFormPage
      action={action}
      associationId={associationId}
      categories={categories}
      values={values}
      chosen={chosen}
      errors={extra.errors}
      checklist={extra.checklist}
      preview={extra.preview}
      pending={extra.pending}
    />,
    status,
  );
}

/**
 * What a job's page shows about its association beside the posting: its logo and how quickly it
 * usually answers. The applications module counts the answers; it is loaded when asked, as it
 * itself builds on this module.
 */
async function jobPageExtras(ctx: ServiceContext, o: Opportunity) {
  const { answerSpeed } = await import("../applications/index.js");
  const [logo, speed] = await Promise.all([logoHref(ctx, o.associationId), answerSpeed(ctx, o.associationId)]);
  return { logo, answerDays: speed?.medianDays ?? null };
}

/** Saves a new or edited posting; a failed check re-shows the form with everything kept. */
async function savePosting(c: Context<AppEnv>, id: string | null) {
  const ctx = serviceContext(c);
  const action = id ? `/opportunities/${id}/edit` : "/opportunities/new";
  const form = await parseForm(c, opportunityInput, LIST_FIELDS);
  const associationId = id ? (await service.getForEdit(ctx, id)).associationId : (form.values.associationId ?? "");
  if (!form.ok) return showForm(c, action, associationId, form.values, { errors: form.errors }, 422);
  try {
    if (form.values.intent === "preview") {
      const { o, category, review } = await preview(ctx, { associationId, id, posting: form.data });
      return showForm(c, action, associationId, form.values, { preview: { o, category }, checklist: review });
    }
    const saved = await save(ctx, { associationId, id, posting: form.data, submit: form.values.intent !== "draft" });
    return c.redirect(`/opportunities/${saved.id}?notice=${saved.waits ? "changePending" : "saved"}`, 303);
  } catch (error) {
    const failure = formFailure(error);
    // A posting the checklist holds back shows the checklist rather than a field's error.
    if (failure.fields.checklist) return showForm(c, action, associationId, form.values, { checklist: reviewPosting(form.data) }, failure.status);
    return showForm(c, action, associationId, form.values, { errors: failure.fields }, failure.status);
  }
}

export const opportunityRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const page = Math.max(1, Math.min(10_000, Number(c.req.query("page")) || 1));
    const { rows, total } = await service.listPublished(serviceContext(c), page);
    const lang = c.get("lang");
    return render(
      c,
      c.get("t")("opportunity.list.title"),
      <OpportunityListPage rows={rows.map((r) => localized(r, lang))} total={total} page={page} pages={Math.ceil(total / PAGE_SIZE)} />,
    );
  })
  .get("/new", async (c) => {
    const associationId = c.req.query("association") ?? "";
    const { actor } = await service.postingFor(serviceContext(c), associationId);
    const from = c.req.query("from");
    if (from) {
      // A copy of an earlier posting: everything but its dates, which belong to the old one.
      const old = await service.getForEdit(serviceContext(c), from);
      if (old.associationId !== associationId) throw notFound();
      return showForm(c, "/opportunities/new", associationId, { ...postingFormValues(old), expiresOn: "", oneOffDate: "", startDate: "" });
    }
    return showForm(c, "/opportunities/new", associationId, { contactName: actor.name, contactEmail: actor.email, languages: c.get("tenant").defaultLanguage });
  })
  .post("/new", (c) => savePosting(c, null))
  .get("/moderation", async (c) => render(c, c.get("t")("moderation.title"), <ModerationPage {...(await moderationQueue(serviceContext(c)))} />))
  .get("/association/:associationId", async (c) => {
    const associationId = c.req.param("associationId");
    const rows = await service.listForAssociation(serviceContext(c), associationId);
    return render(c, c.get("t")("opportunity.mine.title"), <AssociationOpportunitiesPage associationId={associationId} rows={rows} />);
  })
  .get("/:id", async (c) => {
    const ctx = serviceContext(c);
    const o = localized(await service.getVisible(ctx, c.req.param("id")), c.get("lang"));
    const back = backToResults(c.req.query("back"), c.req.header("referer"));
    const page = (
      <OpportunityPage
        o={o}
        category={await service.categoryLabel(ctx, o)}
        mayManage={service.mayManage(ctx, o)}
        back={back}
        {...(await jobPageExtras(ctx, o))}
      />
    );
    return render(c, o.title, page);
  })
  .get("/:id/edit", async (c) => {
    const { o, change } = await getForEditWithChange(serviceContext(c), c.req.param("id"));
    // A change that waits is what the editor goes on with; the published job is shown beside it.
    return showForm(c, `/opportunities/${o.id}/edit`, o.associationId, postingFormValues(change?.content ?? o), { pending: change && { o, change } });
  })
  .post("/:id/edit", (c) => savePosting(c, c.req.param("id")))
  .post("/:id/withdraw-change", async (c) => {
    await withdrawChange(serviceContext(c), c.req.param("id"));
    return c.redirect(`/opportunities/${c.req.param("id")}?notice=changeWithdrawn`, 303);
  })
  .post("/:id/decision", async (c) => {
    const form = await parseForm(c, reviewInput);
    if (!form.ok) throw invalid({});
    const { decision } = form.data;
    const { change } = await decide(serviceContext(c), c.req.param("id"), decision, form.data.note);
    const notice = change ? (decision === "approve" ? "changeApproved" : "changeRejected") : decision === "approve" ? "jobApproved" : "sentBack";
    return c.redirect(`/opportunities/moderation?notice=${notice}`, 303);
  });
