import { DAY_MS, isoNow } from "../../platform/clock.js";
import type { JobDeps, JobSet } from "../../platform/jobs/house-jobs.js";
import { forEachTenantContext, inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { mailLapsed, mailReminder } from "./event-mails.js";
import type { Registration } from "./events.model.js";
import * as repo from "./events.repository.js";
import { sendFollowUps } from "./fair-agreements.js";
import { deleteOldLeads } from "./fair-leads.js";
import { fillFreedPlaces, lockedOccupancy } from "./places.js";

/** Offers not accepted in time lapse (the person is told), and each freed place goes on to the next on the list. */
export async function lapseOffers(ctx: ServiceContext): Promise<void> {
  const lapsed = await repo.lapsedOffers(ctx.db, ctx.tenant.id, isoNow(ctx.clock));
  for (const eventId of new Set(lapsed.map((r) => r.eventId))) {
    await inTransaction(ctx, async (tx) => {
      const event = await repo.findEvent(tx.db, tx.tenant.id, eventId);
      if (!event) return;
      await lockedOccupancy(tx, event);
      // Read again under the event's turn: an acceptance may have come first.
      const still = (await repo.lapsedOffers(tx.db, tx.tenant.id, isoNow(tx.clock))).filter((r) => r.eventId === eventId);
      await repo.setRegistrationStatus(
        tx.db,
        tx.tenant.id,
        still.map((r) => r.id),
        "expired",
        { updatedAt: isoNow(tx.clock), offerExpiresAt: null },
      );
      for (const r of still) await mailLapsed(tx, event, r);
      await fillFreedPlaces(tx, event);
    });
  }
}

/** The day before an event, each registration gets a reminder with the way to cancel. */
export async function sendReminders(ctx: ServiceContext): Promise<void> {
  const now = ctx.clock.now().getTime();
  const due = await repo.remindersDue(ctx.db, ctx.tenant.id, new Date(now).toISOString(), new Date(now + DAY_MS).toISOString());
  const groups = new Map<string, Registration[]>();
  for (const r of due) groups.set(r.groupId, [...(groups.get(r.groupId) ?? []), r]);
  for (const group of groups.values()) {
    const event = await repo.findEvent(ctx.db, ctx.tenant.id, (group[0] as Registration).eventId);
    if (!event) continue;
    await inTransaction(ctx, async (tx) => {
      await mailReminder(tx, event, group);
      await repo.markReminded(
        tx.db,
        tx.tenant.id,
        group.map((r) => r.id),
        isoNow(tx.clock),
      );
    });
  }
}

/** Answers about health, food or access needs are kept only until 30 days after the event. */
export async function deleteSensitiveAnswers(ctx: ServiceContext): Promise<void> {
  await repo.deleteSensitiveAnswers(ctx.db, ctx.tenant.id, new Date(ctx.clock.now().getTime() - 30 * DAY_MS).toISOString());
}

export function eventJobs(deps: JobDeps): JobSet {
  const each = (work: (ctx: ServiceContext) => Promise<void>) => () => forEachTenantContext(deps, work);
  return {
    handlers: {
      "events.lapse_offers": each(lapseOffers),
      "events.reminders": each(sendReminders),
      "events.delete_answers": each(deleteSensitiveAnswers),
      // The fair: follow-up reminders of agreements, and leads deleted six months after the fair.
      "events.fair_follow_ups": each(sendFollowUps),
      "events.fair_delete_leads": each(deleteOldLeads),
    },
    schedules: [
      { name: "events.lapse_offers", everyMs: 5 * 60_000 },
      { name: "events.reminders", everyMs: 30 * 60_000 },
      { name: "events.delete_answers", everyMs: DAY_MS },
      { name: "events.fair_follow_ups", everyMs: 60 * 60_000 },
      { name: "events.fair_delete_leads", everyMs: DAY_MS },
    ],
  };
}
