import { type Context, Hono } from "hono";
import { setCookie } from "hono/cookie";
import { isPerson } from "../../../platform/auth/policy.js";
import { SESSION_COOKIE } from "../../../platform/auth/sessions.js";
import { uploadBody } from "../../../platform/http/body-limit.js";
import type { AppEnv } from "../../../platform/http/env.js";
import { type FieldErrors, formFailure, invalid, invalidLink, notFound, unauthenticated } from "../../../platform/http/errors.js";
import { formBody, parseForm } from "../../../platform/http/forms.js";
import { cookieOptions } from "../../../platform/http/middleware.js";
import { render } from "../../../platform/http/render.js";
import { serviceContext } from "../../../platform/service-context.js";
import { EVENT_LISTS, eventInput } from "../events.schema.js";
import { formChoices } from "../manage-events.js";
import { agendaPointInput, inviteInput, joinInput, joinTokenInput, minutesInput, moveInput, networkInput } from "../network.schema.js";
import { addMeetingFile, MEETING_FILE_MAX_BYTES, meetingFile, meetingFileUpload, removeMeetingFile } from "../network-files.js";
import {
  addAgendaPoint,
  meetingPage,
  moveAgendaPoint,
  networkFeed,
  networkPage,
  networkToPlan,
  planMeeting,
  removeAgendaPoint,
  saveMinutes,
} from "../network-meetings.js";
import { acceptInvitation, createNetwork, invitationOf, inviteMember, joinWithNewAccount, myNetworks, removeMember } from "../network-members.js";
import { type EventForm, EventFormPage } from "../views/manage-views.js";
import { JoinPage, MeetingPageView, NetworkPage, NetworksPage } from "../views/network-views.js";

import { sentForm } from "./manage.routes.js";

type FormState = { values: Record<string, string>; errors: FieldErrors };
type Status = 200 | 409 | 413 | 415 | 422 | 429;

async function showNetworks(c: Context<AppEnv>, form?: FormState, status: Status = 200) {
  const ctx = serviceContext(c);
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const { networks, mayCreate } = await myNetworks(ctx);
  return render(c, c.get("t")("networks.title"), <NetworksPage networks={networks} mayCreate={mayCreate} form={form} />, status);
}

async function showNetwork(c: Context<AppEnv>, invite?: FormState, status: Status = 200) {
  const page = await networkPage(serviceContext(c), c.req.param("id") as string);
  return render(c, page.network.name, <NetworkPage page={page} invite={invite} />, status);
}

async function showMeeting(c: Context<AppEnv>, forms: { point?: FormState; minutes?: FormState; file?: FormState } = {}, status: Status = 200) {
  const page = await meetingPage(serviceContext(c), c.req.param("id") as string, c.req.param("eventId") as string);
  return render(c, page.event.title, <MeetingPageView page={page} point={forms.point} minutes={forms.minutes} file={forms.file} />, status);
}

async function showMeetingForm(c: Context<AppEnv>, form: EventForm, errors?: FieldErrors, status: Status = 200) {
  const ctx = serviceContext(c);
  const { network } = await networkToPlan(ctx, c.req.param("id") as string);
  const choices = await formChoices(ctx);
  const page = (
    <EventFormPage
      action={`/networks/${network.id}/meetings/new`}
      organisers={[{ value: "centre", association: null }]}
      taken={0}
      network={{ name: network.name, href: `/networks/${network.id}` }}
      {...choices}
      {...form}
      errors={errors}
    />
  );
  return render(c, c.get("t")("networks.meetings.new.title", { network: network.name }), page, status);
}

async function showJoin(c: Context<AppEnv>, token: string, form?: FormState, status: Status = 200) {
  const ctx = serviceContext(c);
  const invitation = await invitationOf(ctx, token);
  const signedInAs = isPerson(ctx.actor) ? ctx.actor.email : null;
  return render(c, c.get("t")("networks.join.heading"), <JoinPage invitation={invitation} token={token} signedInAs={signedInAs} form={form} />, status);
}

const meeting = (c: Context<AppEnv>) => `/networks/${c.req.param("id")}/meetings/${c.req.param("eventId")}`;

