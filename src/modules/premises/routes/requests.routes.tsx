import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/env.js";
import { type FieldErrors, formFailure } from "../../../platform/http/errors.js";
import { parseForm } from "../../../platform/http/forms.js";
import { render } from "../../../platform/http/render.js";
import { serviceContext } from "../../../platform/service-context.js";
import { decide } from "../bookings/decide-bookings.js";
import { DECISION_LISTS, decisionInput } from "../premises.schema.js";
import * as service from "../premises.service.js";
import { RequestsPage } from "../views/booking-views.js";

/** The caseworker's queue of requests, decided many at a time. */
export const requestsRoutes = new Hono<AppEnv>()
  .get("/", async (c) => render(c, c.get("t")("premises.requests"), <RequestsPage rows={await service.pendingQueue(serviceContext(c))} />))
  .post("/", async (c) => {
    const ctx = serviceContext(c);
    const form = await parseForm(c, decisionInput, DECISION_LISTS);
    const again = async (errors: FieldErrors) =>
      render(c, c.get("t")("premises.requests"), <RequestsPage rows={await service.pendingQueue(ctx)} errors={errors} />, 422);
    if (!form.ok) return again(form.errors);
    try {
      await decide(ctx, form.data.ids, form.data.decision, form.data.note);
    } catch (error) {
      return again(formFailure(error).fields);
    }
    return c.redirect("/premises/requests?notice=requestsDecided", 303);
  });
