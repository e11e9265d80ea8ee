import { Hono } from "hono";
import { tokenInput } from "../../platform/auth/auth.schema.js";
import { LinkInvalidPage } from "../../platform/auth/views/auth-views.js";
import type { AppEnv } from "../../platform/http/env.js";
import { AppError, type FieldErrors } from "../../platform/http/errors.js";
import { parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { serviceContext } from "../../platform/service-context.js";
import { terms } from "../taxonomy/index.js";
import { consentAnswerInput, consentInput, PROFILE_LISTS, profileInput } from "./matching.schema.js";
import * as service from "./matching.service.js";
import { ConsentAnsweredPage, ConsentLinkPage, ForYouPage, ProfilePage, StaffMatchingPage } from "./views/matching-views.js";

const profileValues = (p: Awaited<ReturnType<typeof service.myProfile>>): Record<string, string> =>
  p
    ? {
        interests: p.interests.join(","),
        skills: p.skills,
        slots: p.slots.join(","),
        postcode: p.postcode ?? "",
        maxKm: p.maxKm?.toString() ?? "",
        languages: p.languages.join(","),
        needs: p.needs.join(","),
        setting: p.setting,
        rhythm: p.rhythm,
      }
    : {};

export const matchingRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const ctx = serviceContext(c);
    const [matches, consents] = await Promise.all([service.myMatches(ctx), service.myConsents(ctx)]);
    return render(c, c.get("t")("matching.title"), <ForYouPage matches={matches} consents={consents} />);
  })
  .post("/consents/:id/withdraw", async (c) => {
    await service.withdrawMine(serviceContext(c), c.req.param("id"));
    return c.redirect("/matching?notice=saved", 303);
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
    const [profile, categories] = await Promise.all([service.myProfile(ctx), terms(ctx.db, ctx.tenant.id, "category", ctx.lang)]);
    return render(c, c.get("t")("matching.profile.title"), <ProfilePage values={profileValues(profile)} categories={categories} />);
  })
  .post("/profile", async (c) => {
    const ctx = serviceContext(c);
    const form = await parseForm(c, profileInput, PROFILE_LISTS);
    const categories = await terms(ctx.db, ctx.tenant.id, "category", ctx.lang);
    const again = (errors: FieldErrors) =>
      render(c, c.get("t")("matching.profile.title"), <ProfilePage values={form.values} errors={errors} categories={categories} />, 422);
    if (!form.ok) return again(form.errors);
    try {
      await service.saveMyProfile(ctx, form.data);
    } catch (error) {
      if (error instanceof AppError && error.status === 422) return again(error.fields);
      throw error;
    }
    return c.redirect("/matching?notice=saved", 303);
  })
  .get("/staff", async (c) => {
    const ctx = serviceContext(c);
    service.assertMayMatchForOthers(ctx);
    const citizen = c.req.query("citizen");
    const result = citizen ? await service.matchesForCitizen(ctx, citizen) : undefined;
    return render(c, c.get("t")("matching.staff.title"), <StaffMatchingPage result={result} />);
  })
  .post("/staff", async (c) => {
    const ctx = serviceContext(c);
    const form = await parseForm(c, consentInput);
    const again = (errors: FieldErrors) => render(c, c.get("t")("matching.staff.title"), <StaffMatchingPage values={form.values} errors={errors} />, 422);
    if (!form.ok) return again(form.errors);
    try {
      const citizenId = await service.recordConsent(ctx, form.data);
      return c.redirect(`/matching/staff?citizen=${citizenId}`, 303);
    } catch (error) {
      if (error instanceof AppError && error.status === 422) return again(error.fields);
      throw error;
    }
  });
