import { can, isPerson } from "../../platform/auth/policy.js";
import { DAY_MS } from "../../platform/clock.js";
import { formats } from "../../platform/i18n/format.js";
import { translator } from "../../platform/i18n/i18n.js";
import type { WaitingItem } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { canWorkCases } from "./bridge.policy.js";
import * as records from "./case-records.repository.js";

/**
 * For a bridge-builder: the cases nobody holds yet, and the referrals still waiting for consent with the
 * days left before they are deleted. Counts and dates only: no names on the start page.
 */
export async function waitingInBridge(ctx: ServiceContext): Promise<WaitingItem[]> {
  if (!isPerson(ctx.actor) || !can(ctx.actor, canWorkCases, { tenantId: ctx.tenant.id })) return [];
  const t = translator(ctx.lang);
  const fmt = formats(ctx.lang, ctx.tenant.timeZone);
  const { unheld, awaiting } = await records.waitingCounts(ctx.db, ctx.tenant.id);
  const now = ctx.clock.now().getTime();
  const daysLeft = (purgeAfter: string | null) => (purgeAfter ? Math.max(0, Math.ceil((Date.parse(purgeAfter) - now) / DAY_MS)) : 0);
  return [
    { group: "centre", label: "start.bridge.unheld", count: unheld, href: "/bridge", toDo: true },
    {
      group: "centre",
      label: "start.bridge.awaitingConsent",
      count: awaiting.length,
      href: "/bridge",
      toDo: true,
      examples: awaiting.slice(0, 3).map((a) => ({
        text: t("start.bridge.referredOn", { date: fmt.date(a.createdAt) }),
        href: "/bridge",
        note: t("bridge.daysLeft", { count: daysLeft(a.purgeAfter) }),
      })),
    },
  ];
}
