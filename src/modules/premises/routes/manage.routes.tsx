import type { Context } from "hono";
import { Hono } from "hono";
import { listOf } from "../../../db/lists.js";
import { imageUpload, pictureResponse } from "../../../platform/files/images.js";
import { uploadBody } from "../../../platform/http/body-limit.js";
import type { AppEnv } from "../../../platform/http/env.js";
import { type FieldErrors, formFailure } from "../../../platform/http/errors.js";
import { formBody, issuesToFieldErrors, parseForm } from "../../../platform/http/forms.js";
import { render } from "../../../platform/http/render.js";
import { serviceContext } from "../../../platform/service-context.js";
import * as manage from "../premises.manage.js";
import type { Premise } from "../premises.model.js";
import { closureInput, hoursInput, PREMISE_LISTS, premiseInput, seasonInput } from "../premises.schema.js";
import * as service from "../premises.service.js";
import { ManagePage, PremiseFormPage } from "../views/manage-views.js";

const NEW_PREMISE: Record<string, string> = {
  kind: "room",
  whoMayBook: "associations",
  approval: "manual",
  bookable: "on",
  pricePerHour: "0",
  minMinutes: "30",
  maxMinutes: "480",
  maxDaysAhead: "365",
  bufferMinutes: "0",
  cancelHours: "24",
};

/** A premise as the form's fields, as a person would type them. */
const premiseValues = (p: Premise): Record<string, string> => ({
  name: p.name,
  kind: p.kind,
  parentId: p.parentId ?? "",
  description: p.description,
  address: p.address ?? "",
  postcode: p.postcode ?? "",
  capacity: p.capacity?.toString() ?? "",
  sizeM2: p.sizeM2?.toString() ?? "",
  facilities: p.facilities.join(","),
  accessibility: p.accessibility.join(","),
  houseRules: p.houseRules,
  accessDetails: p.accessDetails,
  bookable: p.bookable ? "on" : "",
  whoMayBook: p.whoMayBook,
  approval: p.approval,
  pricePerHour: (p.pricePerHour / 100).toString(),
  minMinutes: String(p.minMinutes),
  maxMinutes: String(p.maxMinutes),
  maxDaysAhead: String(p.maxDaysAhead),
  bufferMinutes: String(p.bufferMinutes),
  cancelHours: String(p.cancelHours),
});

/** The premise form: new, or the whole edit page with hours and closures. */
async function showPremiseForm(
  c: Context<AppEnv>,
  id: string | null,
  values: Record<string, string> | null,
  extra: {
    errors?: FieldErrors;
    hourErrors?: FieldErrors;
    seasonErrors?: FieldErrors;
    closureErrors?: FieldErrors;
    photoErrors?: FieldErrors;
    photoAlt?: string;
  } = {},
  status: 200 | 409 | 413 | 415 | 422 | 429 = 200,
) {
  const ctx = serviceContext(c);
  manage.mayManage(ctx);
  const data = id ? await manage.editData(ctx, id) : null;
  const tree = data?.tree ?? (await service.premiseTree(ctx));
  const shown = values ?? (data ? premiseValues(data.premise) : { ...NEW_PREMISE, parentId: c.req.query("parent") ?? "" });
  const page = (
    <PremiseFormPage
      action={id ? `/premises/${id}/edit` : "/premises/manage/new"}
      tree={tree}
      values={shown}
      // The form sends the ticked codes back joined, as the stored list is.
      accessibility={listOf(shown.accessibility)}
      editing={data ? { id: data.premise.id, hours: data.hours, seasons: data.seasons, closures: data.closures, photos: data.photos } : undefined}
      {...extra}
    />
  );
  return render(c, data?.premise.name ?? c.get("t")("premise.new"), page, status);
}

