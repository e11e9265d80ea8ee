import type { Context } from "hono";
import { Hono } from "hono";
import { can, isPerson } from "../../platform/auth/policy.js";
import type { AppEnv } from "../../platform/http/env.js";
import { AppError, type FieldErrors, unauthenticated } from "../../platform/http/errors.js";
import { formBody, parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { serviceContext } from "../../platform/service-context.js";
import { canDecideBookings } from "./premises.policy.js";
import { adjustInput, roundInput, wishInput } from "./premises.schema.js";
import * as rounds from "./rounds.js";
import { bookingAssociations } from "./routes/booking-associations.js";
import { bookingsRoutes } from "./routes/bookings.routes.js";
import { calendarsRoutes } from "./routes/calendars.routes.js";
import { manageRoutes } from "./routes/manage.routes.js";
import { premiseRoutes } from "./routes/premise.routes.js";
import { requestsRoutes } from "./routes/requests.routes.js";
import { usageRoutes } from "./routes/usage.routes.js";
import { RoundPage, RoundsPage } from "./views/round-views.js";

async function showRound(c: Context<AppEnv>, id: string, extra: { values?: Record<string, string>; errors?: FieldErrors } = {}, status: 200 | 409 | 422 = 200) {
  const ctx = serviceContext(c);
  const data = await rounds.roundPage(ctx, id);
  const quality = data.staff && data.round.status === "allocating" ? await rounds.quality(ctx, id) : null;
  return render(c, data.round.name, <RoundPage {...data} associations={await bookingAssociations(c)} quality={quality} {...extra} />, status);
}

/**
 * The premises pages, one file per sub-path. Order matters: the fixed paths come before a premise's
 * own "/:id" pages, which take whatever is left.
 */
export const premisesRoutes = new Hono<AppEnv>()
  .route("/bookings", bookingsRoutes)
  .route("/requests", requestsRoutes)
  .route("/calendars", calendarsRoutes)
  .route("/", usageRoutes)
  .get("/rounds", async (c) => {
    if (!isPerson(c.get("actor"))) throw unauthenticated();
    const ctx = serviceContext(c);
    return render(
      c,
      c.get("t")("round.title"),
      <RoundsPage rounds={await rounds.rounds(ctx)} staff={can(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id })} />,
    );
  })
  .post("/rounds", async (c) => {
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
  .get("/rounds/:id", (c) => showRound(c, c.req.param("id")))
  .post("/rounds/:id/apply", async (c) => {
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
  .post("/rounds/:id/propose", async (c) => {
    await rounds.propose(serviceContext(c), c.req.param("id"));
    return c.redirect(`/premises/rounds/${c.req.param("id")}?notice=saved`, 303);
  })
  .post("/rounds/:id/publish", async (c) => {
    await rounds.publish(serviceContext(c), c.req.param("id"));
    return c.redirect(`/premises/rounds/${c.req.param("id")}?notice=saved`, 303);
  })
  .post("/rounds/:id/applications/:applicationId", async (c) => {
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
  .post("/rounds/:id/applications/:applicationId/respond", async (c) => {
    const response = (await formBody(c)).response;
    await rounds.respond(serviceContext(c), c.req.param("id"), c.req.param("applicationId"), response === "released" ? "released" : "confirmed");
    return c.redirect(`/premises/rounds/${c.req.param("id")}?notice=saved`, 303);
  })
  .route("/", manageRoutes)
  .route("/", premiseRoutes);
