import type { Database } from "../../../db/database.js";
import type { ServiceContext } from "../../../platform/service-context.js";
import { localToday } from "../../../platform/time/recurrence.js";
import { PremiseTree } from "../premise-tree.js";
import type { Closure, OpeningHours } from "../premises.model.js";
import * as premisesRepo from "../premises.repository.js";

/** A tenant's premises, opening hours and closures as of one `version` of premise_versions. */
export interface BookingRules {
  version: number;
  tree: PremiseTree;
  hoursOf(premiseIds: string[]): OpeningHours[];
  closuresOf(premiseIds: string[]): Closure[];
}

const group = <T extends { premiseId: string }>(rows: T[]) => {
  const by = new Map<string, T[]>();
  for (const r of rows) by.set(r.premiseId, [...(by.get(r.premiseId) ?? []), r]);
  return (ids: string[]) => ids.flatMap((id) => by.get(id) ?? []);
};

/**
 * Kept per database handle and tenant. Nothing here is trusted by itself: a booking is written only
 * while premise_versions still holds the version its rules were read at (a trigger raises it on any
 * change to premises, hours or closures, by any instance), so a stale copy costs one retry, never a
 * wrong booking.
 */
const cache = new WeakMap<Database, Map<string, BookingRules>>();

/**
 * The tenant's booking rules: as cached ("cached"; may be out of date, which the write will notice),
 * as cached once one cheap query shows they are current ("checked"), or read again ("fresh").
 * Whether they are known to be current comes with them.
 */
export async function bookingRules(
  ctx: Pick<ServiceContext, "db" | "tenant" | "clock">,
  how: "cached" | "checked" | "fresh" = "cached",
): Promise<{ rules: BookingRules; current: boolean }> {
  const perTenant = cache.get(ctx.db) ?? new Map<string, BookingRules>();
  cache.set(ctx.db, perTenant);
  const cached = perTenant.get(ctx.tenant.id);
  if (cached && how === "cached") return { rules: cached, current: false };
  // The version first: rows read after it are at least as new, so a change between the two only makes the cache look staler than it is.
  const version = await premisesRepo.rulesVersion(ctx.db, ctx.tenant.id);
  if (cached && how === "checked" && cached.version === version) return { rules: cached, current: true };
  const today = localToday(ctx.clock.now(), ctx.tenant.timeZone);
  const [premises, hours, closures] = await Promise.all([
    premisesRepo.allPremises(ctx.db, ctx.tenant.id),
    premisesRepo.allHours(ctx.db, ctx.tenant.id),
    premisesRepo.closuresFrom(ctx.db, ctx.tenant.id, today),
  ]);
  const rules: BookingRules = { version, tree: new PremiseTree(premises), hoursOf: group(hours), closuresOf: group(closures) };
  perTenant.set(ctx.tenant.id, rules);
  return { rules, current: true };
}
