import { audit } from "../../platform/audit/audit.js";
import { icsOf } from "../../platform/calendar/ical.js";
import { isoNow } from "../../platform/clock.js";
import { findBySecret, mintSecret } from "../../platform/crypto/secret-hash.js";
import { notFound } from "../../platform/http/errors.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { actFor } from "../associations/index.js";
import * as bookings from "./bookings.repository.js";
import { canBookFor } from "./premises.policy.js";
import * as premisesRepo from "./premises.repository.js";
import { bookingEvents, bookingPage, premiseTree } from "./premises.service.js";

/** Calendar feeds: a room's busy times for anyone, an association's bookings by secret address, one booking for its booker. */
export async function roomFeed(ctx: ServiceContext, premiseId: string) {
  const tree = await premiseTree(ctx);
  const premise = tree.byId.get(premiseId);
  if (!premise) throw notFound();
  const now = ctx.clock.now();
  const booked = await bookings.bookedTimes(
    ctx.db,
    ctx.tenant.id,
    [premiseId],
    new Date(now.getTime() - 30 * 86_400_000).toISOString(),
    new Date(now.getTime() + 400 * 86_400_000).toISOString(),
  );
  return icsOf(
    premise.name,
    new URL(ctx.baseUrl).hostname,
    booked.map((o) => ({ id: o.id, startsAt: o.startsAt, endsAt: o.endsAt, summary: o.associationName ?? premise.name, location: tree.addressOf(premiseId) })),
    now,
  );
}

export async function bookingFeed(ctx: ServiceContext, bookingId: string) {
  const { booking } = await bookingPage(ctx, bookingId);
  const [tree, dates] = await Promise.all([premiseTree(ctx), bookings.liveDatesWithPurpose(ctx.db, ctx.tenant.id, { bookingIds: [booking.id] })]);
  return icsOf(booking.premiseName, new URL(ctx.baseUrl).hostname, bookingEvents(tree, dates), ctx.clock.now());
}

/**
 * A new secret address for an association's calendar of bookings. Only its hash is kept, so it is
 * shown once; making a new one stops the old one.
 */
export async function renewCalendarAddress(ctx: ServiceContext, associationId: string): Promise<string> {
  await actFor(ctx, canBookFor, associationId, "associationId");
  const { secret: token, hash } = mintSecret();
  await inTransaction(ctx, async (tx) => {
    await premisesRepo.replaceCalendarToken(tx.db, ctx.tenant.id, associationId, hash, isoNow(ctx.clock));
    await audit(tx, "calendar.address_renewed", { type: "association", id: associationId });
  });
  return `${ctx.baseUrl}/premises/calendars/${token}.ics`;
}

/** The association's approved bookings behind a secret address, for any calendar program to subscribe to. */
export async function associationFeed(ctx: ServiceContext, token: string) {
  const owner = await findBySecret(token, (hash) => premisesRepo.calendarOwner(ctx.db, ctx.tenant.id, hash));
  if (!owner) throw notFound();
  const [tree, dates] = await Promise.all([premiseTree(ctx), bookings.liveDatesWithPurpose(ctx.db, ctx.tenant.id, { approvedFor: owner.associationId })]);
  return icsOf(owner.name, new URL(ctx.baseUrl).hostname, bookingEvents(tree, dates), ctx.clock.now());
}
