import { logAccess } from "../../platform/audit/access.js";
import { can, isPerson } from "../../platform/auth/policy.js";
import { userNames } from "../../platform/auth/users.repository.js";
import { DAY_MS } from "../../platform/clock.js";
import { notFound, unauthenticated } from "../../platform/http/errors.js";
import type { ServiceContext } from "../../platform/service-context.js";
import type { BridgeCase } from "./bridge.model.js";
import { canWorkCases } from "./bridge.policy.js";
import * as records from "./case-records.repository.js";
import { bridgeRing, openCase } from "./cases.js";
import * as repo from "./cases.repository.js";
import { colleagues } from "./take-share.js";

// What the case list and the case page show, read once per page; every read of a case is in the access log.

const daysLeft = (ctx: ServiceContext, c: BridgeCase) =>
  c.consent || !c.purgeAfter ? null : Math.max(0, Math.ceil((Date.parse(c.purgeAfter) - ctx.clock.now().getTime()) / DAY_MS));

/** The bridge-builder's cases; anyone else finds nothing here. */
export async function caseList(ctx: ServiceContext) {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  if (!can(ctx.actor, canWorkCases, { tenantId: ctx.tenant.id })) throw notFound();
  const me = ctx.actor.userId;
  const cases = await repo.casesVisibleTo(ctx.db, bridgeRing(ctx), ctx.tenant.id, me);
  await logAccess(
    ctx,
    "bridge.cases.listed",
    "bridge_case",
    cases.map((c) => c.id),
  );
  const names = await userNames(
    ctx.db,
    ctx.tenant.id,
    cases.flatMap((c) => (c.builderId ? [c.builderId] : [])),
  );
  return cases.map((c) => ({ c, mine: c.builderId === me, holder: c.builderId ? (names.get(c.builderId) ?? null) : null, daysLeft: daysLeft(ctx, c) }));
}

/** The case's page: the case, its notes, the names it mentions, and the bridge-builders it can be shared with. */
export async function casePage(ctx: ServiceContext, id: string) {
  const c = await openCase(ctx, id);
  const [notes, others] = await Promise.all([records.notesOf(ctx.db, bridgeRing(ctx), ctx.tenant.id, [c.id]), colleagues(ctx)]);
  const people = [c.referredBy, c.builderId, c.consent?.by ?? null, ...c.sharedWith, ...notes.map((n) => n.authorId)].filter((x): x is string => Boolean(x));
  const names = Object.fromEntries(await userNames(ctx.db, ctx.tenant.id, people));
  return {
    c,
    notes,
    names,
    mayTake: c.builderId === null,
    colleagues: others.filter((b) => b.id !== c.builderId && !c.sharedWith.includes(b.id)),
    daysLeft: daysLeft(ctx, c),
  };
}

/** The name of whoever recorded the consent, for its printed copy. */
export async function consentByName(ctx: ServiceContext, c: BridgeCase): Promise<string | null> {
  if (!c.consent?.by) return null;
  return (await userNames(ctx.db, ctx.tenant.id, [c.consent.by])).get(c.consent.by) ?? null;
}
