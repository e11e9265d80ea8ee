import { isOverlapViolation, takeTurns } from "../../db/portable.js";
import { auditEntry } from "../../platform/audit/audit.js";
import { authorize, can, isPerson } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { requireFound } from "../../platform/http/references.js";
import type { MessageKey } from "../../platform/i18n/i18n.js";
import { newId } from "../../platform/ids.js";
import { sendMail } from "../../platform/mail/send.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { actFor } from "../associations/index.js";
import { type CalendarEvent, icsOf } from "./calendar.js";
import { addDays, expand, localToday, minuteOf, minutesBetween, type Occurrence, type Series } from "./occurrences.js";
import { hoursOn, PremiseTree } from "./premise-tree.js";
import { canBookFor, canDecideBookings } from "./premises.policy.js";
import * as repo from "./premises.repository.js";
import type { BookingInput } from "./premises.schema.js";

export type Premise = repo.PremiseRow;

export interface Problem {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}
export interface Alternative {
  premiseId: string;
  premiseName: string;
  date: string;
  start: string;
  end: string;
}
export type RequestResult =
  | { ok: true; id: string; status: "pending" | "approved"; skipped: string[] }
  | { ok: false; problems: Problem[]; alternatives: Alternative[] };

export async function premiseTree(ctx: Pick<ServiceContext, "db" | "tenant">) {
  return new PremiseTree(await repo.allPremises(ctx.db, ctx.tenant.id));
}

const seriesOf = (input: BookingInput, zone: string): Series => ({
  startDate: input.date,
  startTime: input.start,
  endTime: input.end,
  zone,
  everyWeeks: input.repeat === "weekly" ? 1 : input.repeat === "biweekly" ? 2 : null,
  untilDate: input.repeat === "none" ? null : input.until,
});

/**
 * What is wrong with a request before anyone else's bookings are looked at: the premise's rules,
 * its opening hours and its closures. A series skips the dates the premise is closed.
 */
export function checkRules(
  tree: PremiseTree,
  premise: Premise,
  hours: repo.HoursRow[],
  closures: repo.ClosureRow[],
  input: BookingInput,
  occurrences: Occurrence[],
  now: Date,
  zone: string,
): { problems: Problem[]; dates: Occurrence[]; skipped: string[] } {
  const problems: Problem[] = [];
  const today = localToday(now, zone);
  const length = minutesBetween(input.start, input.end);
  if (!premise.bookable) problems.push({ field: "premise", key: "booking.notBookable" });
  if (premise.capacity !== null && input.participants > premise.capacity)
    problems.push({ field: "participants", key: "booking.tooMany", params: { capacity: premise.capacity } });
  if (length < premise.min_minutes) problems.push({ field: "end", key: "booking.tooShort", params: { minutes: premise.min_minutes } });
  if (length > premise.max_minutes) problems.push({ field: "end", key: "booking.tooLong", params: { hours: premise.max_minutes / 60 } });
  const first = occurrences[0];
  if (first && first.startsAt.getTime() < now.getTime()) problems.push({ field: "date", key: "booking.past", params: { today } });
  const lastDay = addDays(today, premise.max_days_ahead);
  if (input.date > lastDay) problems.push({ field: "date", key: "booking.tooFarAhead", params: { date: lastDay } });
  if (input.repeat !== "none" && input.until > addDays(input.date, 366)) problems.push({ field: "until", key: "booking.seriesTooLong" });

  const lineage = new Set(tree.lineage(premise.id).map((p) => p.id));
  const closedOn = (date: string) => closures.find((c) => lineage.has(c.premise_id) && c.from_date <= date && date <= c.to_date);
  const dates: Occurrence[] = [];
  const skipped: string[] = [];
  for (const o of occurrences) {
    const open = hoursOn(tree, hours, premise.id, o.localDate);
    if (!open) {
      problems.push({ field: "date", key: "booking.closedThatDay" });
      break;
    }
    if (input.start < open.opens || input.end > open.closes) {
      problems.push({ field: "start", key: "booking.outsideHours", params: { opens: open.opens, closes: open.closes } });
      break;
    }
    const closure = closedOn(o.localDate);
    if (closure && input.repeat === "none") {
      problems.push({ field: "date", key: "booking.closure", params: { from: closure.from_date, to: closure.to_date, reason: closure.reason } });
      break;
    }
    if (closure) skipped.push(o.localDate);
    else dates.push(o);
  }
  if (problems.length === 0 && dates.length === 0) problems.push({ field: "date", key: "booking.noDatesLeft" });
  return { problems, dates, skipped };
}

