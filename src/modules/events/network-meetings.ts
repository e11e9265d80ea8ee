import { audit } from "../../platform/audit/audit.js";
import { authorize, can, isPerson } from "../../platform/auth/policy.js";
import { openSignedKey, signedKey } from "../../platform/auth/signed-links.js";
import { icsOf } from "../../platform/calendar/ical.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, notFound } from "../../platform/http/errors.js";
import { translator } from "../../platform/i18n/i18n.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { createEvent } from "./create-event.js";
import type { CommunityEvent, Occupancy } from "./events.model.js";
import * as events from "./events.repository.js";
import type { EventInput } from "./events.schema.js";
import type { AgendaPoint, MeetingFile, Minutes, NetworkMember } from "./network.model.js";
import { canAddAgendaPoint, canOrganiseNetwork, canPlanMeetings } from "./network.policy.js";
import * as repo from "./network.repository.js";
import type { AgendaPointInput } from "./network.schema.js";
import { type NetworkView, seeMeeting, seeNetwork } from "./network-access.js";
import { mailMeetingChange, mailMeetingPlanned, mailMinutes } from "./network-mails.js";

const FEED = "network-feed";

/** The key in a member's own calendar feed address: calendar programs cannot sign in. Removing her ends it. */
export const feedKey = (ctx: Pick<ServiceContext, "config" | "tenant">, member: NetworkMember) =>
  signedKey(ctx.config.secret, `${FEED}:${ctx.tenant.id}:${member.networkId}`, member.id);

export interface NetworkPage extends NetworkView {
  upcoming: CommunityEvent[];
  past: CommunityEvent[];
  mayPlan: boolean;
  /** The reader's own feed key, when she is a member. */
  feedKey: string | null;
}

/** A network's page: its members, its coming and past meetings, and the reader's feed. */
export async function networkPage(ctx: ServiceContext, id: string): Promise<NetworkPage> {
  const view = await seeNetwork(ctx, id);
  const meetings = await events.networkMeetings(ctx.db, ctx.tenant.id, id);
  const now = isoNow(ctx.clock);
  return {
    ...view,
    upcoming: meetings.filter((e) => e.endsAt >= now),
    past: meetings.filter((e) => e.endsAt < now).reverse(),
    mayPlan: can(ctx.actor, canPlanMeetings, { tenantId: ctx.tenant.id }),
    feedKey: view.me ? feedKey(ctx, view.me) : null,
  };
}

/** The network whose meeting the reader may plan: the form is refused as its saving would be (a 404 or a 403). */
export async function networkToPlan(ctx: ServiceContext, networkId: string): Promise<NetworkView> {
  const view = await seeNetwork(ctx, networkId);
  authorize(ctx.actor, canPlanMeetings, { tenantId: ctx.tenant.id });
  return view;
}

/** Staff plan a meeting with the event form; the network is fixed, and every member gets it with a calendar file. */
export async function planMeeting(ctx: ServiceContext, networkId: string, input: EventInput): Promise<CommunityEvent> {
  const view = await networkToPlan(ctx, networkId);
  const event = await createEvent(ctx, { ...input, kind: "network_meeting", organiser: "centre" }, { networkId });
  await mailMeetingPlanned(ctx, view.network, event, view.members);
  return event;
}

/** Members who are not registered for a changed or cancelled meeting hear of it too; those registered heard already. */
export async function tellMembers(tx: ServiceContext, event: CommunityEvent, told: Set<string>, what: "changed" | "cancelled") {
  if (!event.networkId) return;
  const members = (await repo.liveMembers(tx.db, tx.tenant.id, event.networkId)).filter((m) => m.joinedAt && !told.has(m.email.toLowerCase()));
  await mailMeetingChange(tx, event, members, what);
}

