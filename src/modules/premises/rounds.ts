import { isOverlapViolation } from "../../db/portable.js";
import { auditEntry } from "../../platform/audit/audit.js";
import { authorize, can, isPerson } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { requireFound } from "../../platform/http/references.js";
import { newId } from "../../platform/ids.js";
import { sendMail } from "../../platform/mail/send.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { addDays, expand, localToday, minutesBetween, weekdayOf } from "../../platform/time/recurrence.js";
import { weekdayLabel } from "../../platform/week-slots.js";
import { actFor, identities } from "../associations/index.js";
import { type AllocApplication, type AllocRoom, allocate, objective, type Priority } from "./allocation/allocate.js";
import { exactAllocation } from "./allocation/exact.js";
import { hoursOn, type PremiseTree } from "./premise-tree.js";
import { canBookFor, canDecideBookings } from "./premises.policy.js";
import * as repo from "./premises.repository.js";
import { premiseTree, release, SlotTaken, writeBooking } from "./premises.service.js";
import type { AllocationApplicationsTable } from "./premises.table.js";

export type RoundApplication = AllocationApplicationsTable;
const minutes = (time: string) => minutesBetween("00:00", time);
const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
/** The first date on or after `from` that falls on a weekday. */
const firstOn = (from: string, weekday: number) => {
  let d = from;
  while (weekdayOf(d) !== weekday) d = addDays(d, 1);
  return d;
};

async function findRound(ctx: ServiceContext, id: string) {
  const round = await ctx.db.selectFrom("allocation_rounds").selectAll().where("tenant_id", "=", ctx.tenant.id).where("id", "=", id).executeTakeFirst();
  if (!round) throw notFound();
  return round;
}

/** An application to the round the path names. */
async function findApplication(ctx: ServiceContext, roundId: string, id: string) {
  const a = await repo.applicationInRound(ctx.db, ctx.tenant.id, roundId, id);
  if (!a) throw notFound();
  return a;
}

export async function rounds(ctx: ServiceContext) {
  return ctx.db.selectFrom("allocation_rounds").selectAll().where("tenant_id", "=", ctx.tenant.id).orderBy("season_from", "desc").execute();
}

export async function createRound(ctx: ServiceContext, input: { name: string; from: string; to: string }) {
  authorize(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id });
  const actorId = ctx.actor.userId;
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("allocation_rounds")
      .values({
        id,
        tenant_id: ctx.tenant.id,
        name: input.name,
        season_from: input.from,
        season_to: input.to,
        status: "open",
        created_at: isoNow(ctx.clock),
        published_at: null,
      })
      .execute();
    await auditEntry(trx, ctx.clock, { tenantId: ctx.tenant.id, actorId, action: "round.created", entityType: "allocation_round", entityId: id, ip: ctx.ip });
  });
  return id;
}

/** A round as each sees it: staff every application, an association its own. */
export async function roundPage(ctx: ServiceContext, id: string) {
  const round = await findRound(ctx, id);
  const staff = can(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id });
  const mine = isPerson(ctx.actor) ? [...ctx.actor.memberships].filter(([, role]) => role === "admin").map(([a]) => a) : [];
  if (!staff && mine.length === 0) throw notFound();
  const applications = await ctx.db
    .selectFrom("allocation_applications as x")
    .innerJoin("associations as a", (j) => j.onRef("a.id", "=", "x.association_id").onRef("a.tenant_id", "=", "x.tenant_id"))
    .selectAll("x")
    .select("a.name as association_name")
    .where("x.tenant_id", "=", ctx.tenant.id)
    .where("x.round_id", "=", id)
    .$if(!staff, (q) => q.where("x.association_id", "in", mine.length ? mine : [""]))
    .orderBy("x.priority")
    .orderBy("x.created_at")
    .execute();
  const tree = await premiseTree(ctx);
  return { round, applications, tree, staff };
}

export interface WishInput {
  associationId: string;
  purpose: string;
  participants: number;
  priority: Priority;
  disabilityUse: boolean;
  minutes: number;
  firstPremiseId: string;
  firstWeekday: number;
  firstStart: string;
  secondPremiseId: string | null;
  secondWeekday: number | null;
  secondStart: string | null;
  windowFrom: string | null;
  windowTo: string | null;
}

