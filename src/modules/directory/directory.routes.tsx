import type { Context } from "hono";
import { Hono } from "hono";
import { isPerson } from "../../platform/auth/policy.js";
import { imageUpload, pictureResponse } from "../../platform/files/images.js";
import { uploadBody } from "../../platform/http/body-limit.js";
import type { AppEnv } from "../../platform/http/env.js";
import { AppError, type FieldErrors } from "../../platform/http/errors.js";
import { formBody, parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { serviceContext } from "../../platform/service-context.js";
import { ImportPage, importResponse } from "../../platform/ui/import-page.js";
import { reviewInput } from "../opportunities/index.js";
import { terms } from "../taxonomy/index.js";
import { importOffers, mayImport, OFFER_IMPORT } from "./directory.import.js";
import { OFFER_LISTS, offerInput, profileInput } from "./directory.schema.js";
import * as service from "./directory.service.js";
import { AssociationOffersPage, AssociationPublicPage, OfferFormPage, OfferModerationPage, OfferPage, ProfileFormPage } from "./views/directory-views.js";

const LOGO_MAX_BYTES = 200 * 1024;

const asValues = (o: service.Offer): Record<string, string> => ({
  kind: o.kind,
  title: o.title,
  description: o.description,
  categoryId: o.category_id ?? "",
  targetGroups: o.target_groups,
  placeName: o.place_name ?? "",
  address: o.address ?? "",
  postcode: o.postcode ?? "",
  online: o.online ? "on" : "",
  slots: o.time_slots,
  timeText: o.time_text,
  accessibility: o.accessibility,
  languages: o.languages,
  price: o.price,
  priceText: o.price_text ?? "",
  contactEmail: o.contact_email,
  contactPhone: o.contact_phone ?? "",
  linkUrl: o.link_url ?? "",
});

async function showForm(
  c: Context<AppEnv>,
  action: string,
  associationId: string,
  values: Record<string, string>,
  errors?: FieldErrors,
  status: 200 | 422 = 200,
) {
  const ctx = serviceContext(c);
  const [categories, targetGroups] = await Promise.all([
    terms(ctx.db, ctx.tenant.id, "category", ctx.lang),
    terms(ctx.db, ctx.tenant.id, "target_group", ctx.lang),
  ]);
  const page = (
    <OfferFormPage action={action} associationId={associationId} categories={categories} targetGroups={targetGroups} values={values} errors={errors} />
  );
  return render(c, c.get("t")(action.endsWith("/new") ? "offer.new.title" : "offer.edit"), page, status);
}

async function saveOffer(c: Context<AppEnv>, id: string | null) {
  const ctx = serviceContext(c);
  const action = id ? `/directory/offers/${id}/edit` : "/directory/offers/new";
  const form = await parseForm(c, offerInput, OFFER_LISTS);
  const associationId = id ? (await service.getForEdit(ctx, id)).association_id : (form.values.associationId ?? "");
  if (!form.ok) return showForm(c, action, associationId, form.values, form.errors, 422);
  try {
    const saved = await service.save(ctx, { associationId, id, offer: form.data });
    return c.redirect(`/directory/offers/${saved}?notice=saved`, 303);
  } catch (error) {
    if (error instanceof AppError && error.status === 422) return showForm(c, action, associationId, form.values, error.fields, 422);
    throw error;
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
    const rows = await service.moderationQueue(serviceContext(c));
    return render(c, c.get("t")("offer.moderation.title"), <OfferModerationPage rows={rows} />);
  })
  .get("/offers/new", async (c) => {
    const associationId = c.req.query("association") ?? "";
    await service.listForAssociation(serviceContext(c), associationId);
    const actor = c.get("actor");
    return showForm(c, "/directory/offers/new", associationId, {
      contactEmail: isPerson(actor) ? actor.email : "",
      languages: c.get("tenant").defaultLanguage,
    });
  })
  .post("/offers/new", (c) => saveOffer(c, null))
  .get("/offers/:id", async (c) => {
    const page = await service.offerPage(serviceContext(c), c.req.param("id"));
    return render(c, page.o.title, <OfferPage {...page} />);
  })
  .get("/offers/:id/edit", async (c) => {
    const o = await service.getForEdit(serviceContext(c), c.req.param("id"));
    return showForm(c, `/directory/offers/${o.id}/edit`, o.association_id, asValues(o));
  })
  .post("/offers/:id/edit", (c) => saveOffer(c, c.req.param("id")))
  .post("/offers/:id/confirm", async (c) => {
    await service.confirm(serviceContext(c), c.req.param("id"));
    return c.redirect(`/directory/offers/${c.req.param("id")}?notice=saved`, 303);
  })
  .post("/offers/:id/decision", async (c) => {
    const form = await parseForm(c, reviewInput);
    if (!form.ok) throw new AppError(422, "validation_failed", "validation.invalid", form.errors);
    await service.decide(serviceContext(c), c.req.param("id"), form.data.decision, form.data.note);
    return c.redirect("/directory/moderation?notice=saved", 303);
  })
  .get("/association/:id", async (c) => {
    const rows = await service.listForAssociation(serviceContext(c), c.req.param("id"));
    return render(c, c.get("t")("offer.mine.title"), <AssociationOffersPage associationId={c.req.param("id")} rows={rows} />);
  })
  .get("/associations/:id", async (c) => {
    const data = await service.associationPage(serviceContext(c), c.req.param("id"));
    return render(c, data.association.name, <AssociationPublicPage {...data} />);
  })
  .post("/associations/:id/confirm", async (c) => {
    await service.confirmAssociation(serviceContext(c), c.req.param("id"));
    return c.redirect(`/directory/associations/${c.req.param("id")}?notice=saved`, 303);
  })
  .get("/associations/:id/profile", async (c) => {
    const ctx = serviceContext(c);
    await service.listForAssociation(ctx, c.req.param("id"));
    const { association } = await service.associationPage(ctx, c.req.param("id"));
    const page = (
      <ProfileFormPage
        associationId={association.id}
        name={association.name}
        values={{ description: association.description, website: association.website ?? "" }}
      />
    );
    return render(c, c.get("t")("directory.profile.title"), page);
  })
  .post("/associations/:id/profile", uploadBody(LOGO_MAX_BYTES), async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param("id");
    await service.listForAssociation(ctx, id);
    const form = await parseForm(c, profileInput);
    const again = async (errors: FieldErrors, status: 413 | 415 | 422) => {
      const { association } = await service.associationPage(ctx, id);
      const page = <ProfileFormPage associationId={id} name={association.name} values={form.values} errors={errors} />;
      return render(c, c.get("t")("directory.profile.title"), page, status);
    };
    if (!form.ok) return again(form.errors, 422);
    let logo: Awaited<ReturnType<typeof imageUpload>>;
    try {
      logo = await imageUpload((await formBody(c)).logo, "logo", LOGO_MAX_BYTES);
    } catch (error) {
      if (error instanceof AppError && error.fields.logo) return again(error.fields, error.status as 413 | 415 | 422);
      throw error;
    }
    await service.updateProfile(ctx, id, { ...form.data, logo });
    return c.redirect(`/directory/associations/${id}?notice=saved`, 303);
  })
  .get("/associations/:id/logo", async (c) => pictureResponse(c, await service.logoOf(serviceContext(c), c.req.param("id")), "logo"));
