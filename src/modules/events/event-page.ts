import { can, isPerson } from "../../platform/auth/policy.js";
import { unauthenticated } from "../../platform/http/errors.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { manageKey } from "./event-mails.js";
import type { CommunityEvent, Occupancy, Registration } from "./events.model.js";
import { LIVE } from "./events.model.js";
import { canManageEvent } from "./events.policy.js";
import * as repo from "./events.repository.js";
import { type MembersOnly, membersOnlyOf, placesInQueue, visibleEvent } from "./register.js";
import { type Closed, whyClosed } from "./waiting-list.js";

export interface EventPageData {
  event: CommunityEvent;
  occupancy: Occupancy;
  closed: Closed | null;
  mayManage: boolean;
  /** An event only for a member group's members: which group, and whether the reader may register (null: open to everyone). */
  membersOnly: MembersOnly | null;
  /** The signed-in reader's own live registration here, with where each person stands and its page's key. */
  mine: { group: Registration[]; places: Map<string, number>; manageKey: string } | null;
}

/** An event as its page shows it: how full it is, whether one can register, and whether the reader organises it. */
export async function eventPage(ctx: ServiceContext, id: string): Promise<EventPageData> {
  const event = await visibleEvent(ctx, id);
  const o = (await repo.occupancyOf(ctx.db, ctx.tenant.id, [event.id])).get(event.id) ?? { taken: 0, waiting: 0 };
  const own = isPerson(ctx.actor) ? await repo.liveRegistrationsOf(ctx.db, ctx.tenant.id, event.id, ctx.actor.email) : [];
  const mine = own.length ? { group: own, places: await placesInQueue(ctx, own), manageKey: manageKey(ctx, (own[0] as Registration).groupId) } : null;
  return {
    event,
    occupancy: { capacity: event.capacity, ...o },
    closed: whyClosed(event, ctx.clock.now()),
    mayManage: can(ctx.actor, canManageEvent, event),
    membersOnly: await membersOnlyOf(ctx, event),
    mine,
  };
}

/** The signed-in person's live registrations (under their account or their address), soonest event first. */
export async function myRegistrations(
  ctx: ServiceContext,
): Promise<{ event: CommunityEvent; registration: Registration; manageKey: string; place: number | null }[]> {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const mine = (await repo.registrationsOfPerson(ctx.db, ctx.tenant.id, { userId: ctx.actor.userId, email: ctx.actor.email })).filter((r) =>
    LIVE.includes(r.status),
  );
  const events = new Map<string, CommunityEvent>();
  for (const id of new Set(mine.map((r) => r.eventId))) {
    const e = await repo.findEvent(ctx.db, ctx.tenant.id, id);
    if (e) events.set(id, e);
  }
  const rows = [];
  for (const r of mine) {
    const event = events.get(r.eventId);
    if (!event || event.endsAt < ctx.clock.now().toISOString()) continue;
    const place = r.status === "waiting" && r.queueNo !== null ? await repo.placeInQueue(ctx.db, ctx.tenant.id, r.eventId, r.queueNo) : null;
    rows.push({ event, registration: r, manageKey: manageKey(ctx, r.groupId), place });
  }
  return rows.sort((a, b) => (a.event.startsAt < b.event.startsAt ? -1 : a.event.startsAt > b.event.startsAt ? 1 : 0));
}
