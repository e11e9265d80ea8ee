import { authorize, can, isPerson } from "../../platform/auth/policy.js";
import type { CalendarEvent } from "../../platform/calendar/ical.js";
import { isoNow } from "../../platform/clock.js";
import { notFound } from "../../platform/http/errors.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { skippedDates } from "./bookings/skipped-dates.js";
import * as bookings from "./bookings.repository.js";
import { PremiseTree } from "./premise-tree.js";
import { type Booking, type BookingDate, isOpen, priceOf } from "./premises.model.js";
import { canDecideBookings, canManageBooking } from "./premises.policy.js";
import * as premisesRepo from "./premises.repository.js";

// What the seasonal rounds reuse to write the bookings a round gives out.

export async function premiseTree(ctx: Pick<ServiceContext, "db" | "tenant">) {
  return new PremiseTree(await premisesRepo.allPremises(ctx.db, ctx.tenant.id));
}

/** Booking dates as calendar events, with the booking's purpose and the premise's name and address. */
export function bookingEvents(tree: PremiseTree, dates: (BookingDate & { purpose: string })[]): CalendarEvent[] {
  return dates.map((o) => ({
    id: o.id,
    startsAt: o.startsAt,
    endsAt: o.endsAt,
    summary: `${o.purpose} – ${tree.byId.get(o.premiseId)?.name ?? ""}`,
    location: [tree.byId.get(o.premiseId)?.name, tree.addressOf(o.premiseId)].filter(Boolean).join(", "),
  }));
}

/** A booking for whoever may see it (the booker, the association's admins, caseworkers), with what they may do to it. */
export async function bookingPage(ctx: ServiceContext, id: string) {
  const b = await bookings.bookingWithNames(ctx.db, ctx.tenant.id, id);
  if (!b || !can(ctx.actor, canManageBooking, b)) throw notFound();
  const dates = await bookings.datesOf(ctx.db, ctx.tenant.id, [id]);
  const price = priceOf(b, b, dates.filter((o) => o.status === "active").length);
  const canDecide = can(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id });
  const skipped = b.everyWeeks && b.untilDate ? await skippedOf(ctx, b, dates) : [];
  return { booking: b, dates, skipped, price, canDecide, open: isOpen(b), now: isoNow(ctx.clock) };
}

/** Which dates of a series were left out because the premise was closed, and why. */
async function skippedOf(ctx: ServiceContext, b: Booking, dates: BookingDate[]) {
  const lineage = (await premiseTree(ctx)).lineage(b.premiseId).map((p) => p.id);
  const closures = await premisesRepo.closuresOf(ctx.db, ctx.tenant.id, lineage, b.startDate, b.untilDate ?? b.startDate);
  return skippedDates(b, dates, closures, new Set(lineage));
}

export async function pendingQueue(ctx: ServiceContext) {
  authorize(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id });
  return bookings.pendingBookings(ctx.db, ctx.tenant.id);
}

export async function myBookings(ctx: ServiceContext) {
  if (!isPerson(ctx.actor)) return [];
  const admin = [...ctx.actor.memberships].filter(([, role]) => role === "admin").map(([id]) => id);
  return bookings.bookingsOf(ctx.db, ctx.tenant.id, ctx.actor.userId, admin);
}
