import { type Context, Hono } from "hono";
import { tokenInput } from "../../../platform/auth/auth.schema.js";
import type { AppEnv } from "../../../platform/http/env.js";
import { type FieldErrors, formFailure, invalidLink } from "../../../platform/http/errors.js";
import { parseForm } from "../../../platform/http/forms.js";
import { render } from "../../../platform/http/render.js";
import { type ServiceContext, serviceContext } from "../../../platform/service-context.js";
import { icsAttachment, manageKey } from "../event-mails.js";
import { eventPage, myRegistrations } from "../event-page.js";
import { sessionRooms } from "../event-room.js";
import { eventJsonLd } from "../events.jsonld.js";
import type { CommunityEvent } from "../events.model.js";
import { fairBlock } from "../fair-stands.js";
import { acceptOffer, cancelPlaces, registrationByKey } from "../my-registration.js";
import { confirmRegistration, type RegisterOutcome, register } from "../register.js";
import { groupActionInput, REGISTRATION_LISTS, registrationInput } from "../registration.schema.js";
import { CheckEmailPage, EventPage, MyEventsPage, RegistrationPage } from "../views/event-views.js";
import { FairSection, type StandFormState } from "../views/fair-views.js";

export async function showEvent(
  c: Context<AppEnv>,
  id: string,
  form?: { values: Record<string, string>; errors: FieldErrors },
  status: 200 | 409 | 422 | 429 = 200,
  standForm?: StandFormState & { associationId: string | null },
) {
  const ctx = serviceContext(c);
  const page = await eventPage(ctx, id);
  const e = page.event;
  // A fair's page lists its exhibitors and takes associations' applications for a stand.
  const fair = e.kind === "fair" ? await fairBlock(ctx, e, c.req.query("category") ?? null) : null;
  const rooms = page.mayManage && e.place === "premise" ? await sessionRooms(ctx, e.id) : null;
  const others = form ? (form.values.others ?? "").split(",") : [];
  return render(
    c,
    e.title,
    <EventPage
      e={e}
      o={page.occupancy}
      closed={page.closed}
      mayManage={page.mayManage}
      membersOnly={page.membersOnly}
      rooms={rooms}
      mine={form ? null : page.mine}
      organiserHref={e.associationId ? `/directory/associations/${e.associationId}` : null}
      // A network's meeting is for its members: no structured data for search engines (networks).
      jsonLd={
        !e.networkId && (e.status === "published" || e.status === "cancelled")
          ? eventJsonLd(e, `${ctx.baseUrl}/events/${e.id}`, ctx.lang, organiserOf(ctx, e))
          : undefined
      }
      form={form && { values: form.values, errors: form.errors, others }}
      extra={fair && <FairSection e={e} fair={fair} formFor={c.req.query("for") ?? c.get("session")?.activeAssociationId ?? null} form={standForm} />}
    />,
    status,
  );
}

/** Who organises the event, for its structured data: the association, or the centre or municipality running the site. */
const organiserOf = (ctx: ServiceContext, e: CommunityEvent) =>
  e.associationId && e.associationName
    ? { name: e.associationName, url: `${ctx.baseUrl}/directory/associations/${e.associationId}` }
    : { name: ctx.tenant.name, url: ctx.baseUrl };

const registrationHref = (key: string, notice?: string) => `/events/registration?key=${encodeURIComponent(key)}${notice ? `&notice=${notice}` : ""}`;

/** An event's own page and registering for it, and a person's list of their registrations. */
export const eventRoutes = new Hono<AppEnv>()
  .get("/mine", async (c) => render(c, c.get("t")("registration.mine"), <MyEventsPage rows={await myRegistrations(serviceContext(c))} />))
  .get("/:id", (c) => showEvent(c, c.req.param("id")))
  .post("/:id/register", async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param("id");
    const form = await parseForm(c, registrationInput, REGISTRATION_LISTS);
    if (!form.ok) return showEvent(c, id, form, 422);
    let outcome: RegisterOutcome;
    try {
      outcome = await register(ctx, id, form.data);
    } catch (error) {
      const failure = formFailure(error);
      return showEvent(c, id, { values: form.values, errors: failure.fields }, failure.status === 429 ? 429 : failure.status === 409 ? 409 : 422);
    }
    if (outcome.kind === "placed") {
      const notice = outcome.group.some((r) => r.status === "registered") ? "registered" : "onWaitingList";
      return c.redirect(registrationHref(manageKey(ctx, outcome.group[0]?.groupId as string), notice), 303);
    }
    const page = await eventPage(ctx, id);
    return render(c, c.get("t")("auth.checkEmail.title"), <CheckEmailPage email={form.data.email} e={page.event} />);
  });

/** A registration's own page, by the key in its mails: where each person stands, accepting an offer, cancelling. */
export const registrationRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const ctx = serviceContext(c);
    const key = c.req.query("key") ?? "";
    const view = await registrationByKey(ctx, key);
    return render(c, c.get("t")("registration.yours"), <RegistrationPage view={view} manageKey={key} />);
  })
  .get("/calendar.ics", async (c) => {
    const ctx = serviceContext(c);
    const { event } = await registrationByKey(ctx, c.req.query("key") ?? "");
    return c.body(icsAttachment(ctx, event).content, 200, {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="event.ics"',
    });
  })
  .get("/confirm", async (c) => {
    const token = tokenInput.safeParse({ token: c.req.query("token") });
    const ctx = serviceContext(c);
    const confirmed = token.success ? await confirmRegistration(ctx, token.data.token) : null;
    if (!confirmed) throw invalidLink();
    return c.redirect(registrationHref(manageKey(ctx, confirmed.groupId), "registrationConfirmed"), 303);
  })
  .post("/cancel", async (c) => {
    const form = await parseForm(c, groupActionInput);
    if (!form.ok) throw invalidLink();
    const left = await cancelPlaces(serviceContext(c), form.data.key, form.data.registration);
    const hadPlace = left.some((r) => r.status === "registered" || r.status === "offered");
    return c.redirect(registrationHref(form.data.key, hadPlace ? "registrationCancelled" : "leftWaitingList"), 303);
  })
  .post("/accept", async (c) => {
    const form = await parseForm(c, groupActionInput);
    if (!form.ok || !form.data.registration) throw invalidLink();
    await acceptOffer(serviceContext(c), form.data.key, form.data.registration);
    return c.redirect(registrationHref(form.data.key, "placeAccepted"), 303);
  });
