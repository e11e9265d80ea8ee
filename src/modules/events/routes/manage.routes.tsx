import type { Context } from "hono";
import { Hono } from "hono";
import { listOf } from "../../../db/lists.js";
import { can, isPerson } from "../../../platform/auth/policy.js";
import type { AppEnv } from "../../../platform/http/env.js";
import { conflict, type FieldErrors, formFailure, invalid } from "../../../platform/http/errors.js";
import { moneyText } from "../../../platform/http/fields.js";
import { formBody, parseForm } from "../../../platform/http/forms.js";
import { render } from "../../../platform/http/render.js";
import { serviceContext } from "../../../platform/service-context.js";
import { localParts } from "../../../platform/time/recurrence.js";
import { cancelEvent } from "../cancel-event.js";
import { changeEvent } from "../change-event.js";
import { createEvent } from "../create-event.js";
import { decideEvent, moderationQueue } from "../decide-event.js";
import { changesQueue } from "../event-changes.js";
import { sessionRooms } from "../event-room.js";
import type { CommunityEvent } from "../events.model.js";
import { canModerateEvents, canRunCentreEvents } from "../events.policy.js";
import { EVENT_LISTS, eventDecisionInput, eventInput, QUESTION_ROWS, SESSION_ROWS } from "../events.schema.js";
import { eventForOrganiser, formChoices, organiserChoices, organisersList } from "../manage-events.js";
import { CancelEventPage, type EventForm, EventFormPage, EventModerationPage, ManageEventsPage } from "../views/manage-views.js";

/** An event's id; "/registration/cancel" and other fixed paths of the module pass on to their own routes. */

const pad = <T,>(rows: T[], n: number, blank: T): T[] => [...rows, ...Array.from({ length: Math.max(0, n - rows.length) }, () => blank)];

/** A stored event as its form's fields, its times in the tenant's zone. */
function asForm(e: CommunityEvent, zone: string, lang: string): EventForm {
  const opens = e.registrationOpensAt ? localParts(e.registrationOpensAt, zone) : null;
  const closes = e.registrationClosesAt ? localParts(e.registrationClosesAt, zone) : null;
  return {
    values: {
      organiser: e.associationId ?? e.organiser,
      kind: e.kind,
      title: e.title,
      description: e.description,
      categoryId: e.categoryId ?? "",
      place: e.place,
      premiseId: e.premiseId ?? "",
      placeName: e.place === "address" ? (e.placeName ?? "") : "",
      address: e.place === "address" ? (e.address ?? "") : "",
      postcode: e.place === "address" ? (e.postcode ?? "") : "",
      onlineUrl: e.onlineUrl ?? "",
      price: e.price,
      amount: e.priceMinor === null ? "" : moneyText(e.priceMinor, lang),
      capacity: String(e.capacity),
      maxPerRegistration: String(e.maxPerRegistration),
      opensDate: opens?.date ?? "",
      opensTime: opens?.time ?? "",
      closesDate: closes?.date ?? "",
      closesTime: closes?.time ?? "",
      contactEmail: e.contactEmail,
      memberGroupId: e.memberGroupId ?? "",
    },
    chosen: { targetGroups: e.targetGroups, languages: e.languages, accessibility: e.accessibility },
    sessions: pad(
      e.sessions.map((s) => {
        const start = localParts(s.startsAt, zone);
        return { id: s.id, date: start.date, start: start.time, end: localParts(s.endsAt, zone).time };
      }),
      SESSION_ROWS,
      { id: "", date: "", start: "", end: "" },
    ),
    questions: pad(
      e.questions.map((q) => ({ id: q.id, label: q.label, sensitive: q.sensitive })),
      QUESTION_ROWS,
      { id: "", label: "", sensitive: false },
    ),
  };
}

/** The form as it was sent, to show again with its errors: its rows read whole, as a question may have a comma in it. */
export function sentForm(values: Record<string, string>, body: Record<string, unknown> = {}): EventForm {
  const rows = (name: string): string[] => {
    const v = body[name];
    if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
    return typeof v === "string" ? [v] : listOf(values[name]);
  };
  const [ids, dates, starts, ends] = [rows("sessionId"), rows("sessionDate"), rows("sessionStart"), rows("sessionEnd")];
  const [qIds, labels, sensitive] = [rows("questionId"), rows("questionLabel"), rows("questionSensitive")];
  return {
    values,
    chosen: { targetGroups: rows("targetGroups"), languages: rows("languages"), accessibility: rows("accessibility") },
    sessions: pad(
      dates.map((date, i) => ({ id: ids[i] ?? "", date, start: starts[i] ?? "", end: ends[i] ?? "" })),
      SESSION_ROWS,
      { id: "", date: "", start: "", end: "" },
    ),
    questions: pad(
      labels.map((label, i) => ({ id: qIds[i] ?? "", label, sensitive: sensitive.includes(String(i + 1)) })),
      QUESTION_ROWS,
      { id: "", label: "", sensitive: false },
    ),
  };
}

