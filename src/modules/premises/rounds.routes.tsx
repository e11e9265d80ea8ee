import type { Context } from "hono";
import { Hono } from "hono";
import { can, isPerson } from "../../platform/auth/policy.js";
import type { AppEnv } from "../../platform/http/env.js";
import { AppError, type FieldErrors, unauthenticated } from "../../platform/http/errors.js";
import { formBody, parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { serviceContext } from "../../platform/service-context.js";
import { namesForMember } from "../associations/index.js";
import { canBookFor, canDecideBookings } from "./premises.policy.js";
import { adjustInput, roundInput, wishInput } from "./premises.schema.js";
import * as rounds from "./rounds.js";
import { RoundPage, RoundsPage } from "./views/round-views.js";

/** The associations this person may book for. */
async function bookingAssociations(c: Context<AppEnv>) {
  const actor = c.get("actor");
  if (!isPerson(actor)) return [];
  const mine = await namesForMember(c.get("deps").db, actor.tenantId, actor.userId);
  return mine.filter((a) => can(actor, canBookFor, { tenantId: actor.tenantId, associationId: a.id }));
}

async function showRound(c: Context<AppEnv>, id: string, extra: { values?: Record<string, string>; errors?: FieldErrors } = {}, status: 200 | 409 | 422 = 200) {
  const ctx = serviceContext(c);
  const data = await rounds.roundPage(ctx, id);
  const quality = data.staff && data.round.status === "allocating" ? await rounds.quality(ctx, id) : null;
  return render(c, data.round.name, <RoundPage {...data} associations={await bookingAssociations(c)} quality={quality} {...extra} />, status);
}

/** Seasonal allocation rounds, under /premises/rounds. */
export const roundsRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    if (!isPerson(c.get("actor"))) throw unauthenticated();
    const ctx = serviceContext(c);
    return render(
      c,
      c.get("t")("round.title"),
      <RoundsPage rounds={await rounds.rounds(ctx)} staff={can(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id })} />,
    );
  })
  .post("/", async (c) => {
    const ctx = serviceContext(c);
    const form = await parseForm(c, roundInput);
    if (!form.ok) {
      const page = (
        <RoundsPage
          rounds={await rounds.rounds(ctx)}
          staff={can(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id })}
          errors={form.errors}
          values={form.values}
        />
      );
      return render(c, c.get("t")("round.title"), page, 422);
    }
    const id = await rounds.createRound(ctx, form.data);
    return c.redirect(`/premises/rounds/${id}?notice=saved`, 303);
  })
  .get("/:id", (c) => showRound(c, c.req.param("id")))
  .post("/:id/apply", async (c) => {
    const id = c.req.param("id");
    const form = await parseForm(c, wishInput);
    if (!form.ok) return showRound(c, id, { values: form.values, errors: form.errors }, 422);
    try {
      await rounds.apply(serviceContext(c), id, form.data);
    } catch (error) {
      if (error instanceof AppError && error.status === 422) return showRound(c, id, { values: form.values, errors: error.fields }, 422);
      throw error;
    }
    return c.redirect(`/premises/rounds/${id}?notice=saved`, 303);
  })
  .post("/:id/propose", async (c) => {
    await rounds.propose(serviceContext(c), c.req.param("id"));
    return c.redirect(`/premises/rounds/${c.req.param("id")}?notice=saved`, 303);
  })
  .post("/:id/publish", async (c) => {
    await rounds.publish(serviceContext(c), c.req.param("id"));
    return c.redirect(`/premises/rounds/${c.req.param("id")}?notice=saved`, 303);
  })
  .post("/:id/applications/:applicationId", async (c) => {
    const form = await parseForm(c, adjustInput);
    const change =
      form.ok && form.data.premiseId && form.data.weekday && form.data.start
        ? { premiseId: form.data.premiseId, weekday: Number(form.data.weekday), start: form.data.start }
        : null;
    try {
      await rounds.adjust(serviceContext(c), c.req.param("id"), c.req.param("applicationId"), change);
    } catch (error) {
      if (error instanceof AppError && (error.status === 409 || error.status === 422))
        return showRound(c, c.req.param("id"), { errors: error.fields }, error.status);
      throw error;
    }
    return c.redirect(`/premises/rounds/${c.req.param("id")}?notice=saved`, 303);
  })
  .post("/:id/applications/:applicationId/respond", async (c) => {
    const response = (await formBody(c)).response;
    await rounds.respond(serviceContext(c), c.req.param("id"), c.req.param("applicationId"), response === "released" ? "released" : "confirmed");
    return c.redirect(`/premises/rounds/${c.req.param("id")}?notice=saved`, 303);
  });
