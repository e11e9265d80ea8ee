import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/env.js";
import { AppError, type FieldErrors } from "../../platform/http/errors.js";
import { parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { serviceContext } from "../../platform/service-context.js";
import { terms } from "../taxonomy/index.js";
import { consentInput, PROFILE_LISTS, profileInput } from "./matching.schema.js";
import * as service from "./matching.service.js";
import { ForYouPage, ProfilePage, StaffMatchingPage } from "./views/matching-views.js";

const profileValues = (p: Awaited<ReturnType<typeof service.myProfile>>): Record<string, string> =>
  p
    ? {
        interests: p.interests,
        skills: p.skills,
        slots: p.time_slots,
        postcode: p.postcode ?? "",
        maxKm: p.max_km?.toString() ?? "",
        languages: p.languages,
        needs: p.needs,
        setting: p.setting,
        rhythm: p.rhythm,
      }
    : {};

export const matchingRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const matches = await service.myMatches(serviceContext(c));
    return render(c, c.get("t")("matching.title"), <ForYouPage matches={matches} />);
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
