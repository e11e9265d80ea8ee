import type { Context } from "hono";
import { Hono } from "hono";
import { listOf } from "../../db/lists.js";
import { isPerson } from "../../platform/auth/policy.js";
import type { AppEnv } from "../../platform/http/env.js";
import { type FieldErrors, formFailure, invalid } from "../../platform/http/errors.js";
import { parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { localized } from "../../platform/i18n/localized.js";
import { decisionInput } from "../../platform/moderation/decision.schema.js";
import { serviceContext } from "../../platform/service-context.js";
import { backToResults } from "../../platform/ui/detail.js";
import { ImportPage, importResponse } from "../../platform/ui/import-page.js";
import { logoHref, profileChangeQueue } from "../associations/index.js";
import { terms } from "../taxonomy/index.js";
import { importOffers, mayImport, OFFER_IMPORT } from "./directory.import.js";
import type { Offer } from "./directory.model.js";
import { OFFER_LISTS, type OfferChoices, offerInput } from "./directory.schema.js";
import * as service from "./directory.service.js";
import { AssociationOffersPage, AssociationPublicPage, OfferFormPage, OfferModerationPage, OfferPage } from "./views/directory-views.js";

/** An offer as its form shows it. */
const asForm = (o: Offer): { values: Record<string, string>; chosen: OfferChoices } => ({
  values: {
    kind: o.kind,
    title: o.title,
    description: o.description,
    categoryId: o.categoryId ?? "",
    placeName: o.placeName ?? "",
    address: o.address ?? "",
    postcode: o.postcode ?? "",
    online: o.online ? "on" : "",
    timeText: o.timeText,
    price: o.price,
    priceText: o.priceText ?? "",
    contactEmail: o.contactEmail,
    contactPhone: o.contactPhone ?? "",
    linkUrl: o.linkUrl ?? "",
  },
  chosen: { targetGroups: o.targetGroups, slots: o.slots, accessibility: o.accessibility, languages: o.languages },
});

/** What was ticked in a form sent back, whose lists come joined. */
const chosenIn = (values: Record<string, string>): OfferChoices => ({
  targetGroups: listOf(values.targetGroups),
  slots: listOf(values.slots),
  accessibility: listOf(values.accessibility),
  languages: listOf(values.languages),
});

async function showForm(
  c: Context<AppEnv>,
  action: string,
  associationId: string,
  form: { values: Record<string, string>; chosen: OfferChoices },
  errors?: FieldErrors,
  status: 200 | 409 | 413 | 415 | 422 | 429 = 200,
  pending?: Parameters<typeof OfferFormPage>[0]["pending"],
) {
  const ctx = serviceContext(c);
  const [categories, targetGroups] = await Promise.all([terms(ctx.db, ctx.tenant, "category", ctx.lang), terms(ctx.db, ctx.tenant, "target_group", ctx.lang)]);
  const page = (
    <OfferFormPage
      action={action}
      associationId={associationId}
      categories={categories}
      targetGroups={targetGroups}
      {...form}
      errors={errors}
      pending={pending}
    />
  );
  return render(c, c.get("t")(action.endsWith("/new") ? "offer.new.title" : "offer.edit"), page, status);
}

async function saveOffer(c: Context<AppEnv>, id: string | null) {
  const ctx = serviceContext(c);
  const action = id ? `/directory/offers/${id}/edit` : "/directory/offers/new";
  const form = await parseForm(c, offerInput, OFFER_LISTS);
  const associationId = id ? (await service.getForEdit(ctx, id)).associationId : (form.values.associationId ?? "");
  try {
    if (!form.ok) throw invalid(form.errors);
    const saved = await service.save(ctx, { associationId, id, offer: form.data });
    return c.redirect(`/directory/offers/${saved.id}?notice=${saved.waits ? "changePending" : "saved"}`, 303);
  } catch (error) {
    const f = formFailure(error);
    return showForm(c, action, associationId, { values: form.values, chosen: chosenIn(form.values) }, f.fields, f.status);
  }
}

export const directoryRoutes = new Hono<AppEnv>()
  .get("/", (c) => c.redirect("/search?kind=offer&kind=association", 302))
  .get("/import", (c) => {
    mayImport(serviceContext(c));
    return render(c, c.get("t")(OFFER_IMPORT.texts.title), <ImportPage kind={OFFER_IMPORT} />);
  })
  .post("/import", (c) => {
    const ctx = serviceContext(c);
    mayImport(ctx);
    return importResponse(c, OFFER_IMPORT, (rows, apply) => importOffers(ctx, rows, apply));
  })
  .get("/moderation", async (c) => {
    const ctx = serviceContext(c);
    const [rows, profiles, categories, targetGroups] = await Promise.all([
      service.moderationQueue(ctx),
      profileChangeQueue(ctx),
      terms(ctx.db, ctx.tenant, "category", ctx.lang),
      terms(ctx.db, ctx.tenant, "target_group", ctx.lang),
    ]);
    const page = <OfferModerationPage rows={rows} profiles={profiles} categories={categories} targetGroups={targetGroups} />;
    return render(c, c.get("t")("offer.moderation.title"), page);
  })
  .get("/offers/new", async (c) => {
    const associationId = c.req.query("association") ?? "";
    await service.mayWriteFor(serviceContext(c), associationId);
    const actor = c.get("actor");
    const values = { contactEmail: isPerson(actor) ? actor.email : "" };
    const chosen = { targetGroups: [], slots: [], accessibility: [], languages: [c.get("tenant").defaultLanguage] };
    return showForm(c, "/directory/offers/new", associationId, { values, chosen });
  })
  .post("/offers/new", (c) => saveOffer(c, null))
  .get("/offers/:id", async (c) => {
    const ctx = serviceContext(c);
    const found = await service.offerPage(ctx, c.req.param("id"));
    const page = { ...found, offer: localized(found.offer, c.get("lang")) };
    const back = backToResults(c.req.query("back"), c.req.header("referer"));
    return render(c, page.offer.title, <OfferPage {...page} back={back} logo={await logoHref(ctx, page.offer.associationId)} />);
  })
  .get("/offers/:id/edit", async (c) => {
    const { offer: o, change } = await service.getForEditWithChange(serviceContext(c), c.req.param("id"));
    // A change that waits is what the editor goes on with; the approved offer is shown beside it.
    const form = asForm(change ? { ...o, ...change.content } : o);
    return showForm(c, `/directory/offers/${o.id}/edit`, o.associationId, form, undefined, 200, change && { offer: o, change });
  })
  .post("/offers/:id/edit", (c) => saveOffer(c, c.req.param("id")))
  .post("/offers/:id/withdraw-change", async (c) => {
    await service.withdrawChange(serviceContext(c), c.req.param("id"));
    return c.redirect(`/directory/offers/${c.req.param("id")}?notice=changeWithdrawn`, 303);
  })
  .post("/offers/:id/confirm", async (c) => {
    await service.confirm(serviceContext(c), c.req.param("id"));
    return c.redirect(`/directory/offers/${c.req.param("id")}?notice=saved`, 303);
  })
  .post("/offers/:id/decision", async (c) => {
    const form = await parseForm(c, decisionInput);
    if (!form.ok) throw invalid(form.errors);
    const { decision } = form.data;
    const { change } = await service.decide(serviceContext(c), c.req.param("id"), decision, form.data.note);
    const notice = change ? (decision === "approve" ? "changeApproved" : "changeRejected") : decision === "approve" ? "offerApproved" : "sentBack";
    return c.redirect(`/directory/moderation?notice=${notice}`, 303);
  })
  .get("/association/:id", async (c) => {
    const rows = await service.listForAssociation(serviceContext(c), c.req.param("id"));
    return render(c, c.get("t")("offer.mine.title"), <AssociationOffersPage associationId={c.req.param("id")} rows={rows} />);
  })
  .get("/associations/:id", async (c) => {
    const found = await service.associationPage(serviceContext(c), c.req.param("id"));
    const lang = c.get("lang");
    const page = {
      ...found,
      association: localized(found.association, lang),
      offers: found.offers.map((o) => localized(o, lang)),
      jobs: found.jobs.map((j) => localized(j, lang)),
    };
    const back = backToResults(c.req.query("back"), c.req.header("referer"));
    return render(c, page.association.name, <AssociationPublicPage {...page} back={back} />);
  });