export async function apply(ctx: ServiceContext, roundId: string, input: WishInput) {
  const actorId = (await actFor(ctx, canBookFor, input.associationId, "associationId")).actor.userId;
  const round = await findRound(ctx, roundId);
  if (round.status !== "open") throw new AppError(409, "closed", "round.closed");
  const tree = await premiseTree(ctx);
  for (const [field, premiseId] of [
    ["firstPremiseId", input.firstPremiseId],
    ["secondPremiseId", input.secondPremiseId],
  ] as const) {
    if (premiseId && !tree.byId.get(premiseId)?.bookable) throw new AppError(422, "validation_failed", "validation.invalid", { [field]: "validation.invalid" });
  }
  await ctx.db
    .insertInto("allocation_applications")
    .values({
      id: newId(),
      tenant_id: ctx.tenant.id,
      round_id: roundId,
      association_id: input.associationId,
      user_id: actorId,
      purpose: input.purpose,
      participants: input.participants,
      priority: input.priority,
      disability_use: input.disabilityUse ? 1 : 0,
      minutes: input.minutes,
      first_premise_id: input.firstPremiseId,
      first_weekday: input.firstWeekday,
      first_start: input.firstStart,
      second_premise_id: input.secondPremiseId,
      second_weekday: input.secondWeekday,
      second_start: input.secondStart,
      window_from: input.windowFrom,
      window_to: input.windowTo,
      placed_premise_id: null,
      placed_weekday: null,
      placed_start: null,
      placed_choice: null,
      booking_id: null,
      response: null,
      created_at: isoNow(ctx.clock),
    })
    .execute();
}

/** The round in the allocator's terms: rooms with their weekly hours in the season, wishes in minutes. */
async function instanceOf(ctx: ServiceContext, round: { season_from: string }, tree: PremiseTree, applications: RoundApplication[]) {
  const bookable = tree.all.filter((p) => p.bookable);
  const hours = await repo.hoursOf(
    ctx.db,
    ctx.tenant.id,
    tree.all.map((p) => p.id),
  );
  const rooms: AllocRoom[] = bookable.map((p) => ({
    id: p.id,
    suited: p.accessibility.includes("step_free"),
    open: Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => {
        const open = hoursOn(tree, hours, p.id, firstOn(round.season_from, weekday));
        return open ? [[weekday, [minutes(open.opens), minutes(open.closes)] as [number, number]]] : [];
      }),
    ),
  }));
  const likeIt = (premiseId: string) => {
    const p = tree.byId.get(premiseId);
    return bookable.filter((x) => x.id === premiseId || (x.parentId === p?.parentId && x.kind === p?.kind)).map((x) => x.id);
  };
  const wishes: AllocApplication[] = applications.map((a) => ({
    id: a.id,
    associationId: a.association_id,
    // The allocator ranks 1, 2, 3; the tenant decides which kind of activity has which rank.
    priority: (ctx.tenant.allocationOrder.indexOf(a.priority as Priority) + 1) as Priority,
    disabilityUse: a.disability_use === 1,
    minutes: a.minutes,
    first: { roomId: a.first_premise_id, weekday: a.first_weekday, start: minutes(a.first_start) },
    second:
      a.second_premise_id && a.second_weekday && a.second_start
        ? { roomId: a.second_premise_id, weekday: a.second_weekday, start: minutes(a.second_start) }
        : null,
    windows:
      a.window_from && a.window_to
        ? [{ roomIds: likeIt(a.first_premise_id), weekday: a.first_weekday, from: minutes(a.window_from), to: minutes(a.window_to) }]
        : [],
  }));
  return { rooms, wishes };
}

/** Runs the allocator over the round's applications; staff then adjust the proposal by hand. */
export async function propose(ctx: ServiceContext, roundId: string) {
  authorize(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id });
  const actorId = ctx.actor.userId;
  const round = await findRound(ctx, roundId);
  if (round.status === "published") throw new AppError(409, "published", "round.published");
  const { applications, tree } = await roundPage(ctx, roundId);
  const { rooms, wishes } = await instanceOf(ctx, round, tree, applications);
  const placements = new Map(allocate(rooms, wishes).map((p) => [p.applicationId, p]));
  await ctx.db.transaction().execute(async (trx) => {
    for (const a of applications) {
      const p = placements.get(a.id);
      await trx
        .updateTable("allocation_applications")
        .set({
          placed_premise_id: p?.roomId ?? null,
          placed_weekday: p?.weekday ?? null,
          placed_start: p ? clock(p.start) : null,
          placed_choice: p?.choice ?? null,
        })
        .where("tenant_id", "=", ctx.tenant.id)
        .where("id", "=", a.id)
        .execute();
    }
    await trx.updateTable("allocation_rounds").set({ status: "allocating" }).where("tenant_id", "=", ctx.tenant.id).where("id", "=", roundId).execute();
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId,
      action: "round.proposed",
      entityType: "allocation_round",
      entityId: roundId,
      ip: ctx.ip,
    });
  });
}

