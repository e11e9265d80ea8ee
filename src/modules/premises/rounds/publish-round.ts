import { takeTurns } from "../../../db/portable.js";
import { audit } from "../../../platform/audit/audit.js";
import { authorize } from "../../../platform/auth/policy.js";
import { isoNow } from "../../../platform/clock.js";
import { conflict } from "../../../platform/http/errors.js";
import { formats } from "../../../platform/i18n/format.js";
import { newId } from "../../../platform/ids.js";
import { sendMail } from "../../../platform/mail/send.js";
import { inTransaction, type ServiceContext } from "../../../platform/service-context.js";
import { addDays, localToday, minuteOf } from "../../../platform/time/recurrence.js";
import { weekdayLabel } from "../../../platform/week-slots.js";
import { identities } from "../../associations/index.js";
import * as bookings from "../bookings.repository.js";
import { heldTimes } from "../bookings.repository.js";
import type { PremiseTree } from "../premise-tree.js";
import { closuresOf } from "../premises.repository.js";
import { premiseTree } from "../premises.service.js";
import type { NamedApplication, Round } from "../rounds.model.js";
import { canRunRounds } from "../rounds.policy.js";
import * as repo from "../rounds.repository.js";
import { requireRound } from "./find-round.js";
import { planSeasonBookings } from "./season-bookings.js";

const DAY_MINUTES = 24 * 60;

/** What publishing will do, for the page that asks staff to confirm it: who is told, how many are placed and not. */
export async function publishPreview(ctx: ServiceContext, roundId: string) {
  authorize(ctx.actor, canRunRounds, { tenantId: ctx.tenant.id });
  const round = await requireRound(ctx, roundId);
  const applications = await repo.applicationsOf(ctx.db, ctx.tenant.id, roundId, null);
  return {
    round,
    associations: new Set(applications.map((a) => a.associationId)).size,
    placed: applications.filter((a) => a.placed).length,
    unplaced: applications.filter((a) => !a.placed).length,
    /** Why it cannot be published now, if it cannot. */
    refusal: applications.length === 0 ? ("round.publish.empty" as const) : round.status !== "allocating" ? ("round.notAllocating" as const) : null,
  };
}

/**
 * Publishes the round: every placed wish becomes a weekly booking for the season (closed days
 * skipped), each association is told what it got, and the round is closed for changes. A slot
 * someone has booked meanwhile is not given, and the association is told so. All in one
 * transaction, in a fixed number of statements however many applications the round has.
 */
export async function publishRound(ctx: ServiceContext, roundId: string): Promise<void> {
  authorize(ctx.actor, canRunRounds, { tenantId: ctx.tenant.id });
  await inTransaction(ctx, async (tx) => {
    const tenantId = tx.tenant.id;
    const round = await requireRound(tx, roundId);
    if (round.status !== "allocating") throw conflict("not_allocating", "round.notAllocating");
    const applications = await repo.applicationsOf(tx.db, tenantId, roundId, null);
    if (applications.length === 0) throw conflict("conflict", "round.publish.empty");
    const tree = await premiseTree(tx);
    const placed = applications.flatMap((a) => (a.placed && tree.byId.has(a.placed.premiseId) ? [a.placed.premiseId] : []));
    // Bookings in the same building take turns (as a single request does), so the times read below stay free.
    const buildings = [...new Set(placed.map((id) => tree.building(id)?.id ?? id))].sort();
    for (const building of buildings) await takeTurns(tx.db, `premises:${building}`);

    const zone = tx.tenant.timeZone;
    const from = [round.seasonFrom, addDays(localToday(tx.clock.now(), zone), 1)].sort()[1] as string;
    const closures = await closuresOf(
      tx.db,
      tenantId,
      tree.all.map((p) => p.id),
      from,
      round.seasonTo,
    );
    // Any time zone's day lies within a day either side of the UTC dates; a buffer is shorter than a day.
    const held = await heldTimes(
      tx.db,
      tenantId,
      [...new Set(placed.flatMap((id) => tree.withParts(id)))],
      minuteOf(new Date(`${from}T00:00:00Z`)) - 2 * DAY_MINUTES,
      minuteOf(new Date(`${round.seasonTo}T00:00:00Z`)) + 3 * DAY_MINUTES,
    );
    const { granted, refused } = planSeasonBookings({
      applications,
      tree,
      from,
      until: round.seasonTo,
      zone,
      closures: closures.map((c) => ({ premiseId: c.premiseId, from: c.fromDate, to: c.toDate })),
      held,
      newId,
    });
    const now = isoNow(tx.clock);
    await bookings.insertBookings(
      tx.db,
      granted.map((b) => ({
        id: b.id,
        tenantId,
        premiseId: b.premiseId,
        associationId: b.associationId,
        userId: b.userId,
        purpose: b.purpose,
        participants: b.participants,
        status: "approved" as const,
        ...b.series,
        decisionNote: null,
        decidedBy: null,
        decidedAt: now,
        createdAt: now,
      })),
      now,
    );
    await bookings.insertDates(
      tx.db,
      tenantId,
      granted.flatMap((b) =>
        b.dates.map((o) => ({
          id: o.id,
          bookingId: b.id,
          premiseId: b.premiseId,
          localDate: o.localDate,
          startsAt: o.startsAt.toISOString(),
          endsAt: o.endsAt.toISOString(),
        })),
      ),
    );
    await bookings.insertHolds(
      tx.db,
      tenantId,
      granted.flatMap((b) => b.holds),
    );
    await repo.setBookings(
      tx.db,
      tenantId,
      granted.map((b) => ({ id: b.applicationId, bookingId: b.id })),
    );
    await repo.setPlacements(
      tx.db,
      tenantId,
      refused.map((id) => ({ id, placed: null })),
    );
    await repo.setRoundStatus(tx.db, tenantId, roundId, "published", now);
    await audit(tx, "round.published", { type: "allocation_round", id: roundId });
    const given = new Map(granted.map((b) => [b.applicationId, b.id]));
    await tellAssociations(tx, round, tree, applications, given);
  });
}

/** One mail to each association that applied: what it was given and what not. */
async function tellAssociations(ctx: ServiceContext, round: Round, tree: PremiseTree, applications: NamedApplication[], given: Map<string, string>) {
  const emails = new Map((await identities(ctx.db, ctx.tenant.id)).map((a) => [a.id, a.email]));
  for (const associationId of new Set(applications.map((a) => a.associationId))) {
    const to = emails.get(associationId);
    if (!to) continue;
    const theirs = applications.filter((a) => a.associationId === associationId);
    await sendMail(ctx.db, ctx.clock, {
      tenant: ctx.tenant,
      to,
      compose: (t, lang) => ({
        subject: t("mail.round.subject", { round: round.name }),
        paragraphs: [
          t("mail.round.body", { round: round.name }),
          ...theirs.map((a) =>
            given.has(a.id) && a.placed
              ? t("mail.round.granted", {
                  purpose: a.purpose,
                  premise: tree.byId.get(a.placed.premiseId)?.name ?? "",
                  weekday: t(weekdayLabel(a.placed.weekday)),
                  start: formats(lang, ctx.tenant.timeZone).time(a.placed.start),
                })
              : t("mail.round.notGranted", { purpose: a.purpose }),
          ),
        ],
        action: { label: t("mail.round.action"), url: `${ctx.baseUrl}/premises/rounds/${round.id}` },
      }),
    });
  }
}