export interface MeetingPage extends NetworkView {
  event: CommunityEvent;
  occupancy: Occupancy;
  agenda: AgendaPoint[];
  minutes: Minutes | null;
  files: MeetingFile[];
  /** Points may be added until the meeting starts. */
  agendaOpen: boolean;
  mayAddPoint: boolean;
  /** Minutes are written once the meeting has begun. */
  minutesOpen: boolean;
  /** The meeting is over: no places, no link to join, and the agenda stays as it was. */
  ended: boolean;
}

async function meetingOf(ctx: ServiceContext, networkId: string, eventId: string) {
  const event = await events.findEvent(ctx.db, ctx.tenant.id, eventId);
  const view = await seeMeeting(ctx, event, networkId);
  return { view, event: event as CommunityEvent };
}

/** A meeting's page for a member: when and where, the agenda in order, and the minutes and files once there are some. */
export async function meetingPage(ctx: ServiceContext, networkId: string, eventId: string): Promise<MeetingPage> {
  const { view, event } = await meetingOf(ctx, networkId, eventId);
  const [agenda, minutes, files, full] = await Promise.all([
    repo.agendaOf(ctx.db, ctx.tenant.id, event.id),
    repo.findMinutes(ctx.db, ctx.tenant.id, event.id),
    repo.filesOf(ctx.db, ctx.tenant.id, event.id),
    events.occupancyOf(ctx.db, ctx.tenant.id, [event.id]),
  ]);
  const now = isoNow(ctx.clock);
  const agendaOpen = event.startsAt > now && event.status !== "cancelled";
  return {
    ...view,
    event,
    occupancy: { capacity: event.capacity, ...(full.get(event.id) ?? { taken: 0, waiting: 0 }) },
    agenda,
    // Members read published minutes; organisers see their draft too.
    minutes: minutes && (minutes.publishedAt || view.mayOrganise) ? minutes : null,
    files,
    agendaOpen,
    mayAddPoint: agendaOpen && can(ctx.actor, canAddAgendaPoint, view.access),
    minutesOpen: event.startsAt <= now && event.status !== "cancelled",
    ended: event.endsAt < now,
  };
}

/** A member puts a point on the agenda, until the meeting starts; it goes last. */
export async function addAgendaPoint(ctx: ServiceContext, networkId: string, eventId: string, input: AgendaPointInput): Promise<AgendaPoint> {
  const { view, event } = await meetingOf(ctx, networkId, eventId);
  authorize(ctx.actor, canAddAgendaPoint, view.access);
  if (event.status === "cancelled" || event.startsAt <= isoNow(ctx.clock))
    throw conflict("closed", "networks.agenda.closed", { title: "networks.agenda.closed" });
  const actor = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const agenda = await repo.agendaOf(tx.db, tx.tenant.id, event.id);
    const point: AgendaPoint = {
      id: newId(),
      eventId: event.id,
      memberId: view.me?.id ?? null,
      authorName: view.me?.name ?? actor.name,
      title: input.title,
      text: input.text,
      position: (agenda.at(-1)?.position ?? 0) + 1,
      createdAt: isoNow(tx.clock),
    };
    await repo.insertAgendaPoint(tx.db, tx.tenant.id, point);
    await audit(tx, "network.agenda_point_added", { type: "event", id: event.id }, { point: point.id });
    return point;
  });
}

/** An organiser removes a point from the agenda. */
export async function removeAgendaPoint(ctx: ServiceContext, networkId: string, eventId: string, pointId: string): Promise<void> {
  const { view, event } = await meetingOf(ctx, networkId, eventId);
  authorize(ctx.actor, canOrganiseNetwork, view.access);
  await inTransaction(ctx, async (tx) => {
    if (!(await repo.deleteAgendaPoint(tx.db, tx.tenant.id, event.id, pointId))) throw notFound();
    await audit(tx, "network.agenda_point_removed", { type: "event", id: event.id }, { point: pointId });
  });
}