/** How good the current proposal is against the exact optimum, where the round is small enough to solve. */
export async function quality(ctx: ServiceContext, roundId: string) {
  const round = await findRound(ctx, roundId);
  const { applications, tree } = await roundPage(ctx, roundId);
  if (applications.length === 0 || applications.length > 300) return null;
  const { rooms, wishes } = await instanceOf(ctx, round, tree, applications);
  const current = applications.flatMap((a) =>
    a.placed_premise_id && a.placed_weekday && a.placed_start
      ? [
          {
            applicationId: a.id,
            roomId: a.placed_premise_id,
            weekday: a.placed_weekday,
            start: minutes(a.placed_start),
            end: minutes(a.placed_start) + a.minutes,
            choice: a.placed_choice === "first" || a.placed_choice === "second" ? a.placed_choice : ("window" as const),
          },
        ]
      : [],
  );
  const best = await exactAllocation(rooms, wishes, 10);
  return best.value > 0 ? { ratio: objective(wishes, current) / best.value, optimal: best.optimal } : null;
}

/** Staff move a proposed slot, or take it away; two slots in one room never overlap. */
export async function adjust(
  ctx: ServiceContext,
  roundId: string,
  applicationId: string,
  change: { premiseId: string; weekday: number; start: string } | null,
) {
  authorize(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id });
  const a = await findApplication(ctx, roundId, applicationId);
  const round = await findRound(ctx, a.round_id);
  if (round.status !== "allocating") throw new AppError(409, "not_allocating", "round.notAllocating");
  if (change) {
    const tree = await premiseTree(ctx);
    requireFound(tree.byId, [{ id: change.premiseId, field: "premiseId" }]);
    const parts = new Set([...tree.withParts(change.premiseId), ...tree.lineage(change.premiseId).map((p) => p.id)]);
    const start = minutes(change.start);
    const others = await ctx.db
      .selectFrom("allocation_applications")
      .select(["placed_premise_id", "placed_weekday", "placed_start", "minutes"])
      .where("tenant_id", "=", ctx.tenant.id)
      .where("round_id", "=", a.round_id)
      .where("id", "!=", a.id)
      .where("placed_weekday", "=", change.weekday)
      .execute();
    const clash = others.some(
      (o) =>
        o.placed_premise_id &&
        parts.has(o.placed_premise_id) &&
        o.placed_start &&
        minutes(o.placed_start) < start + a.minutes &&
        start < minutes(o.placed_start) + o.minutes,
    );
    if (clash) throw new AppError(409, "clash", "round.clash", { start: "round.clash" });
  }
  await ctx.db
    .updateTable("allocation_applications")
    .set({
      placed_premise_id: change?.premiseId ?? null,
      placed_weekday: change?.weekday ?? null,
      placed_start: change?.start ?? null,
      placed_choice: change ? "manual" : null,
    })
    .where("tenant_id", "=", ctx.tenant.id)
    .where("id", "=", applicationId)
    .execute();
}

/**
 * Publishes the round: every placed wish becomes a weekly booking for the season (closed days
 * skipped), each association is told what it got, and the round is closed for changes. A slot
 * someone has booked meanwhile is not given, and the association is told so.
 */
