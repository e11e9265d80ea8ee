import type { Context } from "hono";
import { Hono } from "hono";
import { isPerson } from "../../../platform/auth/policy.js";
import { parseDate } from "../../../platform/dates.js";
import type { AppEnv } from "../../../platform/http/env.js";
import { type FieldErrors, forbidden, formFailure, notFound, unauthenticated } from "../../../platform/http/errors.js";
import { parseForm } from "../../../platform/http/forms.js";
import { render } from "../../../platform/http/render.js";
import { serviceContext } from "../../../platform/service-context.js";
import { localToday, mondayOf } from "../../../platform/time/recurrence.js";
import { agreementsPartOf } from "../../agreements/index.js";
import { SlotTaken } from "../bookings/hold.js";
import { requestBooking } from "../bookings/request-booking.js";
import * as feeds from "../premises.feeds.js";
import * as find from "../premises.find.js";
import * as manage from "../premises.manage.js";
import type { Alternative } from "../premises.model.js";
import { bookingInput, findInput } from "../premises.schema.js";
import * as service from "../premises.service.js";
import { BookingFormPage, FindPage, PremisePage } from "../views/premises-views.js";
import { bookingAssociations } from "./booking-associations.js";

async function showBookingForm(
  c: Context<AppEnv>,
  premiseId: string,
  values: Record<string, string>,
  failed: { errors?: FieldErrors; alternatives?: Alternative[] } = {},
  status: 200 | 409 | 422 = 200,
) {
  const tree = await service.premiseTree(serviceContext(c));
  const premise = tree.byId.get(premiseId);
  if (!premise) throw notFound();
  const page = <BookingFormPage premise={premise} associations={await bookingAssociations(c)} values={values} {...failed} />;
  return render(c, c.get("t")("premises.bookTitle", { premise: premise.name }), page, status);
}

/** Finding a free room, a premise's own page and calendar, and asking to book it. */
export const premiseRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const input = findInput.parse(Object.fromEntries(["date", "start", "end", "people", "stepFree", "near"].map((k) => [k, c.req.query(k) || undefined])));
    const { rooms, nearUnknown } = await find.findRooms(serviceContext(c), input);
    return render(
      c,
      c.get("t")("premises.title"),
      <FindPage input={input} rooms={rooms} nearUnknown={nearUnknown} searched={Boolean(input.date && input.start && input.end)} />,
    );
  })
  .get("/:id", async (c) => {
    const ctx = serviceContext(c);
    const today = localToday(ctx.clock.now(), ctx.tenant.timeZone);
    const monday = mondayOf(parseDate(c.req.query("week")) ?? today);
    const data = await find.availability(ctx, c.req.param("id"), monday, 7);
    const photos = await manage.photosOf(ctx, data.premise.id);
    const partOf = await agreementsPartOf(ctx, "premise", data.premise.id);
    return render(
      c,
      data.premise.name,
      <PremisePage
        {...data}
        photos={photos}
        partOf={partOf}
        monday={monday}
        today={today}
        // Someone not signed in is asked to sign in by the booking form, and comes back to it.
        canBook={!isPerson(c.get("actor")) || (await bookingAssociations(c)).length > 0 || data.premise.whoMayBook === "everyone"}
      />,
    );
  })
  .get("/:id/calendar.ics", async (c) => {
    const ics = await feeds.roomFeed(serviceContext(c), c.req.param("id"));
    return c.body(ics, 200, { "Content-Type": "text/calendar; charset=utf-8" });
  })
  .get("/:id/book", async (c) => {
    if (!isPerson(c.get("actor"))) throw unauthenticated();
    const associations = await bookingAssociations(c);
    const premise = (await service.premiseTree(serviceContext(c))).byId.get(c.req.param("id"));
    if (associations.length === 0 && premise?.whoMayBook !== "everyone") throw forbidden();
    const q = (k: string) => c.req.query(k) ?? "";
    return showBookingForm(c, c.req.param("id"), {
      associationId: associations.find((a) => a.id === c.get("session")?.activeAssociationId)?.id ?? associations[0]?.id ?? "",
      date: q("date"),
      start: q("start"),
      end: q("end"),
      participants: q("people"),
      repeat: "none",
    });
  })
  .post("/:id/book", async (c) => {
    const premiseId = c.req.param("id");
    const form = await parseForm(c, bookingInput);
    if (!form.ok) return showBookingForm(c, premiseId, form.values, { errors: form.errors }, 422);
    try {
      const booked = await requestBooking(serviceContext(c), premiseId, form.data);
      return c.redirect(`/premises/bookings/${booked.id}?notice=${booked.status === "approved" ? "booked" : "requested"}`, 303);
    } catch (error) {
      const f = formFailure(error);
      const alternatives = f instanceof SlotTaken ? f.alternatives : [];
      return showBookingForm(c, premiseId, form.values, { errors: f.fields, alternatives }, f.status === 409 ? 409 : 422);
    }
  });
