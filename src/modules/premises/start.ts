import { isoNow } from "../../platform/clock.js";
import { formats } from "../../platform/i18n/format.js";
import type { WaitingItem } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { canBookForSomeAssociation, canDecideBookings, canSeeRounds, mayInTenant } from "./premises.policy.js";
import { myBookings, pendingQueue } from "./premises.service.js";
import { roundsPage } from "./rounds/round-pages.js";

/** Bookings waiting for the booker's answer or coming up; for caseworkers the requests to decide; open seasonal rounds. */
export async function waitingInPremises(ctx: ServiceContext): Promise<WaitingItem[]> {
  const actor = ctx.actor;
  const fmt = formats(ctx.lang, ctx.tenant.timeZone);
  const today = isoNow(ctx.clock).slice(0, 10);
  const items: WaitingItem[] = [];
  if (mayInTenant(actor, canBookForSomeAssociation)) {
    const mine = (await myBookings(ctx)).filter((b) => b.status !== "cancelled" && b.status !== "rejected" && (b.untilDate ?? b.startDate) >= today);
    const toAnswer = mine.filter((b) => b.status === "proposed");
    if (toAnswer.length > 0)
      items.push({ group: "association", label: "start.proposalsToAnswer", count: toAnswer.length, href: `/premises/bookings/${toAnswer[0]?.id}`, toDo: true });
    items.push({
      group: "association",
      label: "start.bookings",
      count: mine.length,
      href: "/premises/bookings",
      examples: mine.slice(0, 3).map((b) => ({ text: b.premiseName, href: `/premises/bookings/${b.id}`, note: fmt.date(b.startDate) })),
    });
  }
  if (mayInTenant(actor, canDecideBookings)) {
    const pending = await pendingQueue(ctx);
    items.push({ group: "premises", label: "start.bookingRequests", count: pending.length, href: "/premises/requests", toDo: true });
  }
  if (mayInTenant(actor, canSeeRounds)) {
    const open = (await roundsPage(ctx)).rounds.filter((r) => r.status !== "published");
    items.push({
      group: "premises",
      label: "start.openRounds",
      count: open.length,
      href: open.length === 1 ? `/premises/rounds/${open[0]?.id}` : "/premises/rounds",
    });
  }
  return items;
}
