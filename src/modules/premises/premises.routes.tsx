import type { Context } from "hono";
import { Hono } from "hono";
import { can, isPerson } from "../../platform/auth/policy.js";
import { parseDate } from "../../platform/dates.js";
import { imageUpload, pictureResponse } from "../../platform/files/images.js";
import { uploadBody } from "../../platform/http/body-limit.js";
import { csvResponse } from "../../platform/http/csv.js";
import type { AppEnv } from "../../platform/http/env.js";
import { AppError, type FieldErrors, unauthenticated } from "../../platform/http/errors.js";
import { formBody, issuesToFieldErrors, parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { serviceContext } from "../../platform/service-context.js";
import { namesForMember } from "../associations/index.js";
import { addDays, localToday, mondayOf } from "./occurrences.js";
import * as feeds from "./premises.feeds.js";
import * as find from "./premises.find.js";
import * as manage from "./premises.manage.js";
import { canBookFor } from "./premises.policy.js";
import {
  bookingInput,
  cancelInput,
  closureInput,
  DECISION_LISTS,
  decisionInput,
  findInput,
  hoursInput,
  moveInput,
  PREMISE_LISTS,
  premiseInput,
  proposeInput,
  seasonInput,
} from "./premises.schema.js";
import * as service from "./premises.service.js";
import * as usage from "./premises.usage.js";
import { roundsRoutes } from "./rounds.routes.js";
import { ManagePage, PremiseFormPage } from "./views/manage-views.js";
import { BookingFormPage, BookingPage, FindPage, MyBookingsPage, PremisePage, RequestsPage, UsagePage } from "./views/premises-views.js";

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

const NEW_PREMISE: Record<string, string> = {
  kind: "room",
  whoMayBook: "associations",
  approval: "manual",
  bookable: "on",
  pricePerHour: "0",
  minMinutes: "30",
  maxMinutes: "480",
  maxDaysAhead: "365",
  bufferMinutes: "0",
  cancelHours: "24",
};

const premiseValues = (p: service.Premise): Record<string, string> => ({
  name: p.name,
  kind: p.kind,
  parentId: p.parent_id ?? "",
  description: p.description,
  address: p.address ?? "",
  postcode: p.postcode ?? "",
  capacity: p.capacity?.toString() ?? "",
  sizeM2: p.size_m2?.toString() ?? "",
  facilities: p.facilities,
  accessibility: p.accessibility,
  houseRules: p.house_rules,
  accessDetails: p.access_details,
  bookable: p.bookable ? "on" : "",
  whoMayBook: p.who_may_book,
  approval: p.approval,
  pricePerHour: (p.price_per_hour / 100).toString(),
  minMinutes: String(p.min_minutes),
  maxMinutes: String(p.max_minutes),
  maxDaysAhead: String(p.max_days_ahead),
  bufferMinutes: String(p.buffer_minutes),
  cancelHours: String(p.cancel_hours),
});

/** The premise form: new, or the whole edit page with hours and closures. */
async function showPremiseForm(
  c: Context<AppEnv>,
  id: string | null,
  values: Record<string, string> | null,
  extra: {
    errors?: FieldErrors;
    hourErrors?: FieldErrors;
    seasonErrors?: FieldErrors;
    closureErrors?: FieldErrors;
    photoErrors?: FieldErrors;
    photoAlt?: string;
  } = {},
  status: 200 | 413 | 415 | 422 = 200,
) {
  const ctx = serviceContext(c);
  manage.mayManage(ctx);
  const data = id ? await manage.editData(ctx, id) : null;
  const tree = data?.tree ?? (await service.premiseTree(ctx));
  const page = (
    <PremiseFormPage
      action={id ? `/premises/${id}/edit` : "/premises/manage/new"}
      tree={tree}
      values={values ?? (data ? premiseValues(data.premise) : { ...NEW_PREMISE, parentId: c.req.query("parent") ?? "" })}
      editing={
        data
          ? {
              id: data.premise.id,
              hours: data.hours,
              seasons: data.seasons,
              closures: data.closures,
              photos: await manage.photosOf(ctx.db, ctx.tenant.id, data.premise.id),
            }
          : undefined
      }
      {...extra}
    />
  );
  return render(c, data?.premise.name ?? c.get("t")("premise.new"), page, status);
}

async function savePremise(c: Context<AppEnv>, id: string | null) {
  const form = await parseForm(c, premiseInput, PREMISE_LISTS);
  if (!form.ok) return showPremiseForm(c, id, form.values, { errors: form.errors }, 422);
  try {
    const saved = await manage.savePremise(serviceContext(c), id, form.data);
    return c.redirect(`/premises/${saved}/edit?notice=saved`, 303);
  } catch (error) {
    if (error instanceof AppError && error.status === 422) return showPremiseForm(c, id, form.values, { errors: error.fields }, 422);
    throw error;
  }
}

/** The period asked for, or this season; never longer than two years. */
function usagePeriod(c: Context<AppEnv>) {
  const season = usage.seasonOf(localToday(c.get("deps").clock.now(), c.get("tenant").timeZone));
  const from = parseDate(c.req.query("from")) ?? season.from;
  const asked = parseDate(c.req.query("to")) ?? season.to;
  const to = asked < from ? from : asked > addDays(from, 731) ? addDays(from, 731) : asked;
  return { from, to };
}

export const premisesRoutes = new Hono<AppEnv>()
  .route("/rounds", roundsRoutes)
  .get("/", async (c) => {
    const input = findInput.parse(Object.fromEntries(["date", "start", "end", "people", "stepFree", "near"].map((k) => [k, c.req.query(k) || undefined])));
    const { rooms, nearUnknown } = await find.findRooms(serviceContext(c), input);
    return render(
      c,
      c.get("t")("premises.title"),
      <FindPage input={input} rooms={rooms} nearUnknown={nearUnknown} searched={Boolean(input.date && input.start && input.end)} />,
    );
  })
  .get("/manage", async (c) => {
    const ctx = serviceContext(c);
    manage.mayManage(ctx);
    return render(c, c.get("t")("premise.manage.title"), <ManagePage tree={await service.premiseTree(ctx)} />);
  })
  .get("/manage/new", (c) => showPremiseForm(c, null, null))
  .post("/manage/new", (c) => savePremise(c, null))
  .get("/:id/edit", (c) => showPremiseForm(c, c.req.param("id"), null))
  .post("/:id/edit", (c) => savePremise(c, c.req.param("id")))
  .post("/:id/hours", async (c) => {
    const id = c.req.param("id");
    const form = await parseForm(c, hoursInput);
    const season = form.ok && (form.values.from || form.values.to) ? seasonInput.safeParse(form.values) : null;
    const errors = !form.ok
      ? form.errors
      : season && !season.success
        ? issuesToFieldErrors(season.error.issues)
        : await manage.saveHours(serviceContext(c), id, form.data, season?.data ?? null);
    if (Object.keys(errors).length > 0) return showPremiseForm(c, id, null, season ? { seasonErrors: errors } : { hourErrors: errors }, 422);
    return c.redirect(`/premises/${id}/edit?notice=saved`, 303);
  })
  .post("/:id/seasons/delete", async (c) => {
    const id = c.req.param("id");
    const form = await parseForm(c, seasonInput);
    if (form.ok) await manage.saveHours(serviceContext(c), id, {}, form.data);
    return c.redirect(`/premises/${id}/edit?notice=saved`, 303);
  })
  .post("/:id/closures", async (c) => {
    const id = c.req.param("id");
    const form = await parseForm(c, closureInput);
    if (!form.ok) {
      manage.mayManage(serviceContext(c));
      return showPremiseForm(c, id, null, { closureErrors: form.errors }, 422);
    }
    await manage.addClosure(serviceContext(c), id, form.data);
    return c.redirect(`/premises/${id}/edit?notice=saved`, 303);
  })
  .post("/:id/delete", async (c) => {
    const id = c.req.param("id");
    const errors = await manage.deletePremise(serviceContext(c), id);
    if (Object.keys(errors).length > 0) return showPremiseForm(c, id, null, { errors }, 422);
    return c.redirect("/premises/manage?notice=saved", 303);
  })
  .post("/:id/photos", uploadBody(manage.PHOTO_MAX_BYTES), async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param("id");
    manage.mayManage(ctx);
    const body = await formBody(c);
    const alt = typeof body.alt === "string" ? body.alt : "";
    try {
      const photo = await imageUpload(body.photo, "photo", manage.PHOTO_MAX_BYTES);
      await manage.addPhoto(ctx, id, photo, alt);
    } catch (error) {
      if (error instanceof AppError && (error.fields.photo || error.fields.alt))
        return showPremiseForm(c, id, null, { photoErrors: error.fields, photoAlt: alt }, error.status as 413 | 415 | 422);
      throw error;
    }
    return c.redirect(`/premises/${id}/edit?notice=saved`, 303);
  })
  .post("/:id/photos/:photoId/delete", async (c) => {
    await manage.removePhoto(serviceContext(c), c.req.param("id"), c.req.param("photoId"));
    return c.redirect(`/premises/${c.req.param("id")}/edit?notice=saved`, 303);
  })
  .get("/:id/photos/:photoId", async (c) => pictureResponse(c, await manage.photoFile(serviceContext(c), c.req.param("id"), c.req.param("photoId")), "photo"))
  .post("/:id/closures/:closureId/delete", async (c) => {
    await manage.removeClosure(serviceContext(c), c.req.param("id"), c.req.param("closureId"));
    return c.redirect(`/premises/${c.req.param("id")}/edit?notice=saved`, 303);
  })
  .get("/usage", async (c) => {
    const ctx = serviceContext(c);
    const { from, to } = usagePeriod(c);
    const report = await usage.usageReport(ctx, from, to);
    return render(c, c.get("t")("usage.title"), <UsagePage from={from} to={to} {...report} />);
  })
  .get("/usage.csv", async (c) => {
    const { from, to } = usagePeriod(c);
    const { rows } = await usage.usageReport(serviceContext(c), from, to);
    const t = c.get("t");
    return csvResponse(
      c,
      "usage.csv",
      [
        t("premises.room"),
        t("premises.partOf"),
        t("usage.openHours"),
        t("usage.bookedHours"),
        t("usage.share"),
        t("premises.dates"),
        t("usage.cancelled"),
        t("usage.noShows"),
      ],
      rows.map((r) => [r.name, r.building, r.openHours, r.bookedHours, r.share, r.dates, r.cancelled, r.noShows]),
    );
  })
  .post("/bookings/:id/move", async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param("id");
    const form = await parseForm(c, moveInput);
    const result = form.ok
      ? await service.moveDate(ctx, id, form.data)
      : {
          ok: false as const,
          problems: Object.entries(form.errors).map(([field, e]) => (typeof e === "string" ? { field, key: e } : { field, key: e.key, params: e.values })),
          alternatives: [],
        };
    if (result.ok) return c.redirect(`/premises/bookings/${id}?notice=saved`, 303);
    const page = await service.bookingPage(ctx, id);
    const taken = result.problems.some((p) => p.key === "booking.taken");
    return render(
      c,
      c.get("t")("premises.bookingOf", { premise: page.booking.premise_name }),
      <BookingPage {...page} problems={result.problems} alternatives={result.alternatives} />,
      taken ? 409 : 422,
    );
  })
  .post("/bookings/:id/propose", async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param("id");
    const form = await parseForm(c, proposeInput);
    const problems = form.ok
      ? await service.proposeTime(ctx, id, form.data)
      : Object.entries(form.errors).map(([field, e]) => (typeof e === "string" ? { field, key: e } : { field, key: e.key, params: e.values }));
    if (problems.length === 0) return c.redirect(`/premises/bookings/${id}?notice=saved`, 303);
    const page = await service.bookingPage(ctx, id);
    return render(c, c.get("t")("premises.bookingOf", { premise: page.booking.premise_name }), <BookingPage {...page} problems={problems} />, 422);
  })
  .post("/bookings/:id/answer", async (c) => {
    const answer = (await formBody(c)).answer;
    await service.answerProposal(serviceContext(c), c.req.param("id"), answer === "accept");
    return c.redirect(`/premises/bookings/${c.req.param("id")}?notice=saved`, 303);
  })
  .post("/bookings/:id/no-show", async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param("id");
    const form = await formBody(c);
    if (await usage.reportNoShow(ctx, id, typeof form.date === "string" ? form.date : "")) return c.redirect(`/premises/bookings/${id}?notice=saved`, 303);
    const page = await service.bookingPage(ctx, id);
    const problems = [{ field: "date", key: "usage.noShow.notYet" as const }];
    return render(c, c.get("t")("premises.bookingOf", { premise: page.booking.premise_name }), <BookingPage {...page} problems={problems} />, 422);
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
      if (error instanceof AppError && error.status === 422) return page({ errors: error.fields }, 422);
      throw error;
    }
  })
  .get("/calendars/:file", async (c) => {
    const file = c.req.param("file");
    if (!file.endsWith(".ics")) throw new AppError(404, "not_found", "error.notFound.text");
    const ics = await feeds.associationFeed(serviceContext(c), file.slice(0, -4));
    return c.body(ics, 200, { "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "no-store" });
  })
  .get("/bookings/:id", async (c) => {
    const page = await service.bookingPage(serviceContext(c), c.req.param("id"));
    return render(c, c.get("t")("premises.bookingOf", { premise: page.booking.premise_name }), <BookingPage {...page} />);
  })
  .get("/bookings/:id/calendar.ics", async (c) => {
    const ics = await feeds.bookingFeed(serviceContext(c), c.req.param("id"));
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
    const monday = mondayOf(parseDate(c.req.query("week")) ?? localToday(ctx.clock.now(), ctx.tenant.timeZone));
    const data = await find.availability(ctx, c.req.param("id"), monday, 7);
    const photos = await manage.photosOf(ctx.db, ctx.tenant.id, data.premise.id);
    return render(
      c,
      data.premise.name,
      <PremisePage
        {...data}
        photos={photos}
        monday={monday}
        canBook={isPerson(c.get("actor")) && ((await bookingAssociations(c)).length > 0 || data.premise.who_may_book === "everyone")}
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
    if (associations.length === 0 && premise?.who_may_book !== "everyone") throw new AppError(403, "forbidden", "error.forbidden.text");
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
    let result: service.RequestResult;
    try {
      result = await service.requestBooking(serviceContext(c), premiseId, form.data);
    } catch (error) {
      if (error instanceof AppError && error.status === 422) return showBookingForm(c, premiseId, form.values, { errors: error.fields }, 422);
      throw error;
    }
    if (!result.ok) {
      const taken = result.problems.some((p) => p.key === "booking.taken");
      return showBookingForm(c, premiseId, form.values, { problems: result.problems, alternatives: result.alternatives }, taken ? 409 : 422);
    }
    return c.redirect(`/premises/bookings/${result.id}?notice=${result.status === "approved" ? "booked" : "requested"}`, 303);
  });
