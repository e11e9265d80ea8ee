import type { Context } from "hono";
import { Hono } from "hono";
import { isPerson } from "../../platform/auth/policy.js";
import type { AppEnv } from "../../platform/http/env.js";
import { type FieldErrors, formFailure, unauthenticated } from "../../platform/http/errors.js";
import { formBody, parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { serviceContext } from "../../platform/service-context.js";
import { adjustInput, roundInput, wishInput } from "./premises.schema.js";
import { adjustPlacement } from "./rounds/adjust-placement.js";
import { answerPlacement } from "./rounds/answer-placement.js";
import { applyForSlot } from "./rounds/apply-for-slot.js";
import { createRound } from "./rounds/create-round.js";
import { proposeAllocation } from "./rounds/propose-allocation.js";
import { publishPreview, publishRound } from "./rounds/publish-round.js";
import { roundPage, roundsPage } from "./rounds/round-pages.js";
import { PublishRoundPage, RoundPage, RoundsPage } from "./views/round-views.js";

async function showRound(
  c: Context<AppEnv>,
  id: string,
  form: { values?: Record<string, string>; errors?: FieldErrors } = {},
  status: 200 | ReturnType<typeof formFailure>["status"] = 200,
) {
  const page = await roundPage(serviceContext(c), id);
  return render(c, page.round.name, <RoundPage {...page} {...form} />, status);
}

const saved = (c: Context<AppEnv>) => c.redirect(`/premises/rounds/${c.req.param("id")}?notice=saved`, 303);

/** Seasonal allocation rounds, under /premises/rounds. */
export const roundsRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    if (!isPerson(c.get("actor"))) throw unauthenticated();
    return render(c, c.get("t")("round.title"), <RoundsPage {...(await roundsPage(serviceContext(c)))} />);
  })
  .post("/", async (c) => {
    const ctx = serviceContext(c);
    const form = await parseForm(c, roundInput);
    if (!form.ok) return render(c, c.get("t")("round.title"), <RoundsPage {...(await roundsPage(ctx))} errors={form.errors} values={form.values} />, 422);
    const id = await createRound(ctx, form.data);
    return c.redirect(`/premises/rounds/${id}?notice=saved`, 303);
  })
  .get("/:id", (c) => showRound(c, c.req.param("id")))
  .post("/:id/apply", async (c) => {
    const id = c.req.param("id");
    const form = await parseForm(c, wishInput);
    if (!form.ok) return showRound(c, id, { values: form.values, errors: form.errors }, 422);
    try {
      await applyForSlot(serviceContext(c), id, form.data);
    } catch (error) {
      const f = formFailure(error);
      return showRound(c, id, { values: form.values, errors: f.fields }, f.status);
    }
    return saved(c);
  })
  .post("/:id/propose", async (c) => {
    await proposeAllocation(serviceContext(c), c.req.param("id"));
    return saved(c);
  })
  .get("/:id/publish", async (c) => {
    const preview = await publishPreview(serviceContext(c), c.req.param("id"));
    return render(c, c.get("t")("round.publish.confirmTitle", { name: preview.round.name }), <PublishRoundPage {...preview} />);
  })
  .post("/:id/publish", async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param("id");
    // Publishing mails every association and books the season: only from the page that says so.
    if ((await formBody(c)).confirm !== "yes") return c.redirect(`/premises/rounds/${id}/publish`, 303);
    const preview = await publishPreview(ctx, id);
    if (preview.refusal) return render(c, c.get("t")("round.publish.confirmTitle", { name: preview.round.name }), <PublishRoundPage {...preview} />, 409);
    await publishRound(ctx, id);
    return saved(c);
  })
  .post("/:id/applications/:applicationId", async (c) => {
    const form = await parseForm(c, adjustInput);
    const change =
      form.ok && form.data.premiseId && form.data.weekday && form.data.start
        ? { premiseId: form.data.premiseId, weekday: Number(form.data.weekday), start: form.data.start }
        : null;
    try {
      await adjustPlacement(serviceContext(c), c.req.param("id"), c.req.param("applicationId"), change);
    } catch (error) {
      const f = formFailure(error);
      return showRound(c, c.req.param("id"), { errors: f.fields }, f.status);
    }
    return saved(c);
  })
  .post("/:id/applications/:applicationId/respond", async (c) => {
    const response = (await formBody(c)).response;
    await answerPlacement(serviceContext(c), c.req.param("id"), c.req.param("applicationId"), response === "released" ? "released" : "confirmed");
    return saved(c);
  });