/** An organiser moves a point one place up or down the agenda. */
export async function moveAgendaPoint(ctx: ServiceContext, networkId: string, eventId: string, pointId: string, direction: "up" | "down") {
  const { view, event } = await meetingOf(ctx, networkId, eventId);
  authorize(ctx.actor, canOrganiseNetwork, view.access);
  await inTransaction(ctx, async (tx) => {
    const agenda = await repo.agendaOf(tx.db, tx.tenant.id, event.id);
    const i = agenda.findIndex((p) => p.id === pointId);
    if (i < 0) throw notFound();
    const j = direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= agenda.length) return;
    const order = [...agenda];
    [order[i], order[j]] = [order[j] as AgendaPoint, order[i] as AgendaPoint];
    for (const [n, p] of order.entries()) if (p.position !== n + 1) await repo.setAgendaPosition(tx.db, tx.tenant.id, event.id, p.id, n + 1);
  });
}

/**
 * An organiser writes the minutes, during or after the meeting. The first time they are saved members get a
 * mail that they can read them; later corrections do not mail again.
 */
export async function saveMinutes(ctx: ServiceContext, networkId: string, eventId: string, text: string): Promise<void> {
  const { view, event } = await meetingOf(ctx, networkId, eventId);
  authorize(ctx.actor, canOrganiseNetwork, view.access);
  const actor = ctx.actor;
  if (event.startsAt > isoNow(ctx.clock)) throw conflict("closed", "networks.minutes.notYet", { text: "networks.minutes.notYet" });
  await inTransaction(ctx, async (tx) => {
    const before = await repo.findMinutes(tx.db, tx.tenant.id, event.id);
    const now = isoNow(tx.clock);
    await repo.saveMinutes(tx.db, tx.tenant.id, { eventId: event.id, text, updatedAt: now, publishedAt: before?.publishedAt ?? now }, actor.userId);
    await audit(tx, before ? "network.minutes_changed" : "network.minutes_published", { type: "event", id: event.id });
    if (!before?.publishedAt) await mailMinutes(tx, view.network, event, view.members);
  });
}

/** How far back a feed reaches. */
const FEED_DAYS = 90;

/** A member's calendar feed of the network's meetings, by her key; a wrong key or a removed member is a 404. */
export async function networkFeed(ctx: ServiceContext, networkId: string, key: string): Promise<string> {
  const memberId = openSignedKey(ctx.config.secret, `${FEED}:${ctx.tenant.id}:${networkId}`, key);
  const member = memberId ? await repo.findMember(ctx.db, ctx.tenant.id, networkId, memberId) : undefined;
  if (!member || member.leftAt || !member.joinedAt) throw notFound();
  const network = await repo.findNetwork(ctx.db, ctx.tenant.id, networkId);
  if (!network) throw notFound();
  const from = new Date(ctx.clock.now().getTime() - FEED_DAYS * 86_400_000).toISOString();
  const meetings = (await events.networkMeetings(ctx.db, ctx.tenant.id, networkId)).filter((e) => e.endsAt >= from && e.status !== "pending");
  const t = translator(ctx.tenant.defaultLanguage);
  return icsOf(
    network.name,
    new URL(ctx.baseUrl).hostname,
    meetings.flatMap((e) =>
      (e.sessions.length ? e.sessions : [{ id: e.id, eventId: e.id, startsAt: e.startsAt, endsAt: e.endsAt }]).map((s) => ({
        id: s.id,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        summary: e.status === "cancelled" ? t("calendar.cancelledTitle", { title: e.title }) : e.title,
        location: e.place === "online" ? (e.onlineUrl ?? "") : [e.placeName, e.address, e.postcode].filter(Boolean).join(", "),
        description: `${e.description}\n\n${ctx.baseUrl}/networks/${networkId}/meetings/${e.id}`,
        changedAt: e.updatedAt,
      })),
    ),
    ctx.clock.now(),
  );
}

/** Whether the reader is a person, for the routes that need one. */
export const signedIn = (ctx: ServiceContext) => isPerson(ctx.actor);
