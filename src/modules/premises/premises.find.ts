import { notFound } from "../../platform/http/errors.js";
import { distanceKm, findPostcode, findPostcodes } from "../../platform/search/postcodes.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { addDays, expand, localTime, type Series } from "../../platform/time/recurrence.js";
import { candidateDates, nearbyFree } from "./bookings/alternatives.js";
import { freeTimes } from "./bookings/free-times.js";
import * as bookings from "./bookings.repository.js";
import { hoursOn } from "./premise-tree.js";
import type { Alternative, Premise } from "./premises.model.js";
import * as premisesRepo from "./premises.repository.js";
import type { FindInput } from "./premises.schema.js";
import { premiseTree } from "./premises.service.js";

export interface FreeRoom {
  premise: Premise;
  building: string;
  distanceKm: number | null;
  free: boolean;
  nearest: Alternative[];
}

/**
 * The rooms that fit and are open then, free ones first and nearest first; for rooms that fit but
 * are taken, the nearest free times. A fixed number of queries, however many rooms.
 */
export async function findRooms(ctx: ServiceContext, input: FindInput): Promise<{ rooms: FreeRoom[]; nearUnknown: boolean }> {
  const tree = await premiseTree(ctx);
  const fits = tree.all.filter(
    (p) =>
      p.bookable && (!input.people || (p.capacity ?? Number.POSITIVE_INFINITY) >= input.people) && (!input.stepFree || p.accessibility.includes("step_free")),
  );
  const when = input.date && input.start && input.end && input.end > input.start ? { date: input.date, start: input.start, end: input.end } : null;
  const series: Series | null = when
    ? { startDate: when.date, startTime: when.start, endTime: when.end, zone: ctx.tenant.timeZone, everyWeeks: null, untilDate: null }
    : null;
  const [hours, origin, places, free] = await Promise.all([
    premisesRepo.hoursOf(
      ctx.db,
      ctx.tenant.id,
      tree.all.map((p) => p.id),
    ),
    input.near ? findPostcode(ctx.db, ctx.tenant.country, input.near) : null,
    findPostcodes(
      ctx.db,
      ctx.tenant.country,
      tree.all.flatMap((p) => (p.postcode ? [p.postcode] : [])),
    ),
    series ? freeTimes(ctx, tree, fits, candidateDates(series)) : null,
  ]);
  const rooms = fits.map((p): FreeRoom => {
    const postcode = tree.postcodeOf(p.id);
    const place = postcode ? places.get(postcode) : undefined;
    const room: FreeRoom = {
      premise: p,
      building: tree.building(p.id)?.name ?? "",
      distanceKm: origin && place ? distanceKm(origin, place) : null,
      free: true,
      nearest: [],
    };
    if (when && series && free) {
      const open = hoursOn(tree, hours, p.id, when.date);
      room.free = open !== null && open.opens <= when.start && when.end <= open.closes && free.isFree(p, expand(series));
      if (!room.free && open !== null) room.nearest = nearbyFree(tree, hours, free, p, series, ctx.clock.now());
    }
    return room;
  });
  rooms.sort((a, b) => Number(b.free) - Number(a.free) || (a.distanceKm ?? 0) - (b.distanceKm ?? 0) || a.premise.name.localeCompare(b.premise.name));
  return { rooms, nearUnknown: Boolean(input.near) && !origin };
}

/** A room's days from a date: its opening hours and what is booked (by which association, once approved), day by day. */
export async function availability(ctx: ServiceContext, premiseId: string, from: string, dayCount: number) {
  const tree = await premiseTree(ctx);
  const premise = tree.byId.get(premiseId);
  if (!premise) throw notFound();
  const zone = ctx.tenant.timeZone;
  const lineage = tree.lineage(premiseId).map((p) => p.id);
  const days = Array.from({ length: dayCount }, (_, i) => addDays(from, i));
  const last = days.at(-1) ?? from;
  const midnight = (date: string) =>
    expand({ startDate: date, startTime: "00:00", endTime: "00:01", zone, everyWeeks: null, untilDate: null })[0]?.startsAt ?? new Date(date);
  const [hours, closures, booked] = await Promise.all([
    premisesRepo.hoursOf(ctx.db, ctx.tenant.id, lineage),
    premisesRepo.closuresOf(ctx.db, ctx.tenant.id, lineage, from, last),
    bookings.bookedTimes(
      ctx.db,
      ctx.tenant.id,
      [...tree.withParts(premiseId), ...lineage],
      midnight(from).toISOString(),
      midnight(addDays(last, 1)).toISOString(),
    ),
  ]);
  return {
    premise,
    tree,
    days: days.map((date) => {
      const closure = closures.find((c) => c.fromDate <= date && date <= c.toDate) ?? null;
      return {
        date,
        open: closure ? null : hoursOn(tree, hours, premiseId, date),
        closure: closure?.reason ?? null,
        booked: booked
          .filter((o) => o.localDate === date)
          .map((o) => {
            // An association's approved booking is public; a private person's is nobody else's business.
            const shown = o.status === "approved" && o.associationName !== null;
            return {
              start: localTime(new Date(o.startsAt), zone),
              end: localTime(new Date(o.endsAt), zone),
              status: o.status,
              own: o.premiseId === premiseId,
              by: shown ? o.associationName : null,
              purpose: shown ? o.purpose : null,
            };
          }),
      };
    }),
  };
}
