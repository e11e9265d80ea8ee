import type { Context } from "hono";
import { Hono } from "hono";
import { isPerson } from "../../../platform/auth/policy.js";
import type { AppEnv } from "../../../platform/http/env.js";
import { type FieldErrors, formFailure, unauthenticated } from "../../../platform/http/errors.js";
import { formBody, parseForm } from "../../../platform/http/forms.js";
import { render } from "../../../platform/http/render.js";
import { serviceContext } from "../../../platform/service-context.js";
import { cancel } from "../bookings/cancel-booking.js";
import { answerProposal, moveDate, proposeTime } from "../bookings/change-booking.js";
import { SlotTaken } from "../bookings/hold.js";
import * as feeds from "../premises.feeds.js";
import type { Alternative } from "../premises.model.js";
import { cancelInput, moveInput, proposeInput } from "../premises.schema.js";
import * as service from "../premises.service.js";
import * as usage from "../premises.usage.js";
import { BookingPage, MyBookingsPage } from "../views/booking-views.js";
import { bookingAssociations } from "./booking-associations.js";

/** The booking's page again with what went wrong (and what is free instead), at the failure's status. */
async function showBooking(c: Context<AppEnv>, id: string, failed?: { errors: FieldErrors; alternatives?: Alternative[]; status: 409 | 422 }) {
  const page = await service.bookingPage(serviceContext(c), id);
  return render(
    c,
    c.get("t")("premises.bookingOf", { premise: page.booking.premiseName }),
    <BookingPage {...page} errors={failed?.errors} alternatives={failed?.alternatives} />,
    failed?.status ?? 200,
  );
}

/** Runs a change to a booking from its page: back to the page when done, or the page with the failure. */
async function change(c: Context<AppEnv>, id: string, work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    const f = formFailure(error);
    return showBooking(c, id, { errors: f.fields, alternatives: f instanceof SlotTaken ? f.alternatives : [], status: f.status === 409 ? 409 : 422 });
  }
  return c.redirect(`/premises/bookings/${id}?notice=saved`, 303);
}

/** A person's bookings and each booking's page, where it is cancelled, moved, answered or decided on. */
export const bookingsRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    if (!isPerson(c.get("actor"))) throw unauthenticated();
    return render(
      c,
      c.get("t")("premises.mine"),
      <MyBookingsPage rows={await service.myBookings(serviceContext(c))} associations={await bookingAssociations(c)} />,
    );
  })
  .get("/:id", (c) => showBooking(c, c.req.param("id")))
  .get("/:id/calendar.ics", async (c) => {
    const ics = await feeds.bookingFeed(serviceContext(c), c.req.param("id"));
    return c.body(ics, 200, { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'attachment; filename="booking.ics"' });
  })
  .post("/:id/move", async (c) => {
    const id = c.req.param("id");
    const form = await parseForm(c, moveInput);
    if (!form.ok) return showBooking(c, id, { errors: form.errors, status: 422 });
    return change(c, id, () => moveDate(serviceContext(c), id, form.data));
  })
  .post("/:id/propose", async (c) => {
    const id = c.req.param("id");
    const form = await parseForm(c, proposeInput);
    if (!form.ok) return showBooking(c, id, { errors: form.errors, status: 422 });
    return change(c, id, () => proposeTime(serviceContext(c), id, form.data));
  })
  .post("/:id/answer", async (c) => {
    const answer = (await formBody(c)).answer;
    await answerProposal(serviceContext(c), c.req.param("id"), answer === "accept");
    return c.redirect(`/premises/bookings/${c.req.param("id")}?notice=saved`, 303);
  })
  .post("/:id/no-show", async (c) => {
    const id = c.req.param("id");
    const form = await formBody(c);
    return change(c, id, () => usage.reportNoShow(serviceContext(c), id, typeof form.date === "string" ? form.date : ""));
  })
  .post("/:id/cancel", async (c) => {
    const id = c.req.param("id");
    const form = await parseForm(c, cancelInput);
    if (!form.ok) return showBooking(c, id, { errors: { scope: "validation.invalid" }, status: 422 });
    return change(c, id, () => cancel(serviceContext(c), id, form.data.scope, form.data.date));
  });
