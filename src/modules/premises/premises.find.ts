import { listOf } from "../../db/lists.js";
import { notFound } from "../../platform/http/errors.js";
import { distanceKm, findPostcode, findPostcodes } from "../../platform/search/postcodes.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { addDays, expand, localTime } from "./occurrences.js";
import { hoursOn } from "./premise-tree.js";
import * as repo from "./premises.repository.js";
import type { BookingInput, FindInput } from "./premises.schema.js";
import { type Alternative, alternatives, isFree, type Premise, premiseTree } from "./premises.service.js";

export interface FreeRoom {
  premise: Premise;
  building: string;
  distanceKm: number | null;
  free: boolean;
  nearest: Alternative[];
}

/**
 * The rooms that fit and are open then, free ones first and nearest first; for rooms that fit but
 * are taken, the nearest free times.
 */
export async function findRooms(ctx: ServiceContext, input: FindInput): Promise<{ rooms: FreeRoom[]; nearUnknown: boolean }> {
  const tree = await premiseTree(ctx);
  const hours = await repo.hoursOf(
    ctx.db,
    ctx.tenant.id,
    tree.all.map((p) => p.id),
  );
  const origin = input.near ? await findPostcode(ctx.db, ctx.tenant.country, input.near) : null;
  const places = await findPostcodes(
    ctx.db,
    ctx.tenant.country,
    tree.all.flatMap((p) => (p.postcode ? [p.postcode] : [])),
  );
  const fits = tree.all.filter(
    (p) =>
      p.bookable &&
      (!input.people || (p.capacity ?? Number.POSITIVE_INFINITY) >= input.people) &&
      (!input.stepFree || listOf(p.accessibility).includes("step_free")),
  );
  const when = input.date && input.start && input.end && input.end > input.start ? { date: input.date, start: input.start, end: input.end } : null;
  const rooms: FreeRoom[] = [];
  for (const p of fits) {
    const postcode = tree.postcodeOf(p.id);
    const place = postcode ? places.get(postcode) : undefined;
    const distance = origin && place ? distanceKm(origin, place) : null;
    const room: FreeRoom = { premise: p, building: tree.building(p.id)?.name ?? "", distanceKm: distance, free: true, nearest: [] };
    if (when) {
      const open = hoursOn(tree, hours, p.id, when.date);
      const dates = expand({ startDate: when.date, startTime: when.start, endTime: when.end, zone: ctx.tenant.timeZone, everyWeeks: null, untilDate: null });
      room.free = open !== null && open.opens <= when.start && when.end <= open.closes && (await isFree(ctx, tree, p, dates));
      if (!room.free && open !== null) {
        const input2: BookingInput = {
          associationId: "",
          purpose: "",
          participants: input.people ?? 1,
          date: when.date,
          start: when.start,
          end: when.end,
          repeat: "none",
          until: "",
        };
        room.nearest = (await alternatives(ctx, tree, p, input2)).filter((a) => a.premiseId === p.id);
      }
    }
    rooms.push(room);
  }
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
  const [hours, closures] = await Promise.all([repo.hoursOf(ctx.db, ctx.tenant.id, lineage), repo.closuresOf(ctx.db, ctx.tenant.id, lineage, from, last)]);
  const midnight = (date: string) =>
    expand({ startDate: date, startTime: "00:00", endTime: "00:01", zone, everyWeeks: null, untilDate: null })[0]?.startsAt ?? new Date(date);
  const booked = await repo.occurrencesIn(
    ctx.db,
    ctx.tenant.id,
    [...tree.withParts(premiseId), ...lineage],
    midnight(from).toISOString(),
    midnight(addDays(last, 1)).toISOString(),
  );
  return {
    premise,
    tree,
    days: days.map((date) => {
      const closure = closures.find((c) => c.from_date <= date && date <= c.to_date) ?? null;
      return {
        date,
        open: closure ? null : hoursOn(tree, hours, premiseId, date),
        closure: closure?.reason ?? null,
        booked: booked
          .filter((o) => o.local_date === date)
          .map((o) => {
            // An association's approved booking is public; a private person's is nobody else's business.
            const shown = o.status === "approved" && o.association_name !== null;
            return {
              start: localTime(new Date(o.starts_at), zone),
              end: localTime(new Date(o.ends_at), zone),
              status: o.status,
              own: o.premise_id === premiseId,
              by: shown ? o.association_name : null,
              purpose: shown ? o.purpose : null,
            };
          }),
      };
    }),
  };
}
