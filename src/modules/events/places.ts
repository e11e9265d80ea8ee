import { takeTurns } from "../../db/portable.js";
import { isoNow } from "../../platform/clock.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { mailGiven, mailOffered } from "./event-mails.js";
import type { CommunityEvent, Occupancy, Registration } from "./events.model.js";
import * as repo from "./events.repository.js";
import { freePlaces, howToFill, placeNewcomers } from "./waiting-list.js";

/**
 * Makes everyone changing the places of one event take turns, and reads how full it is. Inside the
 * transaction every later step sees the one before: the place count cannot be passed by a race.
 */
export async function lockedOccupancy(tx: ServiceContext, e: CommunityEvent): Promise<Occupancy> {
  await takeTurns(tx.db, `event:${e.id}`);
  const o = (await repo.occupancyOf(tx.db, tx.tenant.id, [e.id])).get(e.id) ?? { taken: 0, waiting: 0 };
  return { capacity: e.capacity, ...o };
}

/**
 * Gives people who register together their places, in order: free places first, then the waiting list,
 * each with the next number on it. Returns them with their status and queue number. Call inside a transaction.
 */
export async function placeGroup(tx: ServiceContext, e: CommunityEvent, group: Registration[], overbook = false): Promise<Registration[]> {
  const o = await lockedOccupancy(tx, e);
  const statuses = placeNewcomers(o, group.length, overbook);
  let queueNo = await repo.nextQueueNo(tx.db, tx.tenant.id, e.id);
  const now = isoNow(tx.clock);
  return group.map((r, i) => {
    const status = statuses[i] as "registered" | "waiting";
    return {
      ...r,
      status,
      queueNo: status === "waiting" ? queueNo++ : null,
      confirmedAt: r.confirmedAt ?? now,
      updatedAt: now,
      overbooked: overbook && o.taken + i >= o.capacity,
    };
  });
}

/**
 * Offers the event's free places to the first on the waiting list (or gives them at once when the start is
 * near), each with their e-mail. Called after anything that frees a place: a cancellation, a lapsed offer,
 * a larger capacity.
 */
export async function fillFreedPlaces(tx: ServiceContext, e: CommunityEvent): Promise<void> {
  if (e.status !== "published") return;
  const now = tx.clock.now();
  if (e.startsAt <= now.toISOString()) return;
  const o = await lockedOccupancy(tx, e);
  const next = await repo.firstWaiting(tx.db, tx.tenant.id, e.id, freePlaces(o));
  if (!next.length) return;
  const how = howToFill(now, e.startsAt, tx.tenant);
  const at = now.toISOString();
  if (how.mode === "give") {
    await repo.setRegistrationStatus(
      tx.db,
      tx.tenant.id,
      next.map((r) => r.id),
      "registered",
      { updatedAt: at },
    );
    for (const r of next) await mailGiven(tx, e, { ...r, status: "registered" });
    return;
  }
  await repo.setRegistrationStatus(
    tx.db,
    tx.tenant.id,
    next.map((r) => r.id),
    "offered",
    { updatedAt: at, offerExpiresAt: how.expiresAt },
  );
  for (const r of next) await mailOffered(tx, e, { ...r, status: "offered", offerExpiresAt: how.expiresAt });
}