async function showForm(
  c: Context<AppEnv>,
  event: { id: string; taken: number } | null,
  form: EventForm,
  errors?: FieldErrors,
  status: 200 | 409 | 413 | 415 | 422 | 429 = 200,
) {
  const ctx = serviceContext(c);
  const [organisers, choices] = await Promise.all([event ? Promise.resolve([]) : organiserChoices(ctx), formChoices(ctx)]);
  const t = c.get("t");
  const page = (
    <EventFormPage
      action={event ? `/events/${event.id}/edit` : "/events/new"}
      organisers={organisers}
      taken={event?.taken ?? 0}
      {...choices}
      {...form}
      errors={errors}
    />
  );
  return render(c, t(event ? "eventForm.edit.title" : "eventForm.new.title"), page, status);
}

async function save(c: Context<AppEnv>, id: string | null) {
  const ctx = serviceContext(c);
  const existing = id ? await eventForOrganiser(ctx, id) : null;
  const form = await parseForm(c, eventInput, EVENT_LISTS);
  try {
    if (!form.ok) throw invalid(form.errors);
    const saved = id ? await changeEvent(ctx, id, form.data) : await createEvent(ctx, form.data);
    const notice = "waits" in saved && saved.waits ? "eventChangePending" : saved.status === "pending" ? "eventPending" : id ? "eventChanged" : "eventCreated";
    return c.redirect(`/events/manage?notice=${notice}`, 303);
  } catch (error) {
    const f = formFailure(error);
    const values = existing ? { ...form.values, organiser: existing.event.associationId ?? existing.event.organiser } : form.values;
    const body = await formBody(c, { all: true });
    return showForm(c, existing && { id: existing.event.id, taken: existing.occupancy.taken }, sentForm(values, body), f.fields, f.status);
  }
}

export const manageRoutes = new Hono<AppEnv>()
  .get("/manage", async (c) => {
    const ctx = serviceContext(c);
    const rows = await organisersList(ctx);
    const actor = c.get("actor");
    const staff = isPerson(actor) && can(actor, canModerateEvents, { tenantId: ctx.tenant.id });
    const pending = staff ? rows.filter((r) => r.event.status === "pending").length : 0;
    return render(
      c,
      c.get("t")("eventForm.manage.title"),
      <ManageEventsPage rows={rows} mayModerate={staff} pending={pending} now={ctx.clock.now().toISOString()} />,
    );
  })
  .get("/new", async (c) => {
    const ctx = serviceContext(c);
    const organisers = await organiserChoices(ctx);
    const actor = c.get("actor");
    const staff = isPerson(actor) && can(actor, canRunCentreEvents, { tenantId: ctx.tenant.id });
    const form = sentForm({
      organiser: staff ? "centre" : (organisers[0]?.value ?? ""),
      kind: "course",
      place: "address",
      price: "free",
      capacity: "20",
      maxPerRegistration: "1",
      contactEmail: isPerson(actor) ? actor.email : "",
      languages: ctx.tenant.defaultLanguage,
      bookRoom: "on",
    });
    return showForm(c, null, form);
  })
  .post("/new", (c) => save(c, null))
  .get("/moderation", async (c) => {
    const ctx = serviceContext(c);
    const [rows, changes] = await Promise.all([moderationQueue(ctx), changesQueue(ctx)]);
    return render(c, c.get("t")("eventForm.moderation.title"), <EventModerationPage rows={rows} changes={changes} />);
  })
  .get("/:id/edit", async (c) => {
    const ctx = serviceContext(c);
    const found = await eventForOrganiser(ctx, c.req.param("id"));
    if (found.event.status === "cancelled") throw conflict("closed", "eventForm.cancelled");
    const form = asForm(found.event, ctx.tenant.timeZone, ctx.lang);
    // The box stays ticked while the event has its room booked through the form.
    const booked = (await sessionRooms(ctx, found.event.id)).some((r) => r.status !== "cancelled" && r.status !== "rejected");
    return showForm(c, { id: found.event.id, taken: found.occupancy.taken }, { ...form, values: { ...form.values, bookRoom: booked ? "on" : "" } });
  })
  .post("/:id/edit", (c) => save(c, c.req.param("id")))
  .get("/:id/cancel", async (c) => {
    const found = await eventForOrganiser(serviceContext(c), c.req.param("id"));
    return render(c, c.get("t")("eventForm.cancel.title", { title: found.event.title }), <CancelEventPage {...found} />);
  })
  .post("/:id/cancel", async (c) => {
    await cancelEvent(serviceContext(c), c.req.param("id"));
    return c.redirect("/events/manage?notice=eventCancelled", 303);
  })
  .post("/:id/decision", async (c) => {
    const form = await parseForm(c, eventDecisionInput);
    if (!form.ok) throw invalid(form.errors);
    await decideEvent(serviceContext(c), c.req.param("id"), form.data.decision, form.data.note);
    return c.redirect(`/events/moderation?notice=${form.data.decision === "approve" ? "eventApproved" : "eventSentBack"}`, 303);
  });