export async function publish(ctx: ServiceContext, roundId: string) {
  authorize(ctx.actor, canDecideBookings, { tenantId: ctx.tenant.id });
  const actorId = ctx.actor.userId;
  const round = await findRound(ctx, roundId);
  if (round.status !== "allocating") throw new AppError(409, "not_allocating", "round.notAllocating");
  const { applications, tree } = await roundPage(ctx, roundId);
  const zone = ctx.tenant.timeZone;
  const from = [round.season_from, addDays(localToday(ctx.clock.now(), zone), 1)].sort()[1] as string;
  const closures = await repo.closuresOf(
    ctx.db,
    ctx.tenant.id,
    tree.all.map((p) => p.id),
    from,
    round.season_to,
  );
  for (const a of applications) {
    const premise = a.placed_premise_id ? tree.byId.get(a.placed_premise_id) : undefined;
    if (!premise || !a.placed_weekday || !a.placed_start) continue;
    const series = {
      startDate: firstOn(from, a.placed_weekday),
      startTime: a.placed_start,
      endTime: clock(Math.min(24 * 60 - 1, minutes(a.placed_start) + a.minutes)),
      zone,
      everyWeeks: 1,
      untilDate: round.season_to,
    };
    const lineage = new Set(tree.lineage(premise.id).map((p) => p.id));
    const dates = expand(series).filter((o) => !closures.some((c) => lineage.has(c.premiseId) && c.fromDate <= o.localDate && o.localDate <= c.toDate));
    const bookingId = newId();
    try {
      await ctx.db.transaction().execute(async (trx) => {
        await writeBooking(
          trx,
          ctx,
          tree,
          premise,
          { id: bookingId, associationId: a.association_id, userId: a.user_id, purpose: a.purpose, participants: a.participants, status: "approved", series },
          dates,
        );
        await trx.updateTable("allocation_applications").set({ booking_id: bookingId }).where("tenant_id", "=", ctx.tenant.id).where("id", "=", a.id).execute();
      });
    } catch (error) {
      if (!(error instanceof SlotTaken || isOverlapViolation(error))) throw error;
      await ctx.db
        .updateTable("allocation_applications")
        .set({ placed_premise_id: null, placed_weekday: null, placed_start: null, placed_choice: null })
        .where("tenant_id", "=", ctx.tenant.id)
        .where("id", "=", a.id)
        .execute();
    }
  }
  const after = (await roundPage(ctx, roundId)).applications;
  const emails = await identities(ctx.db, ctx.tenant.id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("allocation_rounds")
      .set({ status: "published", published_at: isoNow(ctx.clock) })
      .where("tenant_id", "=", ctx.tenant.id)
      .where("id", "=", roundId)
      .execute();
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId,
      action: "round.published",
      entityType: "allocation_round",
      entityId: roundId,
      ip: ctx.ip,
    });
    for (const associationId of new Set(after.map((a) => a.association_id))) {
      const theirs = after.filter((a) => a.association_id === associationId);
      const to = emails.find((e) => e.id === associationId)?.email;
      if (!to) continue;
      await sendMail(trx, ctx.clock, {
        tenant: ctx.tenant,
        to,
        compose: (t) => ({
          subject: t("mail.round.subject", { round: round.name }),
          paragraphs: [
            t("mail.round.body", { round: round.name }),
            ...theirs.map((a) =>
              a.booking_id
                ? t("mail.round.granted", {
                    purpose: a.purpose,
                    premise: tree.byId.get(a.placed_premise_id ?? "")?.name ?? "",
                    weekday: t(weekdayLabel(a.placed_weekday ?? 1)),
                    start: a.placed_start ?? "",
                  })
                : t("mail.round.notGranted", { purpose: a.purpose }),
            ),
          ],
          action: { label: t("mail.round.action"), url: `${ctx.baseUrl}/premises/rounds/${roundId}` },
        }),
      });
    }
  });
}

/** The association confirms a slot it was given, or releases it so others can book it. */
export async function respond(ctx: ServiceContext, roundId: string, applicationId: string, response: "confirmed" | "released") {
  const a = await findApplication(ctx, roundId, applicationId);
  authorize(ctx.actor, canBookFor, { tenantId: ctx.tenant.id, associationId: a.association_id });
  const actorId = ctx.actor.userId;
  if (!a.booking_id || a.response) throw new AppError(409, "answered", "round.answered");
  const bookingId = a.booking_id;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable("allocation_applications").set({ response }).where("tenant_id", "=", ctx.tenant.id).where("id", "=", applicationId).execute();
    if (response === "released") await release(trx, ctx, bookingId, null);
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId,
      action: `round.${response}`,
      entityType: "allocation_application",
      entityId: applicationId,
      ip: ctx.ip,
    });
  });
}
