import { logAccess } from "../../platform/audit/access.js";
import { audit } from "../../platform/audit/audit.js";
import { authorize } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { dataKeyring } from "../../platform/crypto/data-key.js";
import { conflict, notFound } from "../../platform/http/errors.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { localToday } from "../../platform/time/recurrence.js";
import type { CommunityEvent, EventSession, Registration } from "./events.model.js";
import { canManageEvent } from "./events.policy.js";
import * as repo from "./events.repository.js";

export interface Participants {
  event: CommunityEvent;
  registrations: Registration[];
  /** Registration id → the answers to sensitive questions, opened for the organiser (each look is logged). */
  sensitive: Map<string, Record<string, string>>;
  /** `${registrationId}:${sessionId}` → present or not; absent when nobody marked it. */
  attendance: Map<string, boolean>;
}

async function managedEvent(ctx: ServiceContext, eventId: string): Promise<CommunityEvent> {
  const event = await repo.findEvent(ctx.db, ctx.tenant.id, eventId);
  if (!event) throw notFound();
  authorize(ctx.actor, canManageEvent, event);
  return event;
}

/** Everyone registered, offered a place, waiting or gone, for the event's organisers, with attendance per session. */
export async function participantsOf(ctx: ServiceContext, eventId: string): Promise<Participants> {
  const event = await managedEvent(ctx, eventId);
  const [registrations, attendance] = await Promise.all([
    repo.eventRegistrations(ctx.db, ctx.tenant.id, event.id),
    repo.attendanceOf(ctx.db, ctx.tenant.id, event.id),
  ]);
  const sensitive = event.questions.some((q) => q.sensitive)
    ? await repo.sensitiveAnswers(ctx.db, dataKeyring(ctx.config), ctx.tenant.id, event.id)
    : new Map();
  if (sensitive.size) await logAccess(ctx, "event.answers_read", "event_registration", [...sensitive.keys()]);
  return { event, registrations, sensitive, attendance: new Map(attendance.map((a) => [`${a.registrationId}:${a.sessionId}`, a.present])) };
}

/** Attendance is taken from the session's own day (in the tenant's time zone), never ahead of it. */
export const attendanceOpen = (session: EventSession, now: Date, zone: string): boolean =>
  localToday(now, zone) >= localToday(new Date(session.startsAt), zone);

/** Who came to one session: everyone with a place is marked present or not (not marked is a no-show). */
export async function takeAttendance(ctx: ServiceContext, eventId: string, sessionId: string, present: string[]): Promise<void> {
  const event = await managedEvent(ctx, eventId);
  const session = event.sessions.find((s) => s.id === sessionId);
  if (!session) throw notFound();
  if (!attendanceOpen(session, ctx.clock.now(), ctx.tenant.timeZone)) throw conflict("closed", "participants.attendanceTooEarly");
  const seated = (await repo.eventRegistrations(ctx.db, ctx.tenant.id, event.id)).filter((r) => r.status === "registered");
  const here = new Set(present);
  await inTransaction(ctx, async (tx) => {
    await repo.markAttendance(
      tx.db,
      tx.tenant.id,
      sessionId,
      seated.map((r) => ({ registrationId: r.id, present: here.has(r.id) })),
      ctx.actor.kind === "person" ? ctx.actor.userId : null,
      isoNow(tx.clock),
    );
    await audit(tx, "event.attendance_taken", { type: "event", id: event.id }, { session: sessionId, present: seated.filter((r) => here.has(r.id)).length });
  });
}
