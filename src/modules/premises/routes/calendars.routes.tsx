import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/env.js";
import { type FieldErrors, formFailure, notFound } from "../../../platform/http/errors.js";
import { formBody } from "../../../platform/http/forms.js";
import { render } from "../../../platform/http/render.js";
import { serviceContext } from "../../../platform/service-context.js";
import * as feeds from "../premises.feeds.js";
import * as service from "../premises.service.js";
import { MyBookingsPage } from "../views/booking-views.js";
import { bookingAssociations } from "./booking-associations.js";

/** An association's secret calendar address: made on the bookings page, read by calendar programs. */
export const calendarsRoutes = new Hono<AppEnv>()
  .post("/", async (c) => {
    const associationId = (await formBody(c)).associationId;
    const page = async (shown: { calendarUrl?: string; errors?: FieldErrors }, status: 200 | 422 = 200) =>
      render(
        c,
        c.get("t")("premises.mine"),
        <MyBookingsPage rows={await service.myBookings(serviceContext(c))} associations={await bookingAssociations(c)} {...shown} />,
        status,
      );
    try {
      return page({ calendarUrl: await feeds.renewCalendarAddress(serviceContext(c), typeof associationId === "string" ? associationId : "") });
    } catch (error) {
      return page({ errors: formFailure(error).fields }, 422);
    }
  })
  .get("/:file", async (c) => {
    const file = c.req.param("file");
    if (!file.endsWith(".ics")) throw notFound();
    const ics = await feeds.associationFeed(serviceContext(c), file.slice(0, -4));
    return c.body(ics, 200, { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "no-store" });
  });