async function savePremise(c: Context<AppEnv>, id: string | null) {
  const form = await parseForm(c, premiseInput, PREMISE_LISTS);
  if (!form.ok) return showPremiseForm(c, id, form.values, { errors: form.errors }, 422);
  try {
    const saved = await manage.savePremise(serviceContext(c), id, form.data);
    return c.redirect(`/premises/${saved}/edit?notice=saved`, 303);
  } catch (error) {
    const f = formFailure(error);
    return showPremiseForm(c, id, form.values, { errors: f.fields }, f.status);
  }
}

const saved = (c: Context<AppEnv>, id: string) => c.redirect(`/premises/${id}/edit?notice=saved`, 303);

/** Staff describe premises: what they are, their hours, seasons, closures and photos. */
export const manageRoutes = new Hono<AppEnv>()
  .get("/manage", async (c) => {
    const ctx = serviceContext(c);
    manage.mayManage(ctx);
    return render(c, c.get("t")("premise.manage.title"), <ManagePage tree={await service.premiseTree(ctx)} />);
  })
  .get("/manage/new", (c) => showPremiseForm(c, null, null))
  .post("/manage/new", (c) => savePremise(c, null))
  .get("/:id/edit", (c) => showPremiseForm(c, c.req.param("id"), null))
  .post("/:id/edit", (c) => savePremise(c, c.req.param("id")))
  .post("/:id/hours", async (c) => {
    const id = c.req.param("id");
    const form = await parseForm(c, hoursInput);
    const season = form.ok && (form.values.from || form.values.to) ? seasonInput.safeParse(form.values) : null;
    const show = (errors: FieldErrors) => showPremiseForm(c, id, null, season ? { seasonErrors: errors } : { hourErrors: errors }, 422);
    if (!form.ok) return show(form.errors);
    if (season && !season.success) return show(issuesToFieldErrors(season.error.issues));
    try {
      await manage.saveHours(serviceContext(c), id, form.data, season?.data ?? null);
    } catch (error) {
      return show(formFailure(error).fields);
    }
    return saved(c, id);
  })
  .post("/:id/seasons/delete", async (c) => {
    const id = c.req.param("id");
    const form = await parseForm(c, seasonInput);
    if (form.ok) await manage.saveHours(serviceContext(c), id, {}, form.data);
    return saved(c, id);
  })
  .post("/:id/closures", async (c) => {
    const id = c.req.param("id");
    const form = await parseForm(c, closureInput);
    if (!form.ok) {
      manage.mayManage(serviceContext(c));
      return showPremiseForm(c, id, null, { closureErrors: form.errors }, 422);
    }
    await manage.addClosure(serviceContext(c), id, form.data);
    return saved(c, id);
  })
  .post("/:id/delete", async (c) => {
    const id = c.req.param("id");
    try {
      await manage.deletePremise(serviceContext(c), id);
    } catch (error) {
      return showPremiseForm(c, id, null, { errors: formFailure(error).fields }, 422);
    }
    return c.redirect("/premises/manage?notice=saved", 303);
  })
  .post("/:id/photos", uploadBody(manage.PHOTO_MAX_BYTES), async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param("id");
    manage.mayManage(ctx);
    const body = await formBody(c);
    const alt = typeof body.alt === "string" ? body.alt : "";
    try {
      const photo = await imageUpload(body.photo, "photo", manage.PHOTO_MAX_BYTES);
      await manage.addPhoto(ctx, id, photo, alt);
    } catch (error) {
      const f = formFailure(error);
      return showPremiseForm(c, id, null, { photoErrors: f.fields, photoAlt: alt }, f.status);
    }
    return saved(c, id);
  })
  .post("/:id/photos/:photoId/delete", async (c) => {
    await manage.removePhoto(serviceContext(c), c.req.param("id"), c.req.param("photoId"));
    return saved(c, c.req.param("id"));
  })
  .get("/:id/photos/:photoId", async (c) => pictureResponse(c, await manage.photoFile(serviceContext(c), c.req.param("id"), c.req.param("photoId")), "photo"))
  .post("/:id/closures/:closureId/delete", async (c) => {
    await manage.removeClosure(serviceContext(c), c.req.param("id"), c.req.param("closureId"));
    return saved(c, c.req.param("id"));
  });
