import type { Occupancy } from "./events.model.js";

const HOUR = 3_600_000;

/**
 * Where people who register together go, in their order: free places while nobody waits (a newcomer never
 * passes someone already on the list), and the waiting list for the rest. Organisers may overbook: then
 * everyone gets a place.
 */
export function placeNewcomers(o: Occupancy, count: number, overbook = false): ("registered" | "waiting")[] {
  let free = overbook ? count : o.waiting > 0 ? 0 : Math.max(0, o.capacity - o.taken);
  return Array.from({ length: count }, () => (free-- > 0 ? "registered" : "waiting"));
}

/** Places free for the waiting list: offered places count as taken until they are accepted or lapse. */
export const freePlaces = (o: Occupancy): number => Math.max(0, o.capacity - o.taken);

/**
 * How a freed place goes to the first on the waiting list: offered, to accept within the tenant's hours; or
 * given at once when the start is near. An offer lapses before the near window starts, so the next person
 * still has a place given in time.
 */
export function howToFill(
  now: Date,
  startsAt: string,
  hours: { eventOfferHours: number; eventImmediateHours: number },
): { mode: "give" } | { mode: "offer"; expiresAt: string } {
  const nearFrom = new Date(startsAt).getTime() - hours.eventImmediateHours * HOUR;
  if (now.getTime() >= nearFrom) return { mode: "give" };
  return { mode: "offer", expiresAt: new Date(Math.min(now.getTime() + hours.eventOfferHours * HOUR, nearFrom)).toISOString() };
}

/** Why a person cannot register now, or null when they can. */
export type Closed = "cancelled" | "notOpen" | "closed" | "ended" | "notPublished";

export function whyClosed(
  e: { status: string; startsAt: string; registrationOpensAt: string | null; registrationClosesAt: string | null },
  now: Date,
): Closed | null {
  if (e.status === "cancelled") return "cancelled";
  if (e.status !== "published") return "notPublished";
  const t = now.toISOString();
  if (e.startsAt <= t) return "ended";
  if (e.registrationOpensAt && t < e.registrationOpensAt) return "notOpen";
  if (e.registrationClosesAt && t >= e.registrationClosesAt) return "closed";
  return null;
}
