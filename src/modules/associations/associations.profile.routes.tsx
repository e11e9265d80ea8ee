import { Hono } from "hono";
import { imageUpload, pictureResponse } from "../../platform/files/images.js";
import { uploadBody } from "../../platform/http/body-limit.js";
import type { AppEnv } from "../../platform/http/env.js";
import { formFailure, invalid } from "../../platform/http/errors.js";
import { formBody, parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { decisionInput } from "../../platform/moderation/decision.schema.js";
import { serviceContext } from "../../platform/service-context.js";
import * as profile from "./associations.profile.js";
import { profileInput } from "./associations.schema.js";
import { ProfileFormPage } from "./views/profile-views.js";

const LOGO_MAX_BYTES = 200 * 1024;

/** An association's public profile, edited beside its page in the directory (mounted at /directory/associations). */
export const profileRoutes = new Hono<AppEnv>()
  .post("/:id/confirm", async (c) => {
    await profile.confirmProfile(serviceContext(c), c.req.param("id"));
    return c.redirect(`/directory/associations/${c.req.param("id")}?notice=saved`, 303);
  })
  .get("/:id/profile", async (c) => {
    const { association: a, change } = await profile.profileWithChange(serviceContext(c), c.req.param("id"));
    const shown = change?.content ?? a;
    const page = (
      <ProfileFormPage
        associationId={a.id}
        name={a.name}
        values={{ description: shown.description, website: shown.website ?? "" }}
        pending={change && { association: a, change }}
      />
    );
    return render(c, c.get("t")("directory.profile.title"), page);
  })
  .post("/:id/profile/withdraw", async (c) => {
    await profile.withdrawProfileChange(serviceContext(c), c.req.param("id"));
    return c.redirect(`/directory/associations/${c.req.param("id")}/profile?notice=changeWithdrawn`, 303);
  })
  .post("/:id/profile/decision", async (c) => {
    const ctx = serviceContext(c);
    const form = await parseForm(c, decisionInput);
    if (!form.ok) throw invalid(form.errors);
    await profile.decideProfileChange(ctx, c.req.param("id"), form.data.decision, form.data.note);
    return c.redirect(`/directory/moderation?notice=${form.data.decision === "approve" ? "changeApproved" : "changeRejected"}`, 303);
  })
  .post("/:id/profile", uploadBody(LOGO_MAX_BYTES), async (c) => {
    const ctx = serviceContext(c);
    const a = await profile.profileForEdit(ctx, c.req.param("id"));
    const form = await parseForm(c, profileInput);
    try {
      if (!form.ok) throw invalid(form.errors);
      const logo = await imageUpload((await formBody(c)).logo, "logo", LOGO_MAX_BYTES);
      const { waits } = await profile.updateProfile(ctx, a.id, { ...form.data, logo });
      if (waits) return c.redirect(`/directory/associations/${a.id}?notice=changePending`, 303);
    } catch (error) {
      const f = formFailure(error);
      const page = <ProfileFormPage associationId={a.id} name={a.name} values={form.values} errors={f.fields} />;
      return render(c, c.get("t")("directory.profile.title"), page, f.status);
    }
    return c.redirect(`/directory/associations/${a.id}?notice=saved`, 303);
  })
  .get("/:id/logo", async (c) => pictureResponse(c, await profile.logoOf(serviceContext(c), c.req.param("id")), "logo"));