export class SlotTaken extends Error {}

/** Writes a booking and holds its dates; throws SlotTaken (or the constraint's error) when any is taken. */
export async function writeBooking(
  db: ServiceContext["db"],
  ctx: Pick<ServiceContext, "tenant" | "clock">,
  tree: PremiseTree,
  premise: Premise,
  b: { id: string; associationId: string | null; userId: string | null; purpose: string; participants: number; status: "pending" | "approved"; series: Series },
  dates: Occurrence[],
) {
  const now = isoNow(ctx.clock);
  await db
    .insertInto("bookings")
    .values({
      id: b.id,
      tenant_id: ctx.tenant.id,
      premise_id: premise.id,
      association_id: b.associationId,
      user_id: b.userId,
      purpose: b.purpose,
      participants: b.participants,
      status: b.status,
      zone: b.series.zone,
      start_date: b.series.startDate,
      start_time: b.series.startTime,
      end_time: b.series.endTime,
      every_weeks: b.series.everyWeeks,
      until_date: b.series.untilDate,
      decision_note: null,
      decided_by: null,
      decided_at: b.status === "approved" ? now : null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await hold(db, ctx.tenant.id, tree, premise, b.id, dates);
}

/**
 * Takes the times for a booking's dates, or moves one of its dates when `moving` names it. Throws
 * SlotTaken when any of them is held already.
 */
async function hold(db: ServiceContext["db"], tenantId: string, tree: PremiseTree, premise: Premise, bookingId: string, dates: Occurrence[], moving?: string) {
  const parts = tree.withParts(premise.id);
  // Requests for the same building take turns, so each sees the one before it; the constraint stays the guarantee.
  await takeTurns(db, `premises:${tree.building(premise.id)?.id ?? premise.id}`);
  if (moving) await db.deleteFrom("occupancy").where("tenant_id", "=", tenantId).where("occurrence_id", "=", moving).execute();
  for (const o of dates) {
    const start = minuteOf(o.startsAt);
    const end = minuteOf(o.endsAt) + premise.buffer_minutes;
    // On SQLite this check is the guarantee (one writer at a time); on PostgreSQL the exclusion constraint is.
    if ((await repo.overlapping(db, tenantId, parts, start, end)).length > 0) throw new SlotTaken();
    const when = { local_date: o.localDate, starts_at: o.startsAt.toISOString(), ends_at: o.endsAt.toISOString() };
    const occurrenceId = moving ?? newId();
    if (moving) await db.updateTable("booking_occurrences").set(when).where("tenant_id", "=", tenantId).where("id", "=", moving).execute();
    else
      await db
        .insertInto("booking_occurrences")
        .values({ id: occurrenceId, tenant_id: tenantId, booking_id: bookingId, premise_id: premise.id, status: "active", ...when })
        .execute();
    await db
      .insertInto("occupancy")
      .values(parts.map((premiseId) => ({ occurrence_id: occurrenceId, tenant_id: tenantId, premise_id: premiseId, start_minute: start, end_minute: end })))
      .execute();
  }
}

/** Is the premise (and everything it is part of or holds) free for all these times? */
export async function isFree(ctx: ServiceContext, tree: PremiseTree, premise: Premise, dates: Occurrence[]) {
  const parts = tree.withParts(premise.id);
  for (const o of dates) {
    if ((await repo.overlapping(ctx.db, ctx.tenant.id, parts, minuteOf(o.startsAt), minuteOf(o.endsAt) + premise.buffer_minutes)).length > 0) return false;
  }
  return true;
}

/**
 * What would work instead: the same time in another room of the same size or bigger (same building
 * first), and the nearest free times in this room on the same day and the weeks after.
 */
export async function alternatives(ctx: ServiceContext, tree: PremiseTree, premise: Premise, input: BookingInput): Promise<Alternative[]> {
  const zone = ctx.tenant.timeZone;
  const building = tree.building(premise.id)?.id;
  const series = seriesOf(input, zone);
  const found: Alternative[] = [];
  const others = tree.all
    .filter((p) => p.id !== premise.id && p.bookable && (p.capacity ?? Number.POSITIVE_INFINITY) >= input.participants && p.kind === premise.kind)
    .sort((a, b) => Number(tree.building(b.id)?.id === building) - Number(tree.building(a.id)?.id === building));
  const hours = await repo.hoursOf(
    ctx.db,
    ctx.tenant.id,
    tree.all.map((p) => p.id),
  );
  const opensAt = (p: Premise, date: string, start: string, end: string) => {
    const open = hoursOn(tree, hours, p.id, date);
    return open !== null && open.opens <= start && end <= open.closes;
  };
  for (const p of others) {
    if (found.length >= 3) break;
    if (opensAt(p, input.date, input.start, input.end) && (await isFree(ctx, tree, p, expand(series))))
      found.push({ premiseId: p.id, premiseName: p.name, date: input.date, start: input.start, end: input.end });
  }
  const length = minutesBetween(input.start, input.end);
  const shift = (time: string, minutes: number) => {
    const total = minutesBetween("00:00", time) + minutes;
    return total < 0 || total >= 24 * 60 ? null : `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
  };
  const candidates: { date: string; start: string; end: string }[] = [];
  for (const hoursAway of [1, -1, 2, -2, 3, -3]) {
    const start = shift(input.start, hoursAway * 60);
    const end = start && shift(start, length);
    if (start && end) candidates.push({ date: input.date, start, end });
  }
  for (const weeks of [1, 2, 3]) candidates.push({ date: addDays(input.date, 7 * weeks), start: input.start, end: input.end });
  let own = 0;
  for (const c of candidates) {
    if (own >= 3) break;
    const dates = expand({
      ...series,
      startDate: c.date,
      startTime: c.start,
      endTime: c.end,
      untilDate: series.untilDate && c.date > series.untilDate ? c.date : series.untilDate,
    });
    if (
      dates[0] &&
      dates[0].startsAt.getTime() > ctx.clock.now().getTime() &&
      opensAt(premise, c.date, c.start, c.end) &&
      (await isFree(ctx, tree, premise, dates))
    ) {
      found.push({ premiseId: premise.id, premiseName: premise.name, ...c });
      own += 1;
    }
  }
  return found;
}

/**
 * A request for a room, once or as a series. It holds its times from the moment it is made, so
 * two people can never get the same slot; approved at once where the premise says so.
 */
export async function requestBooking(ctx: ServiceContext, premiseId: string, input: BookingInput): Promise<RequestResult> {
  if (input.associationId) await actFor(ctx, canBookFor, input.associationId, "associationId");
  if (!isPerson(ctx.actor)) throw new AppError(401, "unauthenticated", "error.signInRequired");
  const actor = ctx.actor;
  const tree = await premiseTree(ctx);
  const premise = tree.byId.get(premiseId);
  if (!premise) throw notFound();
  if (!input.associationId && premise.who_may_book !== "everyone")
    return { ok: false, problems: [{ field: "associationId", key: "booking.associationsOnly" }], alternatives: [] };
  const zone = ctx.tenant.timeZone;
  const occurrences = expand(seriesOf(input, zone));
  const lineage = tree.lineage(premise.id).map((p) => p.id);
  const [hours, closures] = await Promise.all([
    repo.hoursOf(ctx.db, ctx.tenant.id, lineage),
    repo.closuresOf(ctx.db, ctx.tenant.id, lineage, input.date, occurrences.at(-1)?.localDate ?? input.date),
  ]);
  const checked = checkRules(tree, premise, hours, closures, input, occurrences, ctx.clock.now(), zone);
  if (checked.problems.length > 0) return { ok: false, problems: checked.problems, alternatives: [] };

  const id = newId();
  const status = premise.approval === "auto" ? ("approved" as const) : ("pending" as const);
  const series = seriesOf(input, zone);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await writeBooking(
        trx,
        ctx,
        tree,
        premise,
        { id, associationId: input.associationId || null, userId: actor.userId, purpose: input.purpose, participants: input.participants, status, series },
        checked.dates,
      );
      await auditEntry(trx, ctx.clock, {
        tenantId: ctx.tenant.id,
        actorId: actor.userId,
        action: "booking.requested",
        entityType: "booking",
        entityId: id,
        ip: ctx.ip,
      });
      await tellBooker(trx, ctx, id, status === "approved" ? "approved" : "received");
    });
  } catch (error) {
    if (error instanceof SlotTaken || isOverlapViolation(error)) {
      return { ok: false, problems: [{ field: "start", key: "booking.taken" }], alternatives: await alternatives(ctx, tree, premise, input) };
    }
    throw error;
  }
  return { ok: true, id, status, skipped: checked.skipped };
}

/** The booking's dates as calendar events, with the booker's and the premise's names. */
export async function bookingEvents(
  db: ServiceContext["db"],
  ctx: Pick<ServiceContext, "tenant">,
  tree: PremiseTree,
  bookingIds: string[],
): Promise<CalendarEvent[]> {
  const rows = await repo.occurrencesOf(db, ctx.tenant.id, bookingIds);
  const bookings = new Map((await repo.findBookings(db, ctx.tenant.id, bookingIds)).map((b) => [b.id, b]));
  return rows
    .filter((o) => o.status === "active")
    .map((o) => ({
      id: o.id,
      startsAt: o.starts_at,
      endsAt: o.ends_at,
      summary: `${bookings.get(o.booking_id)?.purpose ?? ""} – ${tree.byId.get(o.premise_id)?.name ?? ""}`,
      location: [tree.byId.get(o.premise_id)?.name, tree.addressOf(o.premise_id)].filter(Boolean).join(", "),
    }));
}

type Telling = "received" | "approved" | "rejected" | "proposed";
const TELLING: Record<Telling, { subject: MessageKey; body: MessageKey }> = {
  proposed: { subject: "mail.booking.proposed.subject", body: "mail.booking.proposed.body" },
  received: { subject: "mail.booking.received.subject", body: "mail.booking.received.body" },
  approved: { subject: "mail.booking.approved.subject", body: "mail.booking.approved.body" },
  rejected: { subject: "mail.booking.rejected.subject", body: "mail.booking.rejected.body" },
};

/** The e-mail that tells the booker what happened; an approval carries the dates as an .ics file and how to get in. */
export async function tellBooker(db: ServiceContext["db"], ctx: Pick<ServiceContext, "clock" | "tenant" | "baseUrl">, bookingId: string, what: Telling) {
  const b = await repo.bookingWithNames(db, ctx.tenant.id, bookingId);
  if (!b?.booker_email) return;
  const tree = await premiseTree({ db, tenant: ctx.tenant });
  const premise = tree.byId.get(b.premise_id);
  const access = tree
    .lineage(b.premise_id)
    .map((p) => p.access_details)
    .find(Boolean);
  const events = what === "approved" ? await bookingEvents(db, ctx, tree, [b.id]) : [];
  const dates = (await repo.occurrencesOf(db, ctx.tenant.id, [b.id])).filter((o) => o.status === "active").length;
  const price = what === "rejected" ? null : priceOf(b, b, dates);
  const host = new URL(ctx.baseUrl).hostname;
  await sendMail(db, ctx.clock, {
    tenant: ctx.tenant,
    to: b.booker_email,
    compose: (t) => ({
      subject: t(TELLING[what].subject, { premise: b.premise_name }),
      paragraphs: [
        t(TELLING[what].body, { premise: b.premise_name, purpose: b.purpose, when: describeWhen(t, b), note: b.decision_note ?? "" }),
        ...(what === "approved" && access ? [t("mail.booking.access", { access })] : []),
        ...(price ? [t("mail.booking.price", { price: formatMoney(ctx.tenant.defaultLanguage, price) })] : []),
        ...(what === "approved" && premise?.house_rules ? [t("mail.booking.rules", { rules: premise.house_rules })] : []),
      ],
      action: { label: t("mail.booking.action"), url: `${ctx.baseUrl}/premises/bookings/${b.id}` },
      attachments: events.length
        ? [{ filename: "booking.ics", contentType: "text/calendar; charset=utf-8", content: icsOf(b.premise_name, host, events) }]
        : undefined,
    }),
  });
}

export function describeWhen(
  t: import("../../platform/i18n/i18n.js").T,
  b: Pick<repo.BookingRow, "start_date" | "start_time" | "end_time" | "every_weeks" | "until_date">,
) {
  const time = `${b.start_time}–${b.end_time}`;
  if (!b.every_weeks) return t("booking.when.once", { date: b.start_date, time });
  return t(b.every_weeks === 2 ? "booking.when.biweekly" : "booking.when.weekly", { date: b.start_date, until: b.until_date ?? "", time });
}

/** Caseworkers approve or reject requests, one or many at a time; a rejection frees the times and says why. */
export async function decide(ctx: ServiceContext, ids: string[], decision: "approve" | "reject", note: string) {
  authorize(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id });
  const actor = ctx.actor;
  if (decision === "reject" && !note) throw new AppError(422, "validation_failed", "booking.reject.noteRequired", { note: "booking.reject.noteRequired" });
  const now = isoNow(ctx.clock);
  let decided = 0;
  await ctx.db.transaction().execute(async (trx) => {
    const found = new Map((await repo.findBookings(trx, ctx.tenant.id, ids)).map((b) => [b.id, b]));
    requireFound(
      found,
      ids.map((id) => ({ id, field: "ids" })),
    );
    for (const id of new Set(ids)) {
      // Another caseworker may have decided it meanwhile.
      if (found.get(id)?.status !== "pending") continue;
      // A rejection frees the times first; the booking then says it was rejected, not cancelled.
      if (decision === "reject") await release(trx, ctx, id, null);
      await trx
        .updateTable("bookings")
        .set({
          status: decision === "approve" ? "approved" : "rejected",
          decision_note: note || null,
          decided_by: actor.userId,
          decided_at: now,
          updated_at: now,
        })
        .where("tenant_id", "=", ctx.tenant.id)
        .where("id", "=", id)
        .execute();
      await auditEntry(trx, ctx.clock, {
        tenantId: ctx.tenant.id,
        actorId: actor.userId,
        action: decision === "approve" ? "booking.approved" : "booking.rejected",
        entityType: "booking",
        entityId: id,
        ip: ctx.ip,
      });
      await tellBooker(trx, ctx, id, decision === "approve" ? "approved" : "rejected");
      decided += 1;
    }
  });
  return decided;
}

/** Frees the times of a booking's dates (some of them, or all); a booking with no date left is cancelled. */
export async function release(db: ServiceContext["db"], ctx: Pick<ServiceContext, "tenant" | "clock">, bookingId: string, dates: string[] | null) {
  const tenantId = ctx.tenant.id;
  const all = (await repo.occurrencesOf(db, tenantId, [bookingId])).filter((o) => o.status === "active");
  const ids = all.filter((o) => !dates || dates.includes(o.local_date)).map((o) => o.id);
  if (ids.length === 0) return;
  await db.deleteFrom("occupancy").where("tenant_id", "=", tenantId).where("occurrence_id", "in", ids).execute();
  await db.updateTable("booking_occurrences").set({ status: "cancelled" }).where("tenant_id", "=", tenantId).where("id", "in", ids).execute();
  if (ids.length === all.length)
    await db
      .updateTable("bookings")
      .set({ status: "cancelled", updated_at: isoNow(ctx.clock) })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", bookingId)
      .execute();
}

export function mayManageBooking(ctx: ServiceContext, b: repo.BookingRow) {
  return (
    isPerson(ctx.actor) &&
    (b.user_id === ctx.actor.userId ||
      (b.association_id !== null && can(ctx.actor, canBookFor, { tenantId: ctx.tenant.id, associationId: b.association_id })) ||
      can(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id }))
  );
}

export async function bookingPage(ctx: ServiceContext, id: string) {
  const b = await repo.bookingWithNames(ctx.db, ctx.tenant.id, id);
  if (!b || !mayManageBooking(ctx, b)) throw notFound();
  const occurrences = await repo.occurrencesOf(ctx.db, ctx.tenant.id, [id]);
  const price = priceOf(b, b, occurrences.filter((o) => o.status === "active").length);
  return { booking: b, occurrences, price, canDecide: can(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id }), now: isoNow(ctx.clock) };
}

/**
 * Cancels one date, a date and the rest of the series, or all of it, no later than the premise's
 * deadline before each date.
 */
export async function cancel(ctx: ServiceContext, id: string, scope: "one" | "rest" | "all", date: string): Promise<Problem[]> {
  const b = await repo.findBooking(ctx.db, ctx.tenant.id, id);
  if (!b || !mayManageBooking(ctx, b) || !isPerson(ctx.actor)) throw notFound();
  const actorId = ctx.actor.userId;
  if (b.status === "cancelled" || b.status === "rejected") return [];
  const premise = await repo.findPremise(ctx.db, ctx.tenant.id, b.premise_id);
  const deadline = ctx.clock.now().getTime() + (premise?.cancel_hours ?? 0) * 3600_000;
  const occurrences = (await repo.occurrencesOf(ctx.db, ctx.tenant.id, [id])).filter((o) => o.status === "active");
  const affected = occurrences.filter((o) => (scope === "one" ? o.local_date === date : scope === "rest" ? o.local_date >= date : true));
  if (affected.length === 0) return [{ field: "date", key: "booking.cancel.noSuchDate" }];
  if (affected.some((o) => new Date(o.starts_at).getTime() < deadline && new Date(o.starts_at).getTime() > ctx.clock.now().getTime()))
    return [{ field: "date", key: "booking.cancel.tooLate", params: { hours: premise?.cancel_hours ?? 0 } }];
  const future = affected.filter((o) => new Date(o.starts_at).getTime() > ctx.clock.now().getTime()).map((o) => o.local_date);
  await ctx.db.transaction().execute(async (trx) => {
    await release(trx, ctx, id, future);
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId,
      action: `booking.cancelled.${scope}`,
      entityType: "booking",
      entityId: id,
      ip: ctx.ip,
      details: { dates: future.join(",") },
    });
  });
  return [];
}

export async function pendingQueue(ctx: ServiceContext) {
  authorize(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id });
  return repo.pendingBookings(ctx.db, ctx.tenant.id);
}

export async function myBookings(ctx: ServiceContext) {
  if (!isPerson(ctx.actor)) return [];
  const admin = [...ctx.actor.memberships].filter(([, role]) => role === "admin").map(([id]) => id);
  return repo.bookingsOf(ctx.db, ctx.tenant.id, ctx.actor.userId, admin);
}

/**
 * Moves one date of a booking to another day or time, under the same rules as a new request and no
 * later than the premise's deadline before the old date.
 */
export async function moveDate(
  ctx: ServiceContext,
  bookingId: string,
  change: { date: string; newDate: string; start: string; end: string },
): Promise<RequestResult> {
  const b = await repo.findBooking(ctx.db, ctx.tenant.id, bookingId);
  if (!b || !mayManageBooking(ctx, b) || !isPerson(ctx.actor) || (b.status !== "pending" && b.status !== "approved")) throw notFound();
  const actorId = ctx.actor.userId;
  const tree = await premiseTree(ctx);
  const premise = tree.byId.get(b.premise_id);
  if (!premise) throw notFound();
  const occurrence = (await repo.occurrencesOf(ctx.db, ctx.tenant.id, [bookingId])).find((o) => o.local_date === change.date && o.status === "active");
  if (!occurrence) return { ok: false, problems: [{ field: "date", key: "booking.cancel.noSuchDate" }], alternatives: [] };
  if (new Date(occurrence.starts_at).getTime() < ctx.clock.now().getTime() + premise.cancel_hours * 3600_000)
    return { ok: false, problems: [{ field: "date", key: "booking.cancel.tooLate", params: { hours: premise.cancel_hours } }], alternatives: [] };
  const input: BookingInput = {
    associationId: b.association_id ?? "",
    purpose: b.purpose,
    participants: b.participants,
    date: change.newDate,
    start: change.start,
    end: change.end,
    repeat: "none",
    until: "",
  };
  const zone = b.zone;
  const dates = expand(seriesOf(input, zone));
  const lineage = tree.lineage(premise.id).map((p) => p.id);
  const [hours, closures] = await Promise.all([
    repo.hoursOf(ctx.db, ctx.tenant.id, lineage),
    repo.closuresOf(ctx.db, ctx.tenant.id, lineage, input.date, input.date),
  ]);
  const checked = checkRules(tree, premise, hours, closures, input, dates, ctx.clock.now(), zone);
  if (checked.problems.length > 0) return { ok: false, problems: checked.problems, alternatives: [] };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await hold(trx, ctx.tenant.id, tree, premise, bookingId, checked.dates, occurrence.id);
      await trx
        .updateTable("bookings")
        .set({ updated_at: isoNow(ctx.clock) })
        .where("tenant_id", "=", ctx.tenant.id)
        .where("id", "=", bookingId)
        .execute();
      await auditEntry(trx, ctx.clock, {
        tenantId: ctx.tenant.id,
        actorId,
        action: "booking.date_moved",
        entityType: "booking",
        entityId: bookingId,
        ip: ctx.ip,
        details: { from: change.date, to: `${change.newDate} ${change.start}-${change.end}` },
      });
    });
  } catch (error) {
    if (error instanceof SlotTaken || isOverlapViolation(error)) {
      return { ok: false, problems: [{ field: "newDate", key: "booking.taken" }], alternatives: await alternatives(ctx, tree, premise, input) };
    }
    throw error;
  }
  return { ok: true, id: bookingId, status: b.status, skipped: [] };
}

/**
 * Instead of yes or no, a caseworker offers another time (for a series: another first date and
 * time on the same rhythm). The new times are held and the old ones freed until the booker answers.
 */
export async function proposeTime(
  ctx: ServiceContext,
  bookingId: string,
  change: { date: string; start: string; end: string; note: string },
): Promise<Problem[]> {
  authorize(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id });
  const actorId = ctx.actor.userId;
  const b = await repo.findBooking(ctx.db, ctx.tenant.id, bookingId);
  if (b?.status !== "pending") throw notFound();
  const tree = await premiseTree(ctx);
  const premise = tree.byId.get(b.premise_id);
  if (!premise) throw notFound();
  const repeat = b.every_weeks === 2 ? "biweekly" : b.every_weeks ? "weekly" : "none";
  const input: BookingInput = {
    associationId: b.association_id ?? "",
    purpose: b.purpose,
    participants: b.participants,
    date: change.date,
    start: change.start,
    end: change.end,
    repeat,
    until: b.until_date ?? "",
  };
  if (repeat !== "none" && input.until <= input.date) return [{ field: "date", key: "booking.until.required" }];
  const lineage = tree.lineage(premise.id).map((p) => p.id);
  const occurrences = expand(seriesOf(input, b.zone));
  const [hours, closures] = await Promise.all([
    repo.hoursOf(ctx.db, ctx.tenant.id, lineage),
    repo.closuresOf(ctx.db, ctx.tenant.id, lineage, input.date, occurrences.at(-1)?.localDate ?? input.date),
  ]);
  const checked = checkRules(tree, premise, hours, closures, input, occurrences, ctx.clock.now(), b.zone);
  if (checked.problems.length > 0) return checked.problems;
  const now = isoNow(ctx.clock);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await release(trx, ctx, bookingId, null);
      await hold(trx, ctx.tenant.id, tree, premise, bookingId, checked.dates);
      await trx
        .updateTable("bookings")
        .set({
          status: "proposed",
          start_date: input.date,
          start_time: input.start,
          end_time: input.end,
          decision_note: change.note || null,
          decided_by: actorId,
          decided_at: now,
          updated_at: now,
        })
        .where("tenant_id", "=", ctx.tenant.id)
        .where("id", "=", bookingId)
        .execute();
      await auditEntry(trx, ctx.clock, {
        tenantId: ctx.tenant.id,
        actorId,
        action: "booking.time_proposed",
        entityType: "booking",
        entityId: bookingId,
        ip: ctx.ip,
      });
      await tellBooker(trx, ctx, bookingId, "proposed");
    });
  } catch (error) {
    if (error instanceof SlotTaken || isOverlapViolation(error)) return [{ field: "date", key: "booking.taken" }];
    throw error;
  }
  return [];
}

/** The booker takes the proposed time (it is booked) or says no (its times are freed). */
export async function answerProposal(ctx: ServiceContext, bookingId: string, accept: boolean) {
  const b = await repo.findBooking(ctx.db, ctx.tenant.id, bookingId);
  if (b?.status !== "proposed" || !mayManageBooking(ctx, b) || !isPerson(ctx.actor)) throw notFound();
  const actorId = ctx.actor.userId;
  await ctx.db.transaction().execute(async (trx) => {
    if (accept) {
      await trx
        .updateTable("bookings")
        .set({ status: "approved", updated_at: isoNow(ctx.clock) })
        .where("tenant_id", "=", ctx.tenant.id)
        .where("id", "=", bookingId)
        .execute();
      await tellBooker(trx, ctx, bookingId, "approved");
    } else await release(trx, ctx, bookingId, null);
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId,
      action: accept ? "booking.proposal_accepted" : "booking.proposal_declined",
      entityType: "booking",
      entityId: bookingId,
      ip: ctx.ip,
    });
  });
}

/** What a booking costs: associations book free; others pay the premise's price per hour for every date. */
export function priceOf(
  premise: Pick<Premise, "price_per_hour" | "currency">,
  booking: Pick<repo.BookingRow, "association_id" | "start_time" | "end_time">,
  dates: number,
) {
  if (booking.association_id || premise.price_per_hour === 0) return null;
  const hours = minutesBetween(booking.start_time, booking.end_time) / 60;
  return { minor: Math.round(premise.price_per_hour * hours * dates), currency: premise.currency };
}

export const formatMoney = (lang: string, money: { minor: number; currency: string }) =>
  new Intl.NumberFormat(lang, { style: "currency", currency: money.currency }).format(money.minor / 100);
