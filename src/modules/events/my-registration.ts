import { isoNow } from "../../platform/clock.js";
import { conflict, invalidLink, notFound } from "../../platform/http/errors.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { groupOfKey, mailGiven } from "./event-mails.js";
import type { CommunityEvent, Registration } from "./events.model.js";
import { LIVE, SEATED } from "./events.model.js";
import * as repo from "./events.repository.js";
import { fillFreedPlaces, lockedOccupancy } from "./places.js";
import { placesInQueue } from "./register.js";

export interface GroupView {
  event: CommunityEvent;
  group: Registration[];
  /** Each waiting person's place on the list. */
  places: Map<string, number>;
}

/** What the link in a registration's mails opens: the event, the people and where each stands. */
export async function registrationByKey(ctx: ServiceContext, key: string): Promise<GroupView> {
  const groupId = groupOfKey(ctx, key);
  if (!groupId) throw invalidLink();
  const group = await repo.groupRegistrations(ctx.db, ctx.tenant.id, groupId);
  const event = group[0] && (await repo.findEvent(ctx.db, ctx.tenant.id, group[0].eventId));
  if (!event) throw notFound();
  return { event, group, places: await placesInQueue(ctx, group) };
}

/** The people of the group the request names: one of them, or all who still hold something. */
function chosen(group: Registration[], registrationId: string | undefined): Registration[] {
  const live = group.filter((r) => LIVE.includes(r.status));
  if (!registrationId) return live;
  const one = live.find((r) => r.id === registrationId);
  if (!one) throw notFound();
  return [one];
}

/**
 * Cancels places or leaves the waiting list, for one person of the group or all. A freed place goes on to
 * the first on the list at once.
 */
export async function cancelPlaces(ctx: ServiceContext, key: string, registrationId: string | undefined): Promise<Registration[]> {
  const { event, group } = await registrationByKey(ctx, key);
  const leaving = chosen(group, registrationId);
  if (!leaving.length) return [];
  await inTransaction(ctx, async (tx) => {
    await lockedOccupancy(tx, event);
    await repo.setRegistrationStatus(
      tx.db,
      tx.tenant.id,
      leaving.map((r) => r.id),
      "cancelled",
      { updatedAt: isoNow(tx.clock), offerExpiresAt: null },
    );
    if (leaving.some((r) => SEATED.includes(r.status))) await fillFreedPlaces(tx, event);
  });
  return leaving;
}

/** Accepts a place offered from the waiting list, while the offer lasts. */
export async function acceptOffer(ctx: ServiceContext, key: string, registrationId: string): Promise<void> {
  const { event, group } = await registrationByKey(ctx, key);
  const r = group.find((g) => g.id === registrationId);
  if (!r) throw notFound();
  if (r.status === "registered") return;
  if (r.status !== "offered" || (r.offerExpiresAt ?? "") <= isoNow(ctx.clock)) throw conflict("closed", "registration.offerLapsed");
  await inTransaction(ctx, async (tx) => {
    await lockedOccupancy(tx, event);
    await repo.setRegistrationStatus(tx.db, tx.tenant.id, [r.id], "registered", { updatedAt: isoNow(tx.clock), offerExpiresAt: null });
    await mailGiven(tx, event, { ...r, status: "registered" });
  });
}
