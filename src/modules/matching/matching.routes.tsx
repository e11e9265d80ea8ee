import { Hono } from "hono";
import { listOf } from "../../db/lists.js";
import { tokenInput } from "../../platform/auth/auth.schema.js";
import { LinkInvalidPage } from "../../platform/auth/views/auth-views.js";
import type { AppEnv } from "../../platform/http/env.js";
import { AppError, type FieldErrors, formFailure } from "../../platform/http/errors.js";
import { parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { serviceContext } from "../../platform/service-context.js";
import { terms } from "../taxonomy/index.js";
import { type ProfileForm, profileForm } from "./matching.model.js";
import { consentAnswerInput, consentInput, PROFILE_LISTS, profileInput } from "./matching.schema.js";
import * as service from "./matching.service.js";
import { ConsentAnsweredPage, ConsentLinkPage, ForYouPage, ProfilePage, StaffMatchingPage } from "./views/matching-views.js";

/** What was typed into the profile form, its checkbox groups (sent as repeated fields) as lists again. */
const typedProfile = (values: Record<string, string>): ProfileForm => ({
  ...values,
  interests: listOf(values.interests),
  slots: listOf(values.slots),
  languages: listOf(values.languages),
  needs: listOf(values.needs),
});

export const matchingRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const ctx = serviceContext(c);
    const [matches, consents] = await Promise.all([service.myMatches(ctx), service.myConsents(ctx)]);
    return render(c, c.get("t")("matching.title"), <ForYouPage matches={matches} consents={consents} />);
  })
  .post("/consents/:id/withdraw", async (c) => {
    await service.withdrawMine(serviceContext(c), c.req.param("id"));
    return c.redirect("/matching?notice=consentWithdrawn", 303);
  })
  .get("/consent", async (c) => {
    const token = tokenInput.safeParse({ token: c.req.query("token") });
    const consent = token.success ? await service.consentByLink(serviceContext(c), token.data.token) : null;
    const t = c.get("t");
    if (!token.success || !consent) return render(c, t("auth.linkInvalid.title"), <LinkInvalidPage />, 400);
    return render(c, t("matching.consentLink.title"), <ConsentLinkPage consent={consent} token={token.data.token} />);
  })
  .post("/consent", async (c) => {
    const form = await parseForm(c, consentAnswerInput);
    const t = c.get("t");
    if (!form.ok) return render(c, t("auth.linkInvalid.title"), <LinkInvalidPage />, 400);
    await service.answerByLink(serviceContext(c), form.data.token, form.data.answer === "yes");
    return render(c, t("matching.consentLink.title"), <ConsentAnsweredPage confirmed={form.data.answer === "yes"} />);
  })
  .get("/profile", async (c) => {
    const ctx = serviceContext(c);
    const [profile, categories] = await Promise.all([service.myProfile(ctx), terms(ctx.db, ctx.tenant, "category", ctx.lang)]);
    return render(c, c.get("t")("matching.profile.title"), <ProfilePage values={profileForm(profile)} categories={categories} />);
  })
  .post("/profile", async (c) => {
    const ctx = serviceContext(c);
    const form = await parseForm(c, profileInput, PROFILE_LISTS);
    const categories = await terms(ctx.db, ctx.tenant, "category", ctx.lang);
    const again = (errors: FieldErrors, status: 409 | 413 | 415 | 422 | 429 = 422) =>
      render(c, c.get("t")("matching.profile.title"), <ProfilePage values={typedProfile(form.values)} errors={errors} categories={categories} />, status);
    if (!form.ok) return again(form.errors);
    try {
      await service.saveMyProfile(ctx, form.data);
    } catch (error) {
      const f = formFailure(error);
      return again(f.fields, f.status);
    }
    return c.redirect("/matching?notice=profileSaved", 303);
  })
  .get("/staff", async (c) => {
    const ctx = serviceContext(c);
    service.assertMayMatchForOthers(ctx);
    const citizen = c.req.query("citizen");
    try {
      const result = citizen ? await service.matchesForCitizen(ctx, citizen) : undefined;
      return render(c, c.get("t")("matching.staff.title"), <StaffMatchingPage result={result} />);
    } catch (error) {
      // A consent withdrawn since the link was made: say so on the page where a new one is asked for.
      if (!(error instanceof AppError) || error.code !== "consent_required") throw error;
      return render(c, c.get("t")("matching.staff.title"), <StaffMatchingPage noConsent />, 403);
    }
  })
  .post("/staff", async (c) => {
    const ctx = serviceContext(c);
    const form = await parseForm(c, consentInput);
    const again = (errors: FieldErrors, status: 409 | 413 | 415 | 422 | 429 = 422) =>
      render(c, c.get("t")("matching.staff.title"), <StaffMatchingPage values={form.values} errors={errors} />, status);
    if (!form.ok) return again(form.errors);
    try {
      const citizenId = await service.recordConsent(ctx, form.data);
      return c.redirect(`/matching/staff?citizen=${citizenId}`, 303);
    } catch (error) {
      const f = formFailure(error);
      return again(f.fields, f.status);
    }
  });