/** Networks: a standing group's page, its members, and its meetings (events only its members see), agenda and minutes. */
// Order matters: the fixed paths ("/join") come before a network's own "/:id" pages.
export const networkRoutes = new Hono<AppEnv>()
  .get("/", (c) => showNetworks(c))
  .post("/", async (c) => {
    const form = await parseForm(c, networkInput);
    if (!form.ok) return showNetworks(c, form, 422);
    try {
      const network = await createNetwork(serviceContext(c), form.data);
      return c.redirect(`/networks/${network.id}?notice=networkCreated`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showNetworks(c, { values: form.values, errors: f.fields }, f.status);
    }
  })
  .get("/join", (c) => showJoin(c, c.req.query("token") ?? ""))
  .post("/join", async (c) => {
    const form = await parseForm(c, joinTokenInput);
    if (!form.ok) throw invalidLink();
    const network = await acceptInvitation(serviceContext(c), form.data.token);
    return c.redirect(`/networks/${network.id}?notice=networkJoined`, 303);
  })
  .post("/join/account", async (c) => {
    const form = await parseForm(c, joinInput);
    const token = form.values.token ?? "";
    if (!form.ok) return showJoin(c, token, { values: form.values, errors: form.errors }, 422);
    try {
      const joined = await joinWithNewAccount(serviceContext(c), { ...form.data, userAgent: c.req.header("user-agent") ?? null });
      setCookie(c, SESSION_COOKIE, joined.session, cookieOptions(c));
      return c.redirect(`/networks/${joined.network.id}?notice=networkJoined`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showJoin(c, token, { values: { name: form.values.name ?? "" }, errors: f.fields }, f.status);
    }
  })
  .get(`/:id`, (c) => showNetwork(c))
  .get(`/:id/calendar.ics`, async (c) => {
    const ics = await networkFeed(serviceContext(c), c.req.param("id"), c.req.query("key") ?? "");
    c.header("Cache-Control", "private, max-age=300");
    return c.body(ics, 200, { "Content-Type": "text/calendar; charset=utf-8" });
  })
  .post(`/:id/members`, async (c) => {
    const form = await parseForm(c, inviteInput);
    if (!form.ok) return showNetwork(c, form, 422);
    try {
      await inviteMember(serviceContext(c), c.req.param("id"), form.data);
      return c.redirect(`/networks/${c.req.param("id")}?notice=networkInvited`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showNetwork(c, { values: form.values, errors: f.fields }, f.status);
    }
  })
  .post(`/:id/members/:memberId/remove`, async (c) => {
    await removeMember(serviceContext(c), c.req.param("id"), c.req.param("memberId"));
    return c.redirect(`/networks/${c.req.param("id")}?notice=networkMemberRemoved`, 303);
  })
  .get(`/:id/meetings/new`, async (c) => {
    const actor = c.get("actor");
    const form = sentForm({
      organiser: "centre",
      kind: "network_meeting",
      place: "online",
      price: "free",
      capacity: "30",
      maxPerRegistration: "1",
      contactEmail: isPerson(actor) ? actor.email : "",
      languages: c.get("tenant").defaultLanguage,
    });
    return showMeetingForm(c, form);
  })
  .post(`/:id/meetings/new`, async (c) => {
    const ctx = serviceContext(c);
    const form = await parseForm(c, eventInput, EVENT_LISTS);
    try {
      if (!form.ok) throw invalid(form.errors);
      const e = await planMeeting(ctx, c.req.param("id"), form.data);
      return c.redirect(`/networks/${c.req.param("id")}/meetings/${e.id}?notice=meetingPlanned`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showMeetingForm(c, sentForm(form.values, await formBody(c, { all: true })), f.fields, f.status);
    }
  })
  .get(`/:id/meetings/:eventId`, (c) => showMeeting(c))
  .post(`/:id/meetings/:eventId/agenda`, async (c) => {
    const form = await parseForm(c, agendaPointInput);
    if (!form.ok) return showMeeting(c, { point: form }, 422);
    try {
      await addAgendaPoint(serviceContext(c), c.req.param("id"), c.req.param("eventId"), form.data);
      return c.redirect(`${meeting(c)}?notice=agendaPointAdded#agenda`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showMeeting(c, { point: { values: form.values, errors: f.fields } }, f.status);
    }
  })
  .post(`/:id/meetings/:eventId/agenda/:pointId/remove`, async (c) => {
    await removeAgendaPoint(serviceContext(c), c.req.param("id"), c.req.param("eventId"), c.req.param("pointId"));
    return c.redirect(`${meeting(c)}?notice=agendaPointRemoved#agenda`, 303);
  })
  .post(`/:id/meetings/:eventId/agenda/:pointId/move`, async (c) => {
    const form = await parseForm(c, moveInput);
    if (!form.ok) throw notFound();
    await moveAgendaPoint(serviceContext(c), c.req.param("id"), c.req.param("eventId"), c.req.param("pointId"), form.data.direction);
    return c.redirect(`${meeting(c)}#agenda`, 303);
  })
  .post(`/:id/meetings/:eventId/minutes`, async (c) => {
    const form = await parseForm(c, minutesInput);
    if (!form.ok) return showMeeting(c, { minutes: form }, 422);
    try {
      await saveMinutes(serviceContext(c), c.req.param("id"), c.req.param("eventId"), form.data.text);
      return c.redirect(`${meeting(c)}?notice=minutesSaved#minutes`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showMeeting(c, { minutes: { values: form.values, errors: f.fields } }, f.status);
    }
  })
  .post(`/:id/meetings/:eventId/files`, uploadBody(MEETING_FILE_MAX_BYTES), async (c) => {
    try {
      const file = await meetingFileUpload((await formBody(c)).file, "file");
      if (!file) throw invalid({ file: "networks.files.required" });
      await addMeetingFile(serviceContext(c), c.req.param("id"), c.req.param("eventId"), file);
      return c.redirect(`${meeting(c)}?notice=meetingFileAdded#files`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showMeeting(c, { file: { values: {}, errors: f.fields } }, f.status);
    }
  })
  .get(`/:id/meetings/:eventId/files/:fileId`, async (c) => {
    const { file, data } = await meetingFile(serviceContext(c), c.req.param("id"), c.req.param("eventId"), c.req.param("fileId"));
    // Saved, never shown in the browser: a document opened here could run nothing (its own sandbox, no sniffing).
    return c.body(new Uint8Array(data), 200, {
      "Content-Type": file.contentType,
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Content-Disposition": `attachment; filename="${file.name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    });
  })
  .post(`/:id/meetings/:eventId/files/:fileId/remove`, async (c) => {
    await removeMeetingFile(serviceContext(c), c.req.param("id"), c.req.param("eventId"), c.req.param("fileId"));
    return c.redirect(`${meeting(c)}?notice=meetingFileRemoved#files`, 303);
  });
