import { type Context, Hono } from "hono";
import { csvResponse } from "../../../platform/http/csv.js";
import type { AppEnv } from "../../../platform/http/env.js";
import { type FieldErrors, formFailure, invalid } from "../../../platform/http/errors.js";
import { parseForm } from "../../../platform/http/forms.js";
import { render } from "../../../platform/http/render.js";
import { serviceContext } from "../../../platform/service-context.js";
import { localToday } from "../../../platform/time/recurrence.js";
import { registrationStatusLabels } from "../events.labels.js";
import { attendanceOpen, participantsOf, takeAttendance } from "../participants.js";
import { registerByHand } from "../register.js";
import { attendanceInput, handRegistrationInput, registrationInput } from "../registration.schema.js";
import { AttendancePage, answersText, ParticipantsPage } from "../views/participants-views.js";

async function showParticipants(c: Context<AppEnv>, form?: { values: Record<string, string>; errors: FieldErrors }, status: 200 | 409 | 422 = 200) {
  const p = await participantsOf(serviceContext(c), c.req.param("id") as string);
  return render(c, c.get("t")("participants.title"), <ParticipantsPage p={p} form={form} />, status);
}

/** An event's organisers: who registered and waits, the export, registration by hand, and attendance. */
export const participantsRoutes = new Hono<AppEnv>()
  .get("/:id/participants", (c) => showParticipants(c))
  .post("/:id/participants", async (c) => {
    const form = await parseForm(c, registrationInput);
    if (!form.ok) return showParticipants(c, form, 422);
    const { overbook } = handRegistrationInput.parse(form.values);
    try {
      await registerByHand(serviceContext(c), c.req.param("id"), form.data, overbook);
    } catch (error) {
      const failure = formFailure(error);
      return showParticipants(c, { values: form.values, errors: failure.fields }, failure.status === 409 ? 409 : 422);
    }
    return c.redirect(`/events/${c.req.param("id")}/participants?notice=saved`, 303);
  })
  .get("/:id/participants.csv", async (c) => {
    const { event: e, registrations, sensitive } = await participantsOf(serviceContext(c), c.req.param("id"));
    const t = c.get("t");
    return csvResponse(
      c,
      "participants.csv",
      [t("auth.name"), t("auth.email"), t("association.phone"), t("participants.status"), t("participants.waitingPlace"), t("participants.answers")],
      registrations
        .filter((r) => r.status !== "unconfirmed")
        .map((r) => [
          r.name,
          r.email,
          r.phone,
          t(registrationStatusLabels[r.status]),
          r.status === "waiting" ? r.queueNo : null,
          answersText(e, r, sensitive.get(r.id)),
        ]),
    );
  })
  .get("/:id/attendance", async (c) => {
    const p = await participantsOf(serviceContext(c), c.req.param("id"));
    const session = p.event.sessions.find((s) => s.id === c.req.query("session")) ?? p.event.sessions[0];
    const zone = c.get("tenant").timeZone;
    const opensOn = session && !attendanceOpen(session, serviceContext(c).clock.now(), zone) ? localToday(new Date(session.startsAt), zone) : null;
    return render(c, c.get("t")("participants.attendance"), <AttendancePage p={p} sessionId={session?.id ?? ""} opensOn={opensOn} />);
  })
  .post("/:id/attendance", async (c) => {
    const form = await parseForm(c, attendanceInput, ["present"]);
    if (!form.ok) throw invalid(form.errors);
    await takeAttendance(serviceContext(c), c.req.param("id"), form.data.session, form.data.present);
    return c.redirect(`/events/${c.req.param("id")}/attendance?session=${encodeURIComponent(form.data.session)}&notice=saved`, 303);
  });
