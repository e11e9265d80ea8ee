import type { Context } from "hono";
import { Hono } from "hono";
import { can, isPerson } from "../../platform/auth/policy.js";
import type { AppEnv } from "../../platform/http/env.js";
import { AppError, type FieldErrors, unauthenticated } from "../../platform/http/errors.js";
import { parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { serviceContext } from "../../platform/service-context.js";
import { namesForMember } from "../associations/index.js";
import { localToday, mondayOf } from "./occurrences.js";
import { canBookFor } from "./premises.policy.js";
import { bookingInput, cancelInput, DECISION_LISTS, decisionInput, findInput } from "./premises.schema.js";
import * as service from "./premises.service.js";
import { BookingFormPage, BookingPage, FindPage, MyBookingsPage, PremisePage, RequestsPage } from "./views/premises-views.js";

/** The associations this person may book for. */
async function bookingAssociations(c: Context<AppEnv>) {
  const actor = c.get("actor");
  if (!isPerson(actor)) return [];
  const mine = await namesForMember(c.get("deps").db, actor.tenantId, actor.userId);
  return mine.filter((a) => can(actor, canBookFor, { tenantId: actor.tenantId, associationId: a.id }));
}

async function showBookingForm(
  c: Context<AppEnv>,
  premiseId: string,
  values: Record<string, string>,
  extra: { errors?: FieldErrors; problems?: service.Problem[]; alternatives?: service.Alternative[] } = {},
  status: 200 | 409 | 422 = 200,
) {
  const tree = await service.premiseTree(serviceContext(c));
  const premise = tree.byId.get(premiseId);
  if (!premise) throw new AppError(404, "not_found", "error.notFound.text");
  const page = <BookingFormPage premise={premise} associations={await bookingAssociations(c)} values={values} {...extra} />;
  return render(c, c.get("t")("premises.bookTitle", { premise: premise.name }), page, status);
}

export const premisesRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const input = findInput.parse(Object.fromEntries(["date", "start", "end", "people", "stepFree", "near"].map((k) => [k, c.req.query(k) || undefined])));
    const { rooms, nearUnknown } = await service.findRooms(serviceContext(c), input);
    return render(
      c,
      c.get("t")("premises.title"),
      <FindPage input={input} rooms={rooms} nearUnknown={nearUnknown} searched={Boolean(input.date && input.start && input.end)} />,
    );
  })
  .get("/requests", async (c) => render(c, c.get("t")("premises.requests"), <RequestsPage rows={await service.pendingQueue(serviceContext(c))} />))
  .post("/requests", async (c) => {
    const ctx = serviceContext(c);
    const form = await parseForm(c, decisionInput, DECISION_LISTS);
    const again = async (errors: FieldErrors) =>
      render(c, c.get("t")("premises.requests"), <RequestsPage rows={await service.pendingQueue(ctx)} errors={errors} />, 422);
    if (!form.ok) {
      await service.pendingQueue(ctx);
      return again(form.errors);
    }
    try {
      await service.decide(ctx, form.data.ids, form.data.decision, form.data.note);
    } catch (error) {
      if (error instanceof AppError && error.status === 422) return again(error.fields);
      throw error;
    }
    return c.redirect("/premises/requests?notice=saved", 303);
  })
  .get("/bookings", async (c) => {
    if (!isPerson(c.get("actor"))) throw unauthenticated();
    return render(
      c,
      c.get("t")("premises.mine"),
      <MyBookingsPage rows={await service.myBookings(serviceContext(c))} associations={await bookingAssociations(c)} />,
    );
  })
  .post("/calendars", async (c) => {
    const associationId = (await c.req.parseBody()).associationId;
    const url = await service.renewCalendarAddress(serviceContext(c), typeof associationId === "string" ? associationId : "");
    return render(
      c,
      c.get("t")("premises.mine"),
      <MyBookingsPage rows={await service.myBookings(serviceContext(c))} associations={await bookingAssociations(c)} calendarUrl={url} />,
    );
  })
  .get("/calendars/:file", async (c) => {
    const file = c.req.param("file");
    if (!file.endsWith(".ics")) throw new AppError(404, "not_found", "error.notFound.text");
    const ics = await service.associationFeed(serviceContext(c), file.slice(0, -4));
    return c.body(ics, 200, { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "no-store" });
  })
  .get("/bookings/:id", async (c) => {
    const page = await service.bookingPage(serviceContext(c), c.req.param("id"));
    return render(c, c.get("t")("premises.bookingOf", { premise: page.booking.premise_name }), <BookingPage {...page} />);
  })
  .get("/bookings/:id/calendar.ics", async (c) => {
    const ics = await service.bookingFeed(serviceContext(c), c.req.param("id"));
    return c.body(ics, 200, { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'attachment; filename="booking.ics"' });
  })
  .post("/bookings/:id/cancel", async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param("id");
    const form = await parseForm(c, cancelInput);
    const problems = form.ok ? await service.cancel(ctx, id, form.data.scope, form.data.date) : [{ field: "scope", key: "validation.invalid" as const }];
    if (problems.length === 0) return c.redirect(`/premises/bookings/${id}?notice=saved`, 303);
    const page = await service.bookingPage(ctx, id);
    return render(c, c.get("t")("premises.bookingOf", { premise: page.booking.premise_name }), <BookingPage {...page} problems={problems} />, 422);
  })
  .get("/:id", async (c) => {
    const ctx = serviceContext(c);
    const week = c.req.query("week");
    const monday = mondayOf(
      week && /^\d{4}-\d{2}-\d{2}$/.test(week) && !Number.isNaN(Date.parse(week)) ? week : localToday(ctx.clock.now(), ctx.tenant.timeZone),
    );
    const data = await service.availability(ctx, c.req.param("id"), monday, 7);
    return render(c, data.premise.name, <PremisePage {...data} monday={monday} canBook={(await bookingAssociations(c)).length > 0} />);
  })
  .get("/:id/calendar.ics", async (c) => {
    const ics = await service.roomFeed(serviceContext(c), c.req.param("id"));
    return c.body(ics, 200, { "Content-Type": "text/calendar; charset=utf-8" });
  })
  .get("/:id/book", async (c) => {
    if (!isPerson(c.get("actor"))) throw unauthenticated();
    const associations = await bookingAssociations(c);
    if (associations.length === 0) throw new AppError(403, "forbidden", "error.forbidden.text");
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
    const result = await service.requestBooking(serviceContext(c), premiseId, form.data);
    if (!result.ok) {
      const taken = result.problems.some((p) => p.key === "booking.taken");
      return showBookingForm(c, premiseId, form.values, { problems: result.problems, alternatives: result.alternatives }, taken ? 409 : 422);
    }
    return c.redirect(`/premises/bookings/${result.id}?notice=${result.status === "approved" ? "booked" : "requested"}`, 303);
  });
